/**
 * The short name an organisation is known by in the database and on the command line:
 * "Sainte-Justine École de Santé" → "sainte-justine-ecole-de-sante". Null when the name has no letter
 * or digit to build one from.
 */
export function slugOfOrganization(name: string): string | null {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? null : slug;
}
