/**
 * The push services browsers use (Chrome/Edge via FCM, Firefox, Safari, Windows). The server posts to
 * whatever endpoint a subscription names, so only these are accepted: anything else would let a
 * signed-in person make the server send requests into its own network.
 */
export const knownPushServiceHosts = [
  'fcm.googleapis.com',
  'android.googleapis.com',
  'updates.push.services.mozilla.com',
  'push.services.mozilla.com',
  'web.push.apple.com',
  'notify.windows.com',
] as const;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Why `endpoint` may not be used as a push endpoint, or null when it may: https on one of `hosts` (or
 * a subdomain of one); plain http only for a loopback host that is itself listed (a local push
 * service in tests and development).
 */
export function pushEndpointProblem(endpoint: string, hosts: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be the push service address the browser gave (an https URL)';
  }
  const host = url.hostname;
  const isListed = hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
  if (!isListed) return `must be on a known push service (${hosts.join(', ')})`;
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && loopbackHosts.has(host)) return null;
  return 'must be an https URL';
}
