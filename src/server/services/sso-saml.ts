/**
 * SAML 2.0 sign-in for one organisation's identity provider, with @node-saml/node-saml doing the
 * XML signature and condition checks. What node-saml leaves to its caller is here: the request IDs
 * an answer must match (kept in the database, so any app server can take the answer), the assertion
 * replay cache, the Recipient and Destination checks, and turning attributes into an identity.
 */
import {
  type CacheItem,
  type CacheProvider,
  type Profile,
  SAML,
  ValidateInResponseTo,
} from '@node-saml/node-saml';
import { DOMParser } from '@xmldom/xmldom';
import type { VouchedIdentity } from '../../core/accounts/sso-identity.ts';
import { toAttributeLists } from '../../core/accounts/sso-identity.ts';
import type { Database } from '../../db/connect.ts';
import type { SamlConnectionSettings, SsoSessionLink } from '../../db/schema.ts';
import type { Config } from '../config.ts';
import { serviceProviderAddresses } from './sso-addresses.ts';
import type { SsoConnection } from './sso-connections.ts';
import {
  pendingSignInLifetimeMs,
  // Renamed here: Biome's React rules take any `use…` function for a hook.
  useAssertionOnce as recordAssertionOnce,
  savePendingSignIn,
  takePendingSignIn,
} from './sso-replay.ts';
import { refuseSignIn, signInWithIdentity } from './sso-sign-in.ts';

const assertionNamespace = 'urn:oasis:names:tc:SAML:2.0:assertion';
export const emailFormat = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

/**
 * Clocks of the provider and of Tend may disagree a little; a minute covers ordinary NTP drift
 * while keeping an intercepted assertion useless soon after its NotOnOrAfter.
 */
const acceptedClockSkewMs = 60_000;

/**
 * node-saml's cache of request IDs, backed by pending sign-ins in the database. node-saml reads an
 * ID up to twice for one answer (the Response's InResponseTo, then the assertion's), so the first
 * read takes the row (single use) and this instance, made for one request, remembers what it took.
 */
export function requestIdCache(db: Database, connection: SsoConnection, now: () => Date): CacheProvider {
  const taken = new Map<string, string | null>();
  return {
    async saveAsync(key: string, value: string): Promise<CacheItem> {
      await savePendingSignIn(db, connection, key, { nonce: null, codeVerifier: null }, now());
      return { value, createdAt: now().getTime() };
    },
    async getAsync(key: string): Promise<string | null> {
      if (!taken.has(key)) {
        const pending = await takePendingSignIn(db, key, now());
        // An ID issued for another organisation's provider does not answer for this one.
        // node-saml wants the request's creation time back, to check its age against the real clock;
        // takePendingSignIn already refused it past its lifetime on Tend's clock, so "now" stands in.
        taken.set(key, pending && pending.connectionId === connection.id ? now().toISOString() : null);
      }
      return taken.get(key) ?? null;
    },
    async removeAsync(key: string | null): Promise<string | null> {
      return key;
    },
  };
}

export function samlFor(
  connection: SsoConnection,
  config: Pick<Config, 'publicUrl'>,
  cacheProvider: CacheProvider,
): SAML {
  const settings = connection.settings as SamlConnectionSettings;
  const addresses = serviceProviderAddresses(config.publicUrl, connection.organizationId);
  return new SAML({
    idpCert: settings.certificates,
    idpIssuer: settings.idpEntityId,
    issuer: addresses.samlEntityId,
    audience: addresses.samlEntityId,
    callbackUrl: addresses.samlAcsUrl,
    logoutCallbackUrl: addresses.samlLogoutUrl,
    entryPoint: settings.entryPoint,
    // node-saml needs an address to build logout messages; without one Tend never sends any.
    logoutUrl: settings.logoutUrl ?? settings.entryPoint,
    // The signed assertion is what Tend trusts; providers differ on also signing the envelope.
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs,
    // Only answers to a request Tend sent: an unsolicited (IdP-initiated) response could be
    // one captured elsewhere and posted into a victim's browser (login CSRF).
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: pendingSignInLifetimeMs,
    cacheProvider,
    identifierFormat: emailFormat,
    allowCreate: true,
    // No particular authentication method is asked for: the provider's own policy (MFA) applies.
    disableRequestedAuthnContext: true,
    signatureAlgorithm: 'sha256',
  });
}

/** Tend's service provider metadata for this organisation, to upload at the provider. */
export function serviceProviderMetadata(
  connection: SsoConnection,
  config: Pick<Config, 'publicUrl'>,
): string {
  const unused: CacheProvider = {
    saveAsync: async () => null,
    getAsync: async () => null,
    removeAsync: async () => null,
  };
  return samlFor(connection, config, unused).generateServiceProviderMetadata(null, null);
}

/** The provider's sign-in address carrying a fresh AuthnRequest, whose ID is remembered. */
export async function startSamlSignIn(
  db: Database,
  connection: SsoConnection,
  config: Pick<Config, 'publicUrl'>,
  now: () => Date,
): Promise<string> {
  return samlFor(connection, config, requestIdCache(db, connection, now)).getAuthorizeUrlAsync(
    '',
    undefined,
    {},
  );
}

function parseXml(xml: string): Document {
  return new DOMParser({
    errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} },
  }).parseFromString(xml, 'text/xml');
}

function firstOf(parent: Document | Element, namespace: string, localName: string): Element | undefined {
  return Array.from(parent.getElementsByTagNameNS(namespace, localName))[0];
}

/**
 * The checks node-saml does not make, on the assertion it verified: it was meant for this ACS
 * (Recipient), answers the request the Response names, and has an ID to record. Returns a reason to
 * refuse, or the assertion's ID and the end of its validity.
 */
function checkAddressing(
  profile: Profile,
  acsUrl: string,
  now: Date,
): { refusal: string } | { assertionId: string; expiresAt: Date } {
  const assertion = parseXml(profile.getAssertionXml?.() ?? '').documentElement;
  const response = parseXml(profile.getSamlResponseXml?.() ?? '').documentElement;
  const assertionId = assertion?.getAttribute('ID');
  if (!assertion || !response || !assertionId) return { refusal: 'The answer has no assertion ID.' };
  const destination = response.getAttribute('Destination');
  if (destination && destination !== acsUrl)
    return { refusal: 'The answer was addressed to another service.' };
  const confirmation = firstOf(assertion, assertionNamespace, 'SubjectConfirmationData');
  if (confirmation?.getAttribute('Recipient') !== acsUrl) {
    return { refusal: 'The answer was addressed to another service.' };
  }
  // The Response's InResponseTo is outside the signature; the assertion's is inside it.
  if (confirmation.getAttribute('InResponseTo') !== response.getAttribute('InResponseTo')) {
    return { refusal: 'The answer does not belong to the sign-in started here.' };
  }
  const conditions = firstOf(assertion, assertionNamespace, 'Conditions');
  const ends = [confirmation.getAttribute('NotOnOrAfter'), conditions?.getAttribute('NotOnOrAfter')]
    .filter((value): value is string => Boolean(value))
    .map((value) => Date.parse(value))
    .filter((value) => !Number.isNaN(value));
  // Without a stated end, keep the record as long as any answer could be accepted.
  const expiresAt = new Date(
    ends.length > 0 ? Math.max(...ends) + acceptedClockSkewMs : now.getTime() + 86_400_000,
  );
  return { assertionId, expiresAt };
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const emailAttributes = ['mail', 'email', 'urn:oid:0.9.2342.19200300.100.1.3', 'emailAddress'];
const nameAttributes = ['displayName', 'urn:oid:2.16.840.1.113730.3.1.241', 'cn', 'urn:oid:2.5.4.3'];
const givenNameAttributes = ['givenName', 'urn:oid:2.5.4.42'];
const surnameAttributes = ['sn', 'surname', 'urn:oid:2.5.4.4'];

/** What the assertion says about the person: NameID as subject, e-mail and name from attributes. */
export function identityFromProfile(profile: Profile): VouchedIdentity | null {
  const attributes = toAttributeLists((profile.attributes ?? {}) as Record<string, unknown>);
  const first = (names: string[]) =>
    names
      .map((name) => attributes[name]?.find((value) => value.trim()))
      .find(Boolean)
      ?.trim();
  const nameId = profile.nameID?.trim();
  if (!nameId) return null;
  const email = emailPattern.test(nameId) ? nameId : first(emailAttributes);
  if (!email || !emailPattern.test(email)) return null;
  const fullName =
    first(nameAttributes) ??
    ([first(givenNameAttributes), first(surnameAttributes)].filter(Boolean).join(' ') || null);
  return { subject: nameId, email: email.toLowerCase(), name: fullName, attributes };
}

/** node-saml's technical error → what a person at the sign-in page can understand. */
function plainReason(error: unknown, providerName: string): string {
  const message = error instanceof Error ? error.message : '';
  if (/InResponseTo|subject confirmation/i.test(message)) {
    return 'This sign-in was not started from Tend, took too long or was already used. Please start again.';
  }
  if (/signature/i.test(message)) return `The answer from ${providerName} was not signed with its known key.`;
  if (/audience/i.test(message)) return `The answer from ${providerName} was meant for another service.`;
  if (/expired|not yet valid/i.test(message)) {
    return `The answer from ${providerName} has expired. Please sign in again.`;
  }
  if (/issuer/i.test(message)) return `The answer did not come from ${providerName}.`;
  if (/status|Responder|Requester/i.test(message)) return `${providerName} did not sign you in.`;
  return `The answer from ${providerName} could not be checked. Please sign in again.`;
}

/**
 * Checks a posted SAMLResponse and starts a session for the person it vouches for. Every refusal
 * goes through refuseSignIn (an audit line, then AppError SSO_REFUSED); the assertion is never logged.
 */
export async function finishSamlSignIn(
  db: Database,
  connection: SsoConnection,
  config: Pick<Config, 'publicUrl'>,
  samlResponse: string,
  now: () => Date,
): Promise<{ token: string; userId: string }> {
  const saml = samlFor(connection, config, requestIdCache(db, connection, now));
  let profile: Profile | null;
  try {
    ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (error) {
    return refuseSignIn(db, connection, plainReason(error, connection.displayName));
  }
  if (!profile) return refuseSignIn(db, connection, `${connection.displayName} did not sign you in.`);
  const settings = connection.settings as SamlConnectionSettings;
  if (profile.issuer !== settings.idpEntityId) {
    return refuseSignIn(db, connection, `The answer did not come from ${connection.displayName}.`);
  }
  const acsUrl = serviceProviderAddresses(config.publicUrl, connection.organizationId).samlAcsUrl;
  const addressing = checkAddressing(profile, acsUrl, now());
  if ('refusal' in addressing) return refuseSignIn(db, connection, addressing.refusal);
  if (!(await recordAssertionOnce(db, connection, addressing.assertionId, addressing.expiresAt))) {
    return refuseSignIn(db, connection, 'This sign-in answer was already used. Please start again.');
  }
  const identity = identityFromProfile(profile);
  if (!identity) {
    return refuseSignIn(
      db,
      connection,
      `${connection.displayName} did not say which e-mail address is yours.`,
    );
  }
  return signInWithIdentity(
    db,
    connection,
    identity,
    {
      subject: identity.subject,
      nameIdFormat: profile.nameIDFormat ?? null,
      sessionIndex: profile.sessionIndex ?? null,
    },
    now(),
  );
}

/**
 * Where to send the browser at sign-out so the provider ends its session too: its logout address with
 * a LogoutRequest naming this sign-in, or null when the provider has no logout address.
 */
export async function samlLogoutUrl(
  db: Database,
  connection: SsoConnection,
  link: SsoSessionLink,
  config: Pick<Config, 'publicUrl'>,
  now: () => Date = () => new Date(),
): Promise<string | null> {
  if (!(connection.settings as SamlConnectionSettings).logoutUrl) return null;
  const saml = samlFor(connection, config, requestIdCache(db, connection, now));
  const profile: Profile = {
    issuer: (connection.settings as SamlConnectionSettings).idpEntityId,
    nameID: link.subject,
    nameIDFormat: link.nameIdFormat ?? emailFormat,
    ...(link.sessionIndex ? { sessionIndex: link.sessionIndex } : {}),
  };
  return saml.getLogoutUrlAsync(profile, '', {});
}
