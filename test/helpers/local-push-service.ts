import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the local push service received for one device, decrypted as the browser would. */
export type ReceivedPush = { device: string; headers: IncomingHttpHeaders; payload: unknown };

/** A "browser": a P-256 key pair and auth secret, as PushSubscription.getKey() would give them. */
export type BrowserKeys = { p256dh: string; auth: string; decrypt(body: Buffer): Buffer };

export function makeBrowserKeys(): BrowserKeys {
  const ecdh = createECDH('prime256v1');
  const publicKey = ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    p256dh: publicKey.toString('base64url'),
    auth: authSecret.toString('base64url'),
    decrypt: (body) => decryptAes128gcm(body, ecdh, publicKey, authSecret),
  };
}

/**
 * RFC 8188 + RFC 8291, written out independently of web-push so the test checks what a browser would:
 * header (salt, record size, the server's ephemeral key), then one AES-128-GCM record.
 */
function decryptAes128gcm(
  body: Buffer,
  ecdh: ReturnType<typeof createECDH>,
  browserPublicKey: Buffer,
  authSecret: Buffer,
): Buffer {
  const salt = body.subarray(0, 16);
  const keyIdLength = body.readUInt8(20);
  const serverPublicKey = body.subarray(21, 21 + keyIdLength);
  const record = body.subarray(21 + keyIdLength);
  const sharedSecret = ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browserPublicKey, serverPublicKey]);
  const inputKey = Buffer.from(hkdfSync('sha256', sharedSecret, authSecret, keyInfo, 32));
  const contentKey = Buffer.from(hkdfSync('sha256', inputKey, salt, 'Content-Encoding: aes128gcm\0', 16));
  const nonce = Buffer.from(hkdfSync('sha256', inputKey, salt, 'Content-Encoding: nonce\0', 12));
  const decipher = createDecipheriv('aes-128-gcm', contentKey, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with a 0x02 delimiter followed by optional zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end -= 1;
  if (padded[end] !== 2) throw new Error('the last record has no 0x02 delimiter');
  return padded.subarray(0, end);
}

/**
 * True when the VAPID `Authorization: vapid t=<jwt>, k=<key>` header is signed by `publicKey` (ES256)
 * for this push service's origin.
 */
export function isVapidSignedBy(
  authorization: string | undefined,
  publicKey: string,
  origin: string,
): boolean {
  const match = /^vapid t=([^,]+),\s*k=(.+)$/.exec(authorization ?? '');
  if (!match?.[1] || match[2] !== publicKey) return false;
  const [header, claims, signature] = match[1].split('.');
  if (!header || !claims || !signature) return false;
  const point = Buffer.from(publicKey, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const isSigned = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  const { aud } = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { aud?: string };
  return isSigned && aud === origin;
}

/**
 * A push service on a local port: POST /push/<device> decrypts with that device's keys and records
 * the message; a device marked gone answers 410 as a real service does for an expired subscription.
 */
export async function startLocalPushService() {
  const devices = new Map<string, BrowserKeys>();
  const gone = new Set<string>();
  const received: ReceivedPush[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const device = (request.url ?? '').replace(/^\/push\//, '');
      const keys = devices.get(device);
      if (!keys || gone.has(device)) {
        response.writeHead(410).end();
        return;
      }
      const plaintext = keys.decrypt(Buffer.concat(chunks));
      received.push({ device, headers: request.headers, payload: JSON.parse(plaintext.toString('utf8')) });
      response.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    /** A new browser on this service: the body a page would send to subscribe. */
    addDevice(name: string) {
      const keys = makeBrowserKeys();
      devices.set(name, keys);
      return { endpoint: `${origin}/push/${name}`, keys: { p256dh: keys.p256dh, auth: keys.auth } };
    },
    markGone(name: string) {
      gone.add(name);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
