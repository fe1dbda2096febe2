import { hash, verify } from '@node-rs/argon2';
import {
  demoPassword,
  findPasswordProblem,
  type PasswordContext,
} from '../../core/accounts/password-policy.ts';
import { AppError } from '../errors.ts';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password a person chose, after checking it against the policy (400 WEAK_PASSWORD with the reason). */
export async function hashPassword(
  password: string,
  context: PasswordContext = {},
  field = 'body.password',
): Promise<string> {
  const problem = findPasswordProblem(password, context);
  if (problem) throw new AppError('WEAK_PASSWORD', problem, { fields: { [field]: problem } });
  return hash(password, argon2Options);
}

/** The demo organisation's accounts share the password the README prints, which the policy refuses elsewhere. */
export function hashDemoPassword(): Promise<string> {
  return hash(demoPassword, argon2Options);
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
