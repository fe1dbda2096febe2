// A signed-in client for the benchmarks: keeps the session cookie and sends the CSRF token, as the web app does.

export type HttpSession = {
  /** The Cookie header that carries this person's session, for the load generator. */
  readonly cookie: string;
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
};

export async function signIn(baseUrl: string, email: string, password: string): Promise<HttpSession> {
  const cookies = new Map<string, string>();
  let csrfToken = '';
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie: cookieHeader(),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : undefined;
  };
  const loadCsrfToken = async () => {
    csrfToken = ((await send('GET', '/api/session')) as { csrfToken: string }).csrfToken;
  };
  await loadCsrfToken();
  await send('POST', '/api/session', { email, password });
  await loadCsrfToken();
  return {
    get cookie() {
      return cookieHeader();
    },
    request: async <T>(method: string, path: string, body?: unknown) => (await send(method, path, body)) as T,
  };
}
