import commonPasswords from 'fxa-common-password-list';

export const minimumPasswordLength = 8;
export const maximumPasswordLength = 128;

/** Returns why a password is unacceptable, or null when it is fine. */
export function findPasswordProblem(password: string): string | null {
  if (password.length < minimumPasswordLength) {
    return `Use at least ${minimumPasswordLength} characters.`;
  }
  if (password.length > maximumPasswordLength) {
    return `Use at most ${maximumPasswordLength} characters.`;
  }
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) {
    return 'This password is one of the most common ones and easy to guess; choose another.';
  }
  return null;
}
