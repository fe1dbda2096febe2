import { hash, verify } from '@node-rs/argon2';
import { findPasswordProblem } from '../../core/accounts/password-policy.ts';
import { AppError } from '../errors.ts';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  const problem = findPasswordProblem(password);
  if (problem) throw new AppError('WEAK_PASSWORD', problem, { fields: { 'body.password': problem } });
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against a fixed hash when the account is unknown keeps the answer time the same. */
export const unknownAccountHash = await hash('tend-unknown-account-placeholder', argon2Options);
