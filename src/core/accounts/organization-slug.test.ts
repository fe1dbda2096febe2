import { describe, expect, it } from 'vitest';
import { slugOfOrganization } from './organization-slug.ts';

describe('organisation slugs', () => {
  it('keeps letters and digits, folds accents and joins words with hyphens', () => {
    expect(slugOfOrganization('Sainte-Justine École de Santé')).toBe('sainte-justine-ecole-de-sante');
    expect(slugOfOrganization('  St. Mary’s Hospital (2027) ')).toBe('st-mary-s-hospital-2027');
  });

  it('has none for a name without a Latin letter or digit, so setup asks for another name', () => {
    expect(slugOfOrganization('—')).toBeNull();
    expect(slugOfOrganization('東京')).toBeNull();
  });
});
