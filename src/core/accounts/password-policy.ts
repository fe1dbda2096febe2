import commonPasswords from 'fxa-common-password-list';

export const minimumPasswordLength = 8;
export const maximumPasswordLength = 128;

/** The demo organisation's password, printed in the README: nobody may choose it for a real account. */
export const demoPassword = 'tend-demo-2026';

/** What a password must not simply repeat: the person's own address and organisation. */
export type PasswordContext = {
  email?: string | undefined;
  organizationName?: string | undefined;
};

const simplify = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Returns why a password is unacceptable, or null when it is fine. */
export function findPasswordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < minimumPasswordLength) {
    return `Use at least ${minimumPasswordLength} characters.`;
  }
  if (password.length > maximumPasswordLength) {
    return `Use at most ${maximumPasswordLength} characters.`;
  }
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) {
    return 'This password is one of the most common ones and easy to guess; choose another.';
  }
  const simplified = simplify(password);
  if (simplified === simplify(demoPassword)) {
    return 'This password is published in Tend’s documentation; choose one of your own.';
  }
  const localPart = context.email?.split('@')[0];
  if (localPart && simplify(localPart) === simplified) {
    return 'Do not use your e-mail address as your password; choose another.';
  }
  if (context.organizationName && simplify(context.organizationName) === simplified) {
    return 'Do not use your organisation’s name as your password; choose another.';
  }
  return null;
}
