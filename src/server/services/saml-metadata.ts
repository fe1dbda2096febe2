/**
 * An identity provider's SAML metadata: read from XML an admin pasted, or fetched from the address
 * an admin gave, into the few settings Tend keeps (entity ID, sign-in and logout addresses, signing
 * certificates). Read once, at save time: sign-ins never depend on the provider's metadata server.
 */
import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import type { SamlConnectionSettings } from '../../db/schema.ts';
import { AppError } from '../errors.ts';

const metadataNamespace = 'urn:oasis:names:tc:SAML:2.0:metadata';
const signatureNamespace = 'http://www.w3.org/2000/09/xmldsig#';
const redirectBinding = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

/** Real federation metadata for one provider is a few kilobytes; aggregates of thousands are not ours. */
export const maxMetadataBytes = 1024 * 1024;
const fetchTimeoutMs = 10_000;

function invalid(field: string, problem: string): AppError {
  return new AppError('SSO_SETTINGS_INVALID', `The identity provider's metadata ${problem}`, {
    fields: { [`body.${field}`]: problem },
  });
}

function childrenOf(parent: Element, localName: string, namespace = metadataNamespace): Element[] {
  return Array.from(parent.getElementsByTagNameNS(namespace, localName));
}

function redirectLocationOf(descriptor: Element, localName: string): string | null {
  const service = childrenOf(descriptor, localName).find(
    (element) => element.getAttribute('Binding') === redirectBinding,
  );
  return service?.getAttribute('Location')?.trim() || null;
}

/** Base64 DER in the metadata → PEM, refused when it is not a certificate at all. */
function toPem(base64: string, field: string): string {
  const body = base64.replace(/\s+/g, '');
  const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`;
  try {
    new X509Certificate(pem);
  } catch {
    throw invalid(field, 'has a signing certificate that is not a valid X.509 certificate.');
  }
  return pem;
}

function isAddress(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/**
 * The settings of the first identity provider described in the XML. `field` names the request field
 * errors point at (`metadataXml` or `metadataUrl`).
 */
export function parseIdentityProviderMetadata(
  xml: string,
  field = 'metadataXml',
): Omit<SamlConnectionSettings, 'metadataUrl'> {
  const problems: string[] = [];
  // xmldom reports malformed XML through this handler instead of throwing; it never fetches entities.
  const document = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (message) => problems.push(String(message)),
      fatalError: (message) => problems.push(String(message)),
    },
  }).parseFromString(xml, 'text/xml');
  if (problems.length > 0 || !document?.documentElement) {
    throw invalid(field, 'is not well-formed XML.');
  }
  const descriptor =
    childrenOf(document.documentElement, 'IDPSSODescriptor')[0] ??
    (document.documentElement.localName === 'IDPSSODescriptor' &&
    document.documentElement.namespaceURI === metadataNamespace
      ? document.documentElement
      : undefined);
  if (!descriptor) {
    throw invalid(field, "has no IDPSSODescriptor: is this the identity provider's metadata (not Tend's)?");
  }
  const entity = descriptor.parentNode as Element | null;
  const idpEntityId = entity?.getAttribute?.('entityID')?.trim();
  if (!idpEntityId) throw invalid(field, 'has no entityID on its EntityDescriptor.');
  const entryPoint = redirectLocationOf(descriptor, 'SingleSignOnService');
  if (!entryPoint || !isAddress(entryPoint)) {
    throw invalid(
      field,
      'has no SingleSignOnService with the HTTP-Redirect binding and an http(s) Location.',
    );
  }
  const logoutUrl = redirectLocationOf(descriptor, 'SingleLogoutService');
  const certificates = childrenOf(descriptor, 'KeyDescriptor')
    // A KeyDescriptor without `use` serves for both signing and encryption.
    .filter((key) => (key.getAttribute('use') || 'signing') === 'signing')
    .flatMap((key) => childrenOf(key, 'X509Certificate', signatureNamespace))
    .map((certificate) => toPem(certificate.textContent ?? '', field));
  if (certificates.length === 0) {
    throw invalid(field, 'has no signing certificate (KeyDescriptor with an X509Certificate).');
  }
  return {
    idpEntityId,
    entryPoint,
    logoutUrl: logoutUrl && isAddress(logoutUrl) ? logoutUrl : null,
    certificates: [...new Set(certificates)],
  };
}

/** Reads the body up to the limit, so a provider answering endlessly cannot exhaust memory. */
async function readLimited(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxMetadataBytes) throw invalid('metadataUrl', 'is larger than 1 MB.');
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxMetadataBytes) {
      await reader.cancel();
      throw invalid('metadataUrl', 'is larger than 1 MB.');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Fetches and reads metadata from the provider's address. Only https in production: over plain http
 * anyone on the path could swap the certificates Tend will trust.
 */
export async function fetchIdentityProviderMetadata(
  address: string,
  environment: 'development' | 'production' | 'test',
): Promise<SamlConnectionSettings> {
  const url = URL.canParse(address) ? new URL(address) : null;
  const allowed = environment === 'production' ? ['https:'] : ['https:', 'http:'];
  if (!url || !allowed.includes(url.protocol)) {
    throw new AppError('SSO_SETTINGS_INVALID', 'The metadata address must be an https:// address.', {
      fields: { 'body.metadataUrl': 'must be an https:// address' },
    });
  }
  let xml: string;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(fetchTimeoutMs),
      redirect: 'error',
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
    });
    if (!response.ok)
      throw invalid('metadataUrl', `could not be fetched: the server answered ${response.status}.`);
    xml = await readLimited(response);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(
      'metadataUrl',
      'could not be fetched: the address did not answer within 10 seconds or refused the connection.',
    );
  }
  return { metadataUrl: url.toString(), ...parseIdentityProviderMetadata(xml, 'metadataUrl') };
}
