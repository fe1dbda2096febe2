/**
 * A real SAML 2.0 identity provider for tests, on a random local port: it publishes metadata, takes
 * an AuthnRequest (HTTP-Redirect), shows a plain login page (Username, Password, "Sign in") and
 * answers with an auto-submitting form that posts a signed Response to the service's ACS. Forged
 * answers for the refusal tests come from `buildResponse`.
 */
import { randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

const fixtures = new URL('../fixtures/saml-idp/', import.meta.url);
const readFixture = (name: string) => readFileSync(new URL(name, fixtures), 'utf8');
export const idpKeys = { privateKey: readFixture('idp-key.pem'), certificate: readFixture('idp-cert.pem') };
export const attackerKeys = {
  privateKey: readFixture('attacker-key.pem'),
  certificate: readFixture('attacker-cert.pem'),
};

const rsaSha256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const exclusiveC14n = 'http://www.w3.org/2001/10/xml-exc-c14n#';

export type IdpUser = { password: string; email: string; displayName: string; affiliations: string[] };

export type ResponseOptions = {
  inResponseTo: string | null;
  acsUrl: string;
  audience: string;
  nameId: string;
  attributes?: Record<string, string[]>;
  sessionIndex?: string;
  /** Default: five minutes from now. */
  notOnOrAfter?: Date;
  recipient?: string;
  /** `none`: unsigned; `attacker`: signed by a key the service does not know. */
  signWith?: 'idp' | 'attacker' | 'none';
  /** Changes the signed assertion after signing (a different e-mail address). */
  tamperWith?: { from: string; to: string };
  assertionId?: string;
};

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const certificateBody = (pem: string) => pem.replace(/-----[^-]+-----|\s+/g, '');

function signElement(xml: string, localName: string, keys: { privateKey: string; certificate: string }) {
  const signature = new SignedXml({
    privateKey: keys.privateKey,
    publicCert: keys.certificate,
    signatureAlgorithm: rsaSha256,
    canonicalizationAlgorithm: exclusiveC14n,
  });
  signature.addReference({
    xpath: `//*[local-name(.)='${localName}']`,
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', exclusiveC14n],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  // The signature goes right after the element's Issuer, where the SAML schema puts it.
  signature.computeSignature(xml, {
    location: { reference: `//*[local-name(.)='${localName}']/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signature.getSignedXml();
}

function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => resolve(new URLSearchParams(body)));
    request.on('error', reject);
  });
}

function sendHtml(response: ServerResponse, status: number, html: string) {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head><body>${html}</body></html>`,
  );
}

/** The AuthnRequest's ID, issuer (the service's entity ID) and ACS, from its HTTP-Redirect form. */
export function readAuthnRequest(encoded: string) {
  const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
  const request = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  const issuer = request?.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Issuer')[0];
  return {
    id: request?.getAttribute('ID') ?? '',
    acsUrl: request?.getAttribute('AssertionConsumerServiceURL') ?? '',
    audience: issuer?.textContent ?? '',
  };
}

export type SamlIdentityProvider = Awaited<ReturnType<typeof startSamlIdentityProvider>>;

export async function startSamlIdentityProvider() {
  const users = new Map<string, IdpUser>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = `${base}/metadata`;

  const metadataXml = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${entityId}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" WantAuthnRequestsSigned="false">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBody(idpKeys.certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${base}/slo"/>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${base}/sso-post"/>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${base}/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;

  /** A Response (base64, as posted) with one assertion about `nameId`, signed as the options say. */
  function buildResponse(options: ResponseOptions): string {
    const now = new Date();
    const notOnOrAfter = (options.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000)).toISOString();
    const notBefore = new Date(now.getTime() - 60_000).toISOString();
    const assertionId = options.assertionId ?? `_a${randomUUID()}`;
    const inResponseTo = options.inResponseTo ? ` InResponseTo="${escapeXml(options.inResponseTo)}"` : '';
    const attributes = Object.entries(options.attributes ?? {})
      .map(
        ([name, values]) =>
          `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values
            .map((value) => `<saml:AttributeValue>${escapeXml(value)}</saml:AttributeValue>`)
            .join('')}</saml:Attribute>`,
      )
      .join('');
    let assertion = `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${now.toISOString()}"><saml:Issuer>${entityId}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escapeXml(options.nameId)}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${inResponseTo} NotOnOrAfter="${notOnOrAfter}" Recipient="${escapeXml(options.recipient ?? options.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="${escapeXml(options.sessionIndex ?? `_s${randomUUID()}`)}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>${attributes}</saml:AttributeStatement></saml:Assertion>`;
    const signWith = options.signWith ?? 'idp';
    if (signWith !== 'none')
      assertion = signElement(assertion, 'Assertion', signWith === 'idp' ? idpKeys : attackerKeys);
    if (options.tamperWith) assertion = assertion.replace(options.tamperWith.from, options.tamperWith.to);
    const response = `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_r${randomUUID()}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escapeXml(options.acsUrl)}"${inResponseTo}><saml:Issuer>${entityId}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${assertion}</samlp:Response>`;
    return Buffer.from(response).toString('base64');
  }

  function loginPage(samlRequest: string, relayState: string, problem = '') {
    return `<h1>Test identity provider</h1>${problem ? `<p role="alert">${escapeXml(problem)}</p>` : ''}
<form method="post" action="/login">
<input type="hidden" name="SAMLRequest" value="${escapeXml(samlRequest)}">
<input type="hidden" name="RelayState" value="${escapeXml(relayState)}">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username">
<label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Sign in</button>
</form>`;
  }

  server.on('request', async (request, response) => {
    const url = new URL(request.url ?? '/', base);
    if (request.method === 'GET' && url.pathname === '/metadata') {
      response.writeHead(200, { 'content-type': 'application/samlmetadata+xml' });
      return response.end(metadataXml);
    }
    if (request.method === 'GET' && url.pathname === '/sso') {
      const samlRequest = url.searchParams.get('SAMLRequest') ?? '';
      return sendHtml(response, 200, loginPage(samlRequest, url.searchParams.get('RelayState') ?? ''));
    }
    if (request.method === 'POST' && url.pathname === '/login') {
      const form = await readForm(request);
      const samlRequest = form.get('SAMLRequest') ?? '';
      const relayState = form.get('RelayState') ?? '';
      const username = form.get('username') ?? '';
      const user = users.get(username);
      if (!user || user.password !== form.get('password')) {
        return sendHtml(response, 401, loginPage(samlRequest, relayState, 'Wrong username or password.'));
      }
      const authnRequest = readAuthnRequest(samlRequest);
      const samlResponse = buildResponse({
        inResponseTo: authnRequest.id,
        acsUrl: authnRequest.acsUrl,
        audience: authnRequest.audience,
        nameId: `id-${username}`,
        attributes: {
          mail: [user.email],
          displayName: [user.displayName],
          eduPersonAffiliation: user.affiliations,
        },
      });
      return sendHtml(
        response,
        200,
        `<form method="post" action="${escapeXml(authnRequest.acsUrl)}">
<input type="hidden" name="SAMLResponse" value="${samlResponse}">
<input type="hidden" name="RelayState" value="${escapeXml(relayState)}">
<noscript><button type="submit">Continue</button></noscript>
</form><script>document.forms[0].submit()</script>`,
      );
    }
    if (request.method === 'GET' && url.pathname === '/slo') {
      return sendHtml(response, 200, '<p>You are signed out of the test identity provider.</p>');
    }
    response.writeHead(404).end();
  });

  return {
    url: base,
    entityId,
    metadataUrl: `${base}/metadata`,
    metadataXml,
    buildResponse,
    addUser(username: string, user: IdpUser) {
      users.set(username, user);
    },
    /**
     * Signs in as a browser would from Tend's start redirect: opens the login page, submits it and
     * returns the fields of the auto-submitting form and where it posts them.
     */
    async signIn(startRedirect: string, username: string, password: string) {
      const loginPage = await fetch(startRedirect);
      const html = await loginPage.text();
      const hidden = (name: string, page: string) =>
        new RegExp(`name="${name}" value="([^"]*)"`)
          .exec(page)?.[1]
          ?.replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&') ?? '';
      const answer = await fetch(`${base}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          SAMLRequest: hidden('SAMLRequest', html),
          RelayState: hidden('RelayState', html),
          username,
          password,
        }),
      });
      const form = await answer.text();
      if (answer.status !== 200)
        throw new Error(`the test identity provider refused the sign-in: ${answer.status}`);
      return {
        acsUrl: /action="([^"]*)"/.exec(form)?.[1]?.replace(/&amp;/g, '&') ?? '',
        SAMLResponse: hidden('SAMLResponse', form),
        RelayState: hidden('RelayState', form),
      };
    },
    /** The provider's signed LogoutRequest for one sign-in, as an HTTP-Redirect address at the service. */
    logoutRequestUrl(options: {
      serviceLogoutUrl: string;
      nameId: string;
      sessionIndex?: string;
      keys?: typeof idpKeys;
      isSigned?: boolean;
    }) {
      const now = new Date();
      const sessionIndex = options.sessionIndex
        ? `<samlp:SessionIndex>${escapeXml(options.sessionIndex)}</samlp:SessionIndex>`
        : '';
      const xml = `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_l${randomUUID()}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escapeXml(options.serviceLogoutUrl)}" NotOnOrAfter="${new Date(now.getTime() + 5 * 60_000).toISOString()}"><saml:Issuer>${entityId}</saml:Issuer><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${escapeXml(options.nameId)}</saml:NameID>${sessionIndex}</samlp:LogoutRequest>`;
      let query = `SAMLRequest=${encodeURIComponent(deflateRawSync(xml).toString('base64'))}&SigAlg=${encodeURIComponent(rsaSha256)}`;
      if (options.isSigned !== false) {
        const signature = sign('sha256', Buffer.from(query), (options.keys ?? idpKeys).privateKey).toString(
          'base64',
        );
        query += `&Signature=${encodeURIComponent(signature)}`;
      }
      return `${options.serviceLogoutUrl}?${query}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // A browser keeps its connections open: without this, close() would wait for them to time out.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
