import { describe, expect, it } from 'vitest';
import { findInstrument, instruments } from './catalog.ts';
import { findBand, type Instrument, responseScaleOf, roundScore, type Subscale } from './instrument.ts';
import { scoreItem } from './score-response.ts';

/** Every reported score a subscale can reach, from every combination of answers. */
function reachableScores(instrument: Instrument, subscale: Subscale): number[] {
  let sums = new Set([0]);
  for (const itemNumber of subscale.items) {
    const item = instrument.items.find((candidate) => candidate.number === itemNumber)!;
    const itemScores = responseScaleOf(instrument, item).options.map((option) =>
      scoreItem(instrument, subscale, itemNumber, option.value),
    );
    const next = new Set<number>();
    for (const sum of sums) for (const itemScore of itemScores) next.add(sum + itemScore);
    sums = next;
  }
  return [...sums].map((sum) => {
    const raw = subscale.aggregation === 'sum' ? sum : sum / subscale.items.length;
    return roundScore(raw * subscale.multiplier, subscale.decimals);
  });
}

describe('the shipped instruments', () => {
  it('are ProQOL 5, BRS, WHO-5, CBI and PSS-10 with their published item counts', () => {
    expect(instruments.map((instrument) => [instrument.shortName, instrument.items.length])).toEqual([
      ['ProQOL 5', 30],
      ['BRS', 6],
      ['WHO-5', 5],
      ['CBI', 19],
      ['PSS-10', 10],
    ]);
    expect(findInstrument('who-5')?.shortName).toBe('WHO-5');
    expect(findInstrument('mbi')).toBeUndefined();
  });

  describe.each(instruments.map((instrument) => [instrument.shortName, instrument] as const))(
    '%s',
    (_, instrument) => {
      it('has a kebab-case id, items numbered 1..n and non-empty wording', () => {
        expect(instrument.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(instrument.items.map((item) => item.number)).toEqual(
          instrument.items.map((_, index) => index + 1),
        );
        for (const item of instrument.items) expect(item.text.trim()).not.toBe('');
        expect(instrument.instructions.trim()).not.toBe('');
      });

      it('puts every item in exactly one subscale, and reverses only real items', () => {
        const counted = instrument.subscales.flatMap((subscale) => subscale.items).sort((a, b) => a - b);
        expect(counted).toEqual(instrument.items.map((item) => item.number));
        for (const itemNumber of instrument.reverseScoring?.items ?? []) {
          expect(counted).toContain(itemNumber);
        }
      });

      it('offers distinct, labelled answers on every scale, each with an item score', () => {
        for (const item of instrument.items) {
          const options = responseScaleOf(instrument, item).options;
          expect(new Set(options.map((option) => option.value)).size).toBe(options.length);
          for (const option of options) expect(option.label.trim()).not.toBe('');
        }
        for (const subscale of instrument.subscales) {
          for (const itemNumber of subscale.items) {
            const item = instrument.items.find((candidate) => candidate.number === itemNumber)!;
            for (const option of responseScaleOf(instrument, item).options) {
              expect(Number.isFinite(scoreItem(instrument, subscale, itemNumber, option.value))).toBe(true);
            }
          }
        }
      });

      it('places every reachable score in exactly one band, and reaches both ends of the range', () => {
        for (const subscale of instrument.subscales) {
          const scores = reachableScores(instrument, subscale);
          expect(Math.min(...scores)).toBe(subscale.range.min);
          expect(Math.max(...scores)).toBe(subscale.range.max);
          for (const score of scores) {
            const matching = subscale.bands.filter((band) => score >= band.min && score <= band.max);
            expect(matching, `${subscale.id} score ${score}`).toHaveLength(1);
            expect(findBand(subscale, score)).toBe(matching[0]);
          }
          for (const band of subscale.bands) {
            expect(band.meaning.trim()).not.toBe('');
            expect(band.min).toBeGreaterThanOrEqual(subscale.range.min);
            expect(band.max).toBeLessThanOrEqual(subscale.range.max);
          }
        }
      });

      it('gives a reliability between 0 and 1 with its source, or says it is unknown', () => {
        for (const subscale of instrument.subscales) {
          if (subscale.reliability.status === 'unknown') {
            expect(subscale.reliability.note).not.toBe('');
          } else {
            expect(subscale.reliability.coefficient).toBeGreaterThan(0);
            expect(subscale.reliability.coefficient).toBeLessThan(1);
            expect(subscale.reliability.source).not.toBe('');
          }
        }
      });

      it('declares every bracketed word it uses as replaceable', () => {
        const text = [instrument.instructions, ...instrument.items.map((item) => item.text)].join('\n');
        for (const bracketed of text.match(/\[[^\]]*\]/g) ?? []) {
          expect(instrument.replaceableWords.map((word) => word.token)).toContain(bracketed);
        }
      });

      it('carries the attribution its licence requires and its published wording', () => {
        expect(instrument.licence.notices.length).toBeGreaterThan(0);
        expect(instrument.licence.summary).not.toBe('');
        expect(instrument.wording).toEqual({ isAltered: false });
      });
    },
  );

  it('shows the PSS-10 non-profit academic/educational condition, and no other instrument has one', () => {
    expect(findInstrument('perceived-stress-scale-10')?.licence.useCondition?.text).toBe(
      'Permission for use of scales is not necessary when use is for nonprofit academic research or educational purposes.',
    );
    const others = instruments.filter((instrument) => instrument.id !== 'perceived-stress-scale-10');
    expect(others.map((instrument) => instrument.licence.useCondition)).toEqual(others.map(() => null));
  });

  it('credits The Center for Victims of Torture and links www.ProQOL.org for the ProQOL', () => {
    const licence = findInstrument('proqol-5')!.licence;
    expect(licence.notices.join(' ')).toMatch(/The Center for Victims of Torture/);
    expect(licence.notices[0]).toMatch(/^© B\. Hudnall Stamm, 2009-2012\./);
    expect(licence.links).toContainEqual({ label: 'www.ProQOL.org', url: 'https://www.proqol.org' });
    expect(licence.nameWhenAltered).toBe('Adapted from the ProQOL');
  });

  it('computes reliable change only where a reliability is published: not for the WHO-5', () => {
    const unknown = instruments.flatMap((instrument) =>
      instrument.subscales
        .filter((subscale) => subscale.reliability.status === 'unknown')
        .map((subscale) => `${instrument.id}/${subscale.id}`),
    );
    expect(unknown).toEqual(['who-5/well-being']);
    expect(findInstrument('who-5')?.subscales[0]?.meaningfulChange?.points).toBe(10);
  });
});

describe('roundScore', () => {
  it('rounds half away from zero despite binary fractions', () => {
    expect(roundScore(4.165, 2)).toBe(4.17);
    expect(roundScore(1.005, 2)).toBe(1.01);
    expect(roundScore(25 / 6, 2)).toBe(4.17);
    expect(roundScore(-2.5, 0)).toBe(-3);
    expect(roundScore(68, 0)).toBe(68);
  });
});
