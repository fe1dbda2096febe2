import { z } from 'zod';
import { findTextProblem, textProblemMessages } from '../text/plain-text.ts';
import { isLevel, type Level, type Role } from './roles.ts';
import { invalidValue, ScimError } from './scim-error.ts';

export const scimSchemas = {
  user: 'urn:ietf:params:scim:schemas:core:2.0:User',
  enterpriseUser: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
  /** Tend's own extension: a member's level and discipline, which no standard schema has. */
  tendUser: 'urn:tend:params:scim:schemas:extension:2.0:User',
  listResponse: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
  patchOp: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
  error: 'urn:ietf:params:scim:api:messages:2.0:Error',
} as const;

/** What Tend keeps of a SCIM User. `userName` must be the e-mail address the person signs in with. */
export type ScimUserFields = {
  email: string;
  name: string;
  externalId: string | null;
  isActive: boolean;
  level: Level | null;
  discipline: string | null;
};

export type ScimUserRecord = ScimUserFields & {
  id: string;
  role: Role;
  createdAt: Date;
  lastModifiedAt: Date;
};

/** Attributes written by one request; the name's parts are kept apart until all are read. */
export type ScimUserDraft = {
  fields: Partial<ScimUserFields>;
  formattedName?: string;
  givenName?: string;
  familyName?: string;
  department?: string | null;
};

/**
 * Standard attributes Tend has no place for. Identity providers send them by default (Okta sends a
 * password, Entra ID a title and phone numbers); refusing them would stop provisioning altogether,
 * so they are accepted and not stored. Tend never keeps a password a provider sends: people sign in
 * through single sign-on or choose their own.
 */
const ignoredAttributes = new Set([
  'nickname',
  'profileurl',
  'title',
  'usertype',
  'preferredlanguage',
  'locale',
  'timezone',
  'password',
  'phonenumbers',
  'ims',
  'photos',
  'addresses',
  'groups',
  'entitlements',
  'roles',
  'x509certificates',
  // userName is the e-mail Tend signs people in with; the emails list only repeats it.
  'emails',
]);

const EmailSchema = z.email().max(254);

function readText(value: unknown, attribute: string, maxLength = 200): string {
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (!text || text.length > maxLength) {
    throw invalidValue(`${attribute} must be text of 1 to ${maxLength} characters.`);
  }
  // The same rules as every text a person types into Tend (no control characters and the like).
  const problem = findTextProblem(text, { isMultiline: false });
  if (problem) throw invalidValue(`${attribute} ${textProblemMessages[problem]}.`);
  return text;
}

function readOptionalText(value: unknown, attribute: string, maxLength = 200): string | null {
  return value === null || value === '' ? null : readText(value, attribute, maxLength);
}

/** Entra ID sends booleans as the strings "True" and "False". */
export function readScimBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw invalidValue(`${attribute} must be true or false.`);
}

function readObject(value: unknown, attribute: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidValue(`${attribute} must be an object.`);
  }
  return value as Record<string, unknown>;
}

/** Where a path points: core attributes, or one of the two extensions Tend reads. */
function splitPath(path: string): { schema: 'core' | 'tend' | 'enterprise'; attribute: string } {
  const lower = path.toLowerCase();
  for (const [schema, urn] of [
    ['tend', scimSchemas.tendUser],
    ['enterprise', scimSchemas.enterpriseUser],
    ['core', scimSchemas.user],
  ] as const) {
    const prefix = urn.toLowerCase();
    if (lower === prefix) return { schema, attribute: '' };
    if (lower.startsWith(`${prefix}:`)) return { schema, attribute: lower.slice(prefix.length + 1) };
  }
  return { schema: 'core', attribute: lower };
}

/**
 * Writes one attribute (`path` as SCIM names it, any letter case) into the draft; `value` undefined
 * removes it. Unknown attributes are refused with `invalidPath` so a mapping mistake shows at once.
 */
export function setScimAttribute(draft: ScimUserDraft, path: string, value: unknown): void {
  const { schema, attribute } = splitPath(path);
  const isRemoval = value === undefined;
  if (attribute === '') {
    if (isRemoval) throw invalidValue(`${path} cannot be removed as a whole.`);
    for (const [key, inner] of Object.entries(readObject(value, path))) {
      setScimAttribute(draft, `${path}:${key}`, inner);
    }
    return;
  }
  if (schema === 'tend') {
    if (attribute === 'level') {
      if (isRemoval || value === null || value === '') draft.fields.level = null;
      else if (typeof value === 'string' && isLevel(value)) draft.fields.level = value;
      else throw invalidValue(`level must be one of student-1 … student-4, resident, practitioner, faculty.`);
      return;
    }
    if (attribute === 'discipline') {
      draft.fields.discipline = isRemoval ? null : readOptionalText(value, 'discipline', 100);
      return;
    }
    // The role is shown, not provisioned: who coordinates or facilitates is decided in Tend.
    if (attribute === 'role') return;
    throw new ScimError(400, `Tend's extension has no attribute "${attribute}".`, 'invalidPath');
  }
  if (schema === 'enterprise') {
    // A department is the nearest thing to a discipline a directory has; other fields are not kept.
    if (attribute === 'department') draft.department = isRemoval ? null : readOptionalText(value, path, 100);
    return;
  }
  const base = attribute.replace(/\[.*$/, '').split('.')[0] ?? '';
  if (ignoredAttributes.has(base)) return;
  switch (attribute) {
    case 'active':
      if (isRemoval) throw invalidValue('active cannot be removed; set it to true or false.');
      draft.fields.isActive = readScimBoolean(value, 'active');
      return;
    case 'username':
      if (isRemoval)
        throw invalidValue('userName cannot be removed: it is the e-mail the person signs in with.');
      if (typeof value !== 'string' || !EmailSchema.safeParse(value.trim()).success) {
        throw invalidValue(
          "userName must be the person's e-mail address (in Entra ID map userPrincipalName or mail to it).",
        );
      }
      draft.fields.email = value.trim().toLowerCase();
      return;
    case 'externalid':
      draft.fields.externalId = isRemoval ? null : readOptionalText(value, 'externalId', 255);
      return;
    case 'displayname':
    case 'name.formatted':
      if (!isRemoval && value !== null) draft.formattedName = readText(value, path);
      return;
    case 'name.givenname':
      if (!isRemoval && value !== null) draft.givenName = readText(value, path);
      return;
    case 'name.familyname':
      if (!isRemoval && value !== null) draft.familyName = readText(value, path);
      return;
    case 'name':
      if (isRemoval) throw invalidValue("name cannot be removed: Tend shows the person's name to others.");
      for (const [key, inner] of Object.entries(readObject(value, 'name'))) {
        setScimAttribute(draft, `name.${key}`, inner);
      }
      return;
  }
  // middleName, honorificPrefix and the like: part of the standard name, not kept apart in Tend.
  if (base === 'name') return;
  if (['id', 'meta', 'schemas'].includes(base)) {
    throw new ScimError(400, `${path} is set by Tend and cannot be changed.`, 'mutability');
  }
  throw new ScimError(400, `Tend's User has no attribute "${path}".`, 'invalidPath');
}

/** Reads a whole User resource (POST, PUT) into a draft; `id`, `meta` and `schemas` are Tend's own. */
export function readScimUserResource(body: unknown): ScimUserDraft {
  const draft: ScimUserDraft = { fields: {} };
  for (const [key, value] of Object.entries(readObject(body, 'The request body'))) {
    if (['id', 'meta', 'schemas'].includes(key.toLowerCase())) continue;
    setScimAttribute(draft, key, value);
  }
  if (draft.fields.email === undefined) {
    throw invalidValue("userName is required: the person's e-mail address.");
  }
  return draft;
}

/**
 * The person as they will be once the draft is written over `current` (null when creating). Tend
 * keeps one name; given and family names sent alone replace the first word or the rest of it.
 */
export function completeScimUser(current: ScimUserFields | null, draft: ScimUserDraft): ScimUserFields {
  const [currentGiven = '', ...currentFamily] = current?.name.split(' ') ?? [];
  const hasParts = draft.givenName !== undefined || draft.familyName !== undefined;
  const composed = hasParts
    ? [draft.givenName ?? currentGiven, draft.familyName ?? currentFamily.join(' ')].join(' ').trim()
    : undefined;
  const name = draft.formattedName ?? composed ?? current?.name;
  if (!name) {
    throw invalidValue(
      "Give the person's name: name.formatted, displayName, or name.givenName and name.familyName.",
    );
  }
  const email = draft.fields.email ?? current?.email;
  if (!email) throw invalidValue("userName is required: the person's e-mail address.");
  const discipline =
    draft.fields.discipline !== undefined
      ? draft.fields.discipline
      : draft.department !== undefined
        ? draft.department
        : (current?.discipline ?? null);
  return {
    email,
    name: name.slice(0, 200),
    externalId:
      draft.fields.externalId !== undefined ? draft.fields.externalId : (current?.externalId ?? null),
    isActive: draft.fields.isActive ?? current?.isActive ?? true,
    level: draft.fields.level !== undefined ? draft.fields.level : (current?.level ?? null),
    discipline,
  };
}

/** The person as a SCIM User resource (RFC 7643 §4.1), with Tend's extension. */
export function presentScimUser(user: ScimUserRecord, location: string) {
  return {
    schemas: [scimSchemas.user, scimSchemas.tendUser],
    id: user.id,
    ...(user.externalId !== null ? { externalId: user.externalId } : {}),
    userName: user.email,
    name: { formatted: user.name },
    displayName: user.name,
    active: user.isActive,
    emails: [{ value: user.email, type: 'work', primary: true }],
    [scimSchemas.tendUser]: { level: user.level, discipline: user.discipline, role: user.role },
    meta: {
      resourceType: 'User',
      created: user.createdAt.toISOString(),
      lastModified: user.lastModifiedAt.toISOString(),
      location,
      version: `W/"${user.lastModifiedAt.getTime()}"`,
    },
  };
}

export type ScimUser = ReturnType<typeof presentScimUser>;
