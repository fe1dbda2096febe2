import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { toAttributeLists } from '../../core/accounts/sso-identity.ts';
import type { Database } from '../../db/connect.ts';
import type { OidcConnectionSettings, SsoSessionLink } from '../../db/schema.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import { serviceProviderAddresses } from './sso-addresses.ts';
import { clientSecretOf, type SsoConnection } from './sso-connections.ts';
// Renamed here: Biome reads a `use…` name as a React hook and objects to it after an early return.
import {
  useAssertionOnce as acceptAssertionOnce,
  savePendingSignIn,
  takePendingSignIn,
} from './sso-replay.ts';
import { refuseSignIn, signInWithIdentity } from './sso-sign-in.ts';

type OidcConfig = Pick<Config, 'environment' | 'publicUrl' | 'ssoEncryptionKey'>;

/** Discovery answers are kept this long, so a sign-in does not fetch the provider's metadata twice. */
const discoveryLifetimeMs = 5 * 60_000;
/** A provider that does not answer discovery in this many seconds counts as unreachable. */
const discoveryTimeoutSeconds = 10;

/** Keyed by connection id; the key also names what was discovered, so saving new settings misses. */
const discovered = new Map<
  string,
  { key: string; configuration: Promise<client.Configuration>; expiresAt: number }
>();

/**
 * Fetches the provider's metadata and keys and describes Tend as its client. Plain http is allowed
 * outside production only: a local test provider has no certificate, a real one always does.
 */
export async function discoverProvider(
  settings: OidcConnectionSettings,
  clientSecret: string | undefined,
  config: Pick<Config, 'environment'>,
): Promise<client.Configuration> {
  const options: client.DiscoveryRequestOptions = {
    timeout: discoveryTimeoutSeconds,
    ...(config.environment === 'production' ? {} : { execute: [client.allowInsecureRequests] }),
  };
  const configuration = await client.discovery(
    new URL(settings.issuer),
    settings.clientId,
    clientSecret ? { client_secret: clientSecret } : {},
    clientSecret ? sendSecretAsProviderReadsIt(clientSecret) : client.None(),
    options,
  );
  // The ID token comes straight from the provider over TLS, which the standard accepts instead of
  // checking its signature; Tend checks it anyway, so a token forged or altered on the way fails.
  client.enableNonRepudiationChecks(configuration);
  return configuration;
}

/** Sends the secret the way the provider's metadata says it reads it; HTTP Basic (the default) otherwise. */
function sendSecretAsProviderReadsIt(clientSecret: string): client.ClientAuth {
  const basic = client.ClientSecretBasic(clientSecret);
  const post = client.ClientSecretPost(clientSecret);
  return (server, clientMetadata, body, headers) => {
    const methods = server.token_endpoint_auth_methods_supported;
    const isPostOnly = methods?.includes('client_secret_post') && !methods.includes('client_secret_basic');
    return (isPostOnly ? post : basic)(server, clientMetadata, body, headers);
  };
}

async function configurationFor(
  connection: SsoConnection,
  config: OidcConfig,
): Promise<client.Configuration> {
  const settings = connection.settings as OidcConnectionSettings;
  const key = `${settings.issuer} ${settings.clientId} ${connection.updatedAt.toISOString()}`;
  const cached = discovered.get(connection.id);
  if (cached && cached.key === key && cached.expiresAt > Date.now()) return cached.configuration;
  const configuration = discoverProvider(
    settings,
    clientSecretOf(connection, config.ssoEncryptionKey),
    config,
  );
  const entry = { key, configuration, expiresAt: Date.now() + discoveryLifetimeMs };
  discovered.set(connection.id, entry);
  // A failed discovery is not remembered: the next sign-in tries the provider again.
  configuration.catch(() => {
    if (discovered.get(connection.id) === entry) discovered.delete(connection.id);
  });
  return configuration;
}

/** Whether an error means the provider could not be reached at all (as opposed to answering badly). */
export function isUnreachable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError') return true;
    if (cause instanceof TypeError && cause.message === 'fetch failed') return true;
    if (
      'code' in cause &&
      /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EHOSTUNREACH)$/.test(String(cause.code))
    )
      return true;
  }
  return false;
}

/** What went wrong at the provider, in words an admin or the person signing in can act on. */
export function describeProviderError(error: unknown): string {
  if (isUnreachable(error)) return 'it could not be reached';
  // openid-client's own message is generic ("unexpected JWT claim value encountered"); the check
  // that failed is named by the oauth4webapi error it wraps, so read the whole chain of causes.
  const messages: string[] = [];
  for (let cause = error; cause instanceof Error; cause = cause.cause) messages.push(cause.message);
  const message = messages.join(' | ') || String(error);
  if (/"issuer" property does not match/.test(message)) {
    return 'its discovery document names a different issuer (check the address exactly, trailing slash included)';
  }
  if (/signature/i.test(message)) return "its signature does not match the provider's keys";
  if (/"alg"/.test(message)) return 'it is not signed the way the provider signs its tokens';
  if (/"aud"|"azp"/.test(message)) return 'it was issued for another application';
  if (/"iss"/.test(message)) return 'it was issued by another provider';
  if (/"nonce"/.test(message)) return 'it does not belong to this sign-in';
  if (/"exp"|expired/i.test(message)) return 'it has expired';
  if (/"iat"|"nbf"|timestamp/.test(message)) return 'its time stamps are not valid';
  if (error instanceof client.ResponseBodyError) return `the provider answered "${error.error}"`;
  // The library's own wording, which names the check; it never contains the token.
  return (messages[messages.length - 1] ?? message).slice(0, 200);
}

export type OidcStart = { authorizationUrl: string; state: string };

/**
 * Sends the person to their provider: a random state (which also binds the answer to this browser,
 * through a cookie the route sets), a nonce the ID token must carry, and a PKCE verifier, so a code
 * stolen on the way back cannot be exchanged by anyone else.
 */
export async function startOidcSignIn(
  db: Database,
  connection: SsoConnection,
  config: OidcConfig,
  now: Date,
): Promise<OidcStart> {
  const configuration = await configurationFor(connection, config);
  const state = generateToken();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await savePendingSignIn(db, connection, hashToken(state), { nonce, codeVerifier }, now);
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: serviceProviderAddresses(config.publicUrl, connection.organizationId).oidcRedirectUri,
    scope: 'openid email profile',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { authorizationUrl: url.href, state };
}

export type OidcCallback = {
  /** The query string the provider sent back, as received. */
  search: string;
  state: string | undefined;
  error: string | undefined;
  errorDescription: string | undefined;
  /** The state this browser started with (from its cookie), and the connection it started at. */
  browserState: string | undefined;
  browserConnectionId: string | undefined;
};

/** The reason shown when the answer does not match a sign-in this server started. */
export const startAgainMessage = 'This sign-in has expired or was already used. Please start again.';

/**
 * Checks the provider's answer and signs the person in. Every refusal goes through refuseSignIn, so
 * it is in the audit log of the organisation that started it — except an answer naming no sign-in
 * Tend knows, with no browser cookie naming one either: there is no organisation to tell, so only
 * the server's log has it. Throws AppError('SSO_REFUSED') with a message a person understands.
 */
export async function finishOidcSignIn(
  db: Database,
  callback: OidcCallback,
  config: OidcConfig,
  now: Date,
  findConnection: (id: string) => Promise<SsoConnection | null>,
): Promise<{ token: string; userId: string }> {
  const pending = callback.state ? await takePendingSignIn(db, hashToken(callback.state), now) : null;
  const connectionId = pending?.connectionId ?? callback.browserConnectionId;
  const connection = connectionId ? await findConnection(connectionId) : null;
  if (connection?.protocol !== 'oidc') throw new AppError('SSO_REFUSED', startAgainMessage);
  const name = connection.displayName;
  if (callback.error) {
    const said = (callback.errorDescription || callback.error).slice(0, 200);
    return refuseSignIn(
      db,
      connection,
      callback.error === 'access_denied'
        ? `Sign-in at ${name} was cancelled or refused (${said}).`
        : `${name} did not sign you in (${said}).`,
    );
  }
  if (!pending || !callback.state) return refuseSignIn(db, connection, startAgainMessage);
  if (callback.browserState !== callback.state || callback.browserConnectionId !== pending.connectionId) {
    return refuseSignIn(
      db,
      connection,
      'This sign-in was started in another browser or tab. Please start again from this one.',
    );
  }
  if (!pending.nonce || !pending.codeVerifier) return refuseSignIn(db, connection, startAgainMessage);

  let claims: Record<string, unknown>;
  let idToken: string;
  try {
    const configuration = await configurationFor(connection, config);
    const redirectUri = serviceProviderAddresses(config.publicUrl, connection.organizationId).oidcRedirectUri;
    const tokens = await client.authorizationCodeGrant(
      configuration,
      new URL(`${redirectUri}${callback.search}`),
      {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: callback.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      },
    );
    const idTokenClaims = tokens.claims();
    if (!tokens.id_token || !idTokenClaims) throw new Error('the provider sent no ID token');
    idToken = tokens.id_token;
    claims = { ...idTokenClaims };
    // Many providers put e-mail and groups in the user-info answer only; the ID token wins where both say.
    const userInfoEndpoint = configuration.serverMetadata().userinfo_endpoint;
    if (userInfoEndpoint && tokens.access_token) {
      const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idTokenClaims.sub);
      claims = { ...userInfo, ...idTokenClaims };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isUnreachable(error)) {
      return refuseSignIn(
        db,
        connection,
        `${name} could not be reached, so you were not signed in. Try again later.`,
      );
    }
    return refuseSignIn(
      db,
      connection,
      `${name}'s answer could not be verified (${describeProviderError(error)}), so you were not signed in.`,
    );
  }

  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!email) {
    return refuseSignIn(
      db,
      connection,
      `${name} did not say which e-mail address you have, so Tend cannot tell who you are.`,
    );
  }
  if (claims.email_verified === false) {
    return refuseSignIn(
      db,
      connection,
      `${name} has not verified the address ${email}; verify it there first.`,
    );
  }
  // An ID token works once: its jti (or, without one, its hash) is kept until it expires.
  const assertionId =
    typeof claims.jti === 'string' && claims.jti
      ? `jti:${claims.jti}`
      : `sha256:${createHash('sha256').update(idToken).digest('hex')}`;
  const expiresAt = new Date(typeof claims.exp === 'number' ? claims.exp * 1000 : now.getTime() + 3_600_000);
  if (!(await acceptAssertionOnce(db, connection, assertionId, expiresAt))) {
    return refuseSignIn(db, connection, `${name}'s answer was already used once. Please start again.`);
  }
  const subject = String(claims.sub);
  return signInWithIdentity(
    db,
    connection,
    {
      subject,
      email,
      name: typeof claims.name === 'string' ? claims.name : null,
      attributes: toAttributeLists(claims),
    },
    { subject, sessionIndex: typeof claims.sid === 'string' ? claims.sid : null },
    now,
  );
}

/**
 * Where to send the browser after signing out of Tend, so the provider ends its session too: its
 * end_session_endpoint with Tend's client id and the address to come back to. Null when the
 * provider has none, or cannot be reached (signing out of Tend must not wait on it).
 */
export async function oidcLogoutUrl(
  connection: SsoConnection,
  link: SsoSessionLink,
  config: OidcConfig,
): Promise<string | null> {
  if (connection.protocol !== 'oidc' || link.connectionId !== connection.id) return null;
  try {
    const configuration = await configurationFor(connection, config);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      client_id: configuration.clientMetadata().client_id,
      post_logout_redirect_uri: serviceProviderAddresses(config.publicUrl, connection.organizationId)
        .oidcPostLogoutRedirectUri,
    }).href;
  } catch {
    return null;
  }
}
