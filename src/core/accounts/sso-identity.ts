import type { Level, Role } from './roles.ts';

/** What an identity provider says about the person it vouches for, after its protocol is checked. */
export type VouchedIdentity = {
  /** The provider's stable id for the person: OIDC `sub`, SAML NameID. */
  subject: string;
  email: string;
  name: string | null;
  /** Every other claim or attribute, each as its list of values. */
  attributes: Record<string, string[]>;
};

export type AttributeMapping = {
  role?: { claim: string; values: Record<string, Role> };
  level?: { claim: string; values: Record<string, Level> };
  discipline?: { claim: string };
};

export function emailDomainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** Whether a provider may vouch for this address: its domain (or a parent domain) is listed. */
export function isEmailDomainAllowed(email: string, domains: readonly string[]): boolean {
  const domain = emailDomainOf(email);
  return domains.some((allowed) => domain === allowed || domain.endsWith(`.${allowed}`));
}

/**
 * The role, level and discipline the provider's attributes give, where the mapping names the
 * attribute and one of its values is mapped; the first mapped value wins (e.g. eduPersonAffiliation
 * lists "member" and "student": map "student" and it is found wherever it is in the list).
 */
export function mapAttributes(
  mapping: AttributeMapping,
  attributes: Record<string, string[]>,
): { role?: Role; level?: Level; discipline?: string } {
  const firstMapped = <T>(rule: { claim: string; values: Record<string, T> } | undefined): T | undefined => {
    if (!rule) return undefined;
    for (const value of attributes[rule.claim] ?? []) {
      const mapped = rule.values[value] ?? rule.values[value.toLowerCase()];
      if (mapped !== undefined) return mapped;
    }
    return undefined;
  };
  const role = firstMapped(mapping.role);
  const level = firstMapped(mapping.level);
  const discipline = mapping.discipline
    ? attributes[mapping.discipline.claim]?.find((value) => value.trim())
    : undefined;
  return {
    ...(role ? { role } : {}),
    ...(level ? { level } : {}),
    ...(discipline ? { discipline: discipline.trim().slice(0, 100) } : {}),
  };
}

/** Claims as lists of strings, whatever shape the provider sent them in (string, number, list). */
export function toAttributeLists(claims: Record<string, unknown>): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(claims)) {
    const values = (Array.isArray(value) ? value : [value]).filter(
      (item): item is string | number | boolean =>
        typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean',
    );
    if (values.length > 0) lists[name] = values.map(String);
  }
  return lists;
}
