import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** Someone who can sign in at the test provider, with the claims it vouches for them with. */
export type ProviderPerson = {
  login: string;
  password: string;
  claims: { email?: string; email_verified?: boolean; name?: string; groups?: string[]; department?: string };
};

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  people: Map<string, ProviderPerson>;
  close(): Promise<void>;
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A plain HTML form with labelled inputs, so a browser test can fill it by label as a person would. */
function loginPage(uid: string, message: string | null): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main>
<h1>Test identity provider</h1>
${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="login">Login</label> <input id="login" name="login" autocomplete="username" required>
<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
</main></body></html>`;
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A real `oidc-provider` on a random local port: one confidential client registered with Tend's
 * redirect and post-logout addresses, PKCE required, and a login page of its own (the library's
 * development pages are off) that signs in the people given and consents for them at once.
 */
export async function startOidcProvider(options: {
  redirectUri: string;
  postLogoutRedirectUri: string;
  people: ProviderPerson[];
}): Promise<TestOidcProvider> {
  const people = new Map(options.people.map((person) => [person.login, person]));
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) =>
    response.end();
  const server: Server = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'tend';
  const clientSecret = randomBytes(24).toString('hex');
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups', 'department'],
    },
    interactions: {
      url: (_context: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    findAccount: (_context: unknown, subject: string) => {
      const person = people.get(subject);
      return person ? { accountId: subject, claims: () => ({ sub: subject, ...person.claims }) } : undefined;
    },
  });
  const providerHandler = provider.callback();

  async function interact(request: IncomingMessage, response: ServerResponse, path: string) {
    const send = (status: number, html: string) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      response.end(html);
    };
    const details = await provider.interactionDetails(request, response);
    if (request.method === 'GET') return send(200, loginPage(details.uid, null));
    if (request.method !== 'POST' || !path.endsWith('/login')) return send(405, 'Method not allowed');
    const form = await readForm(request);
    const person = people.get(form.get('login') ?? '');
    if (!person || person.password !== form.get('password')) {
      return send(200, loginPage(details.uid, 'That login and password do not match.'));
    }
    // Consent is part of signing in here: the grant covers what Tend asked for.
    const grant = new provider.Grant({ accountId: person.login, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope ?? 'openid');
    const grantId = await grant.save();
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: person.login }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  handle = (request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (!path.startsWith('/interaction/')) return providerHandler(request, response);
    interact(request, response, path).catch((error: unknown) => {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end(error instanceof Error ? error.message : 'interaction failed');
    });
  };

  return {
    issuer,
    clientId,
    clientSecret,
    people,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Signs in at the provider the way a browser would, by fetch with a hand-kept cookie jar: follows the
 * authorization URL to the login page, submits the form, and follows redirects until the provider
 * sends the browser back to `redirectUriPrefix`; returns that callback URL (not followed).
 */
export async function signInAtProvider(
  authorizationUrl: string,
  credentials: { login: string; password: string },
  redirectUriPrefix: string,
): Promise<string> {
  const jar = new Map<string, string>();
  const request = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  let url = authorizationUrl;
  let hasSubmitted = false;
  for (let step = 0; step < 10; step++) {
    if (url.startsWith(redirectUriPrefix)) return url;
    const response = await request(url);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const page = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    if (!action || hasSubmitted)
      throw new Error(`the provider answered ${response.status}: ${page.slice(0, 300)}`);
    hasSubmitted = true;
    const submitted = await request(new URL(action, url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(credentials).toString(),
    });
    const next = submitted.headers.get('location');
    if (!next)
      throw new Error(`signing in at the provider failed: ${(await submitted.text()).slice(0, 300)}`);
    url = new URL(next, url).href;
  }
  throw new Error('the provider never sent the browser back');
}
