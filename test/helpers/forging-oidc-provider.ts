import { createSign, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A provider that answers the token request with whatever ID token the test chose: correctly signed,
 * altered, signed by another key, unsigned, or with the wrong audience, nonce or expiry. Only
 * discovery, keys and the token endpoint exist; tests make up the provider's redirect back to Tend.
 */
export type ForgingProvider = {
  issuer: string;
  clientId: string;
  /** The ID token the token endpoint returns for this code (once). */
  issue(code: string, idToken: string): void;
  /** An RS256 ID token with sensible claims, overridden by `claims`; `null` removes a claim. */
  idToken(claims: Record<string, unknown>, options?: { signWith?: 'provider' | 'stranger' | 'none' }): string;
  close(): Promise<void>;
};

const kid = 'forging-provider-key';

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

function signJwt(header: object, payload: object, key: KeyObject | null): string {
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  if (!key) return `${signingInput}.`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key);
  return `${signingInput}.${base64url(signature)}`;
}

/** The same token with one claim changed after signing: its signature no longer matches. */
export function tamperWith(idToken: string, claims: Record<string, unknown>): string {
  const [header = '', payload = '', signature = ''] = idToken.split('.');
  const changed = { ...JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')), ...claims };
  return `${header}.${base64url(JSON.stringify(changed))}.${signature}`;
}

export async function startForgingProvider(): Promise<ForgingProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const clientId = 'tend-forged';
  const tokensByCode = new Map<string, string>();
  let issuer = '';

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    if (path === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        end_session_endpoint: `${issuer}/logout`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (path === '/jwks') {
      return json(200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' }] });
    }
    if (path === '/token' && request.method === 'POST') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const code = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).get('code') ?? '';
        const idToken = tokensByCode.get(code);
        tokensByCode.delete(code);
        if (!idToken) return json(400, { error: 'invalid_grant', error_description: 'unknown code' });
        json(200, {
          access_token: randomBytes(16).toString('hex'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken,
        });
      });
      return;
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    issue(code, idToken) {
      tokensByCode.set(code, idToken);
    },
    idToken(claims, options = {}) {
      const nowSeconds = Math.floor(Date.now() / 1000);
      const payload: Record<string, unknown> = {
        iss: issuer,
        aud: clientId,
        sub: 'forged-subject',
        iat: nowSeconds,
        exp: nowSeconds + 300,
        jti: randomBytes(8).toString('hex'),
        email_verified: true,
        ...claims,
      };
      for (const [name, value] of Object.entries(payload)) if (value === null) delete payload[name];
      const signWith = options.signWith ?? 'provider';
      if (signWith === 'none') return signJwt({ alg: 'none', typ: 'JWT' }, payload, null);
      return signJwt(
        { alg: 'RS256', typ: 'JWT', kid },
        payload,
        signWith === 'provider' ? privateKey : stranger,
      );
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
