import { ScimError } from './scim-error.ts';

/** The only questions a SCIM client needs to ask before creating someone: "do you know this person?" */
export type ScimFilter = { attribute: 'userName' | 'externalId' | 'email'; value: string };

const attributes: Record<string, ScimFilter['attribute']> = {
  username: 'userName',
  externalid: 'externalId',
  'emails.value': 'email',
  emails: 'email',
};

// `attribute eq "value"`, the value a JSON string (RFC 7644 §3.4.2.2); attribute names and the
// operator are case-insensitive there, so they are here.
const equalityPattern = /^\s*([A-Za-z][\w.]*)\s+eq\s+("(?:[^"\\]|\\.)*")\s*$/i;

/**
 * Reads the equality filters Entra ID and Okta send (`userName eq "a@b.org"`, `externalId eq "…"`,
 * `emails.value eq "…"`). Anything richer — other operators, `and`/`or`, other attributes — is
 * refused with `invalidFilter` rather than half-understood, since a wrong answer to "do you know
 * this person?" makes the client create a duplicate or skip a person.
 */
export function parseScimFilter(filter: string): ScimFilter {
  const match = equalityPattern.exec(filter);
  const attribute = match?.[1] ? attributes[match[1].toLowerCase()] : undefined;
  if (!match?.[2] || !attribute) {
    throw new ScimError(
      400,
      'Tend understands only filters of the form userName eq "…", externalId eq "…" or emails.value eq "…".',
      'invalidFilter',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(match[2]);
  } catch {
    throw new ScimError(400, 'The filter value is not a valid quoted string.', 'invalidFilter');
  }
  return { attribute, value: String(value) };
}
