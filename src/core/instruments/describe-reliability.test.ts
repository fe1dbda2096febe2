import { describe, expect, it } from 'vitest';
import { describeReliabilityOf, nameReliability } from './describe-reliability.ts';
import { proqol5 } from './proqol-5.ts';
import { who5 } from './who-5.ts';

describe('describeReliabilityOf', () => {
  it('names Cronbach’s alpha with its value and source for every ProQOL subscale', () => {
    const sentence = describeReliabilityOf(proqol5.subscales);
    expect(sentence).toContain(
      'Compassion satisfaction: Cronbach’s alpha 0.88 (Stamm (2010), The Concise ProQOL Manual',
    );
    expect(sentence).toContain('Burnout: Cronbach’s alpha 0.75 (Stamm (2010)');
    expect(sentence).toContain('Secondary traumatic stress: Cronbach’s alpha 0.81 (Stamm (2010)');
  });

  it('says so when a subscale has no published reliability', () => {
    expect(describeReliabilityOf(who5.subscales)).toBe(
      'the published reliability — Well-being: none published, not computed',
    );
  });

  it('names a test–retest coefficient as such', () => {
    expect(nameReliability({ kind: 'test-retest', coefficient: 0.69, source: 'Smith et al. (2008)' })).toBe(
      'test–retest r 0.69 (Smith et al. (2008))',
    );
  });
});
