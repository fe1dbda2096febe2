import { describe, expect, it } from 'vitest';
import { ScimError } from './scim-error.ts';
import { parseScimFilter } from './scim-filter.ts';

describe('parseScimFilter', () => {
  it('reads the equality filters identity providers send, in any letter case', () => {
    expect(parseScimFilter('userName eq "a@b.org"')).toEqual({ attribute: 'userName', value: 'a@b.org' });
    expect(parseScimFilter('USERNAME EQ "a@b.org"')).toEqual({ attribute: 'userName', value: 'a@b.org' });
    expect(parseScimFilter('externalId eq "00u1\\"x"')).toEqual({ attribute: 'externalId', value: '00u1"x' });
    expect(parseScimFilter('emails.value eq "a@b.org"')).toEqual({ attribute: 'email', value: 'a@b.org' });
  });

  it('refuses what it would only half understand', () => {
    for (const filter of [
      'userName sw "a"',
      'userName eq "a" and active eq true',
      'title eq "nurse"',
      'userName eq a@b.org',
      '',
    ]) {
      expect(() => parseScimFilter(filter), filter).toThrow(ScimError);
      try {
        parseScimFilter(filter);
      } catch (error) {
        expect((error as ScimError).scimType).toBe('invalidFilter');
      }
    }
  });
});
