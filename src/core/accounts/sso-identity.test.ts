import { describe, expect, it } from 'vitest';
import { isEmailDomainAllowed, mapAttributes, toAttributeLists } from './sso-identity.ts';

describe('which addresses a provider may vouch for', () => {
  it('accepts the listed domain and its subdomains, case-insensitively', () => {
    expect(isEmailDomainAllowed('Ana@Hospital.example', ['hospital.example'])).toBe(true);
    expect(isEmailDomainAllowed('ana@med.hospital.example', ['hospital.example'])).toBe(true);
  });

  it('refuses look-alike domains that merely end in the same letters', () => {
    expect(isEmailDomainAllowed('ana@evilhospital.example', ['hospital.example'])).toBe(false);
    expect(isEmailDomainAllowed('ana@hospital.example.evil', ['hospital.example'])).toBe(false);
  });
});

describe('claims to role, level and discipline', () => {
  const mapping = {
    role: { claim: 'groups', values: { 'tend-coordinators': 'coordinator' as const } },
    level: {
      claim: 'eduPersonAffiliation',
      values: { student: 'student-1' as const, faculty: 'faculty' as const },
    },
    discipline: { claim: 'department' },
  };

  it('finds a mapped value anywhere in a multi-valued attribute', () => {
    expect(
      mapAttributes(mapping, {
        groups: ['staff', 'tend-coordinators'],
        eduPersonAffiliation: ['member', 'faculty'],
        department: ['Nursing'],
      }),
    ).toEqual({ role: 'coordinator', level: 'faculty', discipline: 'Nursing' });
  });

  it('gives nothing for attributes the mapping does not know, so the member keeps what they have', () => {
    expect(mapAttributes(mapping, { groups: ['staff'], eduPersonAffiliation: ['affiliate'] })).toEqual({});
  });

  it('reads string, number and list claims alike and drops objects', () => {
    expect(toAttributeLists({ a: 'x', b: 3, c: ['y', 'z'], d: { nested: true } })).toEqual({
      a: ['x'],
      b: ['3'],
      c: ['y', 'z'],
    });
  });
});
