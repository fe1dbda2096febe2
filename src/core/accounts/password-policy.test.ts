import { describe, expect, it } from 'vitest';
import { demoPassword, findPasswordProblem } from './password-policy.ts';

describe('password policy', () => {
  it('accepts a long phrase of the person’s own', () => {
    expect(
      findPasswordProblem('a calm river at dawn', { email: 'ana@x.org', organizationName: 'North' }),
    ).toBeNull();
  });

  it('refuses the demo password, in any spelling, for every account', () => {
    expect(findPasswordProblem(demoPassword)).toMatch(/published/);
    expect(findPasswordProblem('TEND demo 2026')).toMatch(/published/);
  });

  it('refuses the e-mail’s local part and the organisation’s name', () => {
    expect(findPasswordProblem('Ana.Lopez-Garcia', { email: 'ana.lopez-garcia@north.example' })).toMatch(
      /e-mail/,
    );
    expect(findPasswordProblem('northern health', { organizationName: 'Northern Health' })).toMatch(
      /organisation/,
    );
  });

  it('still refuses short and common passwords', () => {
    expect(findPasswordProblem('abc123')).toMatch(/at least 8/);
    expect(findPasswordProblem('password123')).toMatch(/common/);
  });
});
