import { randomBytes } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** A 256-bit opaque token for a cookie or a link. */
export function generateToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(32));
}

/** What the database keeps instead of the token, so a leaked table grants nothing. */
export function hashToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
