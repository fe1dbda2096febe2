import { describe, expect, it } from 'vitest';
import { ScimError } from './scim-error.ts';
import { applyScimPatch, readScimPatch } from './scim-patch.ts';
import { completeScimUser, type ScimUserFields, scimSchemas } from './scim-user.ts';

const current: ScimUserFields = {
  email: 'dana.lee@example.org',
  name: 'Dana Lee',
  externalId: 'ext-1',
  isActive: true,
  level: null,
  discipline: null,
};

const patch = (...Operations: unknown[]) =>
  completeScimUser(current, applyScimPatch(readScimPatch({ schemas: [scimSchemas.patchOp], Operations })));

describe('applying a SCIM PatchOp', () => {
  it("reads Entra ID's path form with string booleans and Okta's value object alike", () => {
    expect(patch({ op: 'Replace', path: 'active', value: 'False' }).isActive).toBe(false);
    expect(patch({ op: 'replace', value: { active: false } }).isActive).toBe(false);
    expect(patch({ op: 'REPLACE', value: { active: 'true' } }).isActive).toBe(true);
  });

  it('keeps one name, replacing the given or family part when only that comes', () => {
    expect(patch({ op: 'replace', path: 'name.givenName', value: 'Danielle' }).name).toBe('Danielle Lee');
    expect(patch({ op: 'replace', value: { 'name.familyName': 'Park' } }).name).toBe('Dana Park');
    expect(patch({ op: 'add', path: 'displayName', value: 'D. Lee' }).name).toBe('D. Lee');
  });

  it('sets and removes the extension attributes and externalId', () => {
    const changed = patch(
      { op: 'add', path: `${scimSchemas.tendUser}:level`, value: 'resident' },
      { op: 'add', value: { [scimSchemas.enterpriseUser]: { department: 'Nursing' } } },
      { op: 'remove', path: 'externalId' },
    );
    expect(changed).toMatchObject({ level: 'resident', discipline: 'Nursing', externalId: null });
  });

  it('ignores standard attributes Tend does not keep, and refuses unknown ones', () => {
    expect(patch({ op: 'replace', path: 'title', value: 'Nurse' })).toEqual(current);
    expect(patch({ op: 'replace', path: 'emails[type eq "work"].value', value: 'x@y.org' })).toEqual(current);
    expect(() => patch({ op: 'replace', path: 'shoeSize', value: 42 })).toThrow(ScimError);
  });

  it('refuses malformed operations with the scimType a client reads', () => {
    const typeOf = (body: unknown) => {
      try {
        applyScimPatch(readScimPatch(body));
      } catch (error) {
        return (error as ScimError).scimType;
      }
      return 'accepted';
    };
    expect(typeOf({ Operations: [] })).toBe('invalidSyntax');
    expect(typeOf({ schemas: [scimSchemas.patchOp], Operations: [] })).toBe('invalidSyntax');
    expect(typeOf({ schemas: [scimSchemas.patchOp], Operations: [{ op: 'copy', path: 'active' }] })).toBe(
      'invalidSyntax',
    );
    expect(typeOf({ schemas: [scimSchemas.patchOp], Operations: [{ op: 'remove' }] })).toBe('noTarget');
    expect(
      typeOf({
        schemas: [scimSchemas.patchOp],
        Operations: [{ op: 'replace', path: 'active', value: 'yes' }],
      }),
    ).toBe('invalidValue');
    expect(
      typeOf({ schemas: [scimSchemas.patchOp], Operations: [{ op: 'replace', path: 'meta', value: {} }] }),
    ).toBe('mutability');
  });
});
