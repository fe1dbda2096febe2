import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardDeviation } from '../evaluation/descriptive-statistics.ts';
import { proqol5 } from '../instruments/proqol-5.ts';
import { who5 } from '../instruments/who-5.ts';
import { formatCsv } from '../text/format-csv.ts';
import { buildOutcomes, type OutcomeResponse, outcomesToCsvRows } from './outcomes.ts';

const windows = [
  { id: 'w1', title: 'Baseline', opensAt: '2027-01-01T00:00:00Z' },
  { id: 'w2', title: 'End of term', opensAt: '2027-06-01T00:00:00Z' },
];

function who5Response(personId: string, windowId: string, score: number, programId = 'p1'): OutcomeResponse {
  return {
    personId,
    windowId,
    programId,
    level: 'resident',
    discipline: 'Nursing',
    scores: { 'well-being': score },
  };
}

describe('buildOutcomes', () => {
  it('reports the paired change, its confidence interval and effect sizes for people who answered both windows', () => {
    const responses = [
      ...[40, 44, 48, 52, 56, 60].map((score, index) => who5Response(`p${index}`, 'w1', score)),
      ...[52, 52, 60, 60, 64, 72].map((score, index) => who5Response(`p${index}`, 'w2', score)),
    ];
    const outcomes = buildOutcomes({
      instrument: who5,
      windows,
      responses,
      breakdown: 'program',
      minimumGroupSize: 5,
    });
    const overall = outcomes.change.find((entry) => entry.group === null);
    expect(overall?.result.status).toBe('released');
    if (overall?.result.status !== 'released') return;
    const [change] = overall.result.subscales;
    expect(overall.result.n).toBe(6);
    // Changes 12, 8, 12, 8, 8, 12: mean 10, SD 2.19, so d_z = 4.56.
    expect(change?.meanChange).toBeCloseTo(10, 10);
    expect(change?.cohensDz).toBeCloseTo(10 / Math.sqrt(4.8), 6);
    expect(change?.confidenceInterval?.lower).toBeLessThan(10);
    expect(change?.reliableChange.status).toBe('not-computed');
  });

  it('hides a group below the minimum and the sibling that would reveal it by subtraction', () => {
    const responses = [
      ...Array.from({ length: 6 }, (_, index) => who5Response(`a${index}`, 'w1', 60, 'p1')),
      ...Array.from({ length: 2 }, (_, index) => who5Response(`b${index}`, 'w1', 20, 'p2')),
    ];
    const outcomes = buildOutcomes({
      instrument: who5,
      windows,
      responses,
      breakdown: 'program',
      minimumGroupSize: 5,
    });
    const byGroup = new Map(outcomes.trend.map((point) => [point.group?.key ?? 'all', point.result.status]));
    expect(byGroup.get('p2')).toBe('hidden');
    // Total (8) minus p1 (6) would give p2's two people: one of them must go.
    expect([byGroup.get('all'), byGroup.get('p1')]).toContain('hidden');
  });

  it('does not let the baseline mean be subtracted from the change’s before-mean to expose who left', () => {
    const responses = [
      ...[40, 44, 48, 52, 56, 60].map((score, index) => who5Response(`p${index}`, 'w1', score)),
      ...[52, 52, 60, 60, 64].map((score, index) => who5Response(`p${index}`, 'w2', score)),
    ];
    const outcomes = buildOutcomes({
      instrument: who5,
      windows,
      responses,
      breakdown: 'program',
      minimumGroupSize: 5,
    });
    const baselineTotal = outcomes.trend.find((point) => point.windowId === 'w1' && point.group === null);
    const change = outcomes.change.find((entry) => entry.group === null);
    // Six at baseline, five of them paired: showing both would give the sixth person's score.
    expect([baselineTotal?.result.status, change?.result.status]).toContain('hidden');
  });

  it('never releases a figure about fewer people than the minimum, whatever the data', () => {
    const responseArbitrary = fc.record({
      person: fc.integer({ min: 0, max: 14 }),
      window: fc.constantFrom('w1', 'w2'),
      program: fc.constantFrom('p1', 'p2', 'p3'),
      score: fc.integer({ min: 10, max: 50 }),
    });
    fc.assert(
      fc.property(
        fc.array(responseArbitrary, { maxLength: 30 }),
        fc.integer({ min: 3, max: 6 }),
        (raw, minimum) => {
          const seen = new Set<string>();
          const responses = raw.flatMap((entry) => {
            const key = `${entry.person}/${entry.window}`;
            if (seen.has(key)) return [];
            seen.add(key);
            return [
              {
                personId: `p${entry.person}`,
                windowId: entry.window,
                programId: entry.program,
                level: null,
                discipline: null,
                scores: {
                  'compassion-satisfaction': entry.score,
                  burnout: entry.score,
                  'secondary-traumatic-stress': 60 - entry.score,
                },
              },
            ];
          });
          const outcomes = buildOutcomes({
            instrument: proqol5,
            windows,
            responses,
            breakdown: 'program',
            minimumGroupSize: minimum,
          });
          for (const point of outcomes.trend)
            if (point.result.status === 'released') expect(point.result.n).toBeGreaterThanOrEqual(minimum);
          for (const entry of outcomes.change)
            if (entry.result.status === 'released') expect(entry.result.n).toBeGreaterThanOrEqual(minimum);
          for (const distribution of outcomes.distributions) {
            if (distribution.result.status !== 'released') continue;
            expect(distribution.result.n).toBeGreaterThanOrEqual(minimum);
            for (const band of distribution.result.bands)
              if (band.count !== null) expect(band.count).toBeGreaterThanOrEqual(minimum);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('exports only released figures to CSV, formulas defused', () => {
    const responses = Array.from({ length: 7 }, (_, index) =>
      who5Response(`p${index}`, 'w1', 40 + index * 4),
    );
    responses.push(who5Response('x', 'w1', 80, 'small'));
    const outcomes = buildOutcomes({
      instrument: who5,
      windows,
      responses,
      breakdown: 'program',
      groupLabels: { p1: '=cmd()', small: 'Small program' },
      minimumGroupSize: 5,
    });
    const csv = formatCsv(outcomesToCsvRows(who5, outcomes));
    expect(csv).not.toContain('Small program');
    expect(csv).toContain('trend,Baseline,');
    // A figure stays a number even when negative; text that looks like a formula does not.
    expect(formatCsv([['=cmd()', -3.5, '-1+HYPERLINK("x")', 'a,b']])).toBe(
      '\'=cmd(),-3.5,"\'-1+HYPERLINK(""x"")","a,b"\r\n',
    );
    expect(csv.split('\r\n')[0]).toMatch(/^section,window,/);
  });
});

describe('reliable change', () => {
  /**
   * 25 people in two programs answering ProQOL twice, every score in the moderate band. Program p1
   * starts close together, p2 spread out; a third of each improves by 6 on every subscale, a third
   * worsens by 6, and the rest of p1 stays where it was.
   */
  function proqolCohort(): OutcomeResponse[] {
    const people = [
      ...[31, 32, 33, 31, 32, 33, 31, 32, 33, 31, 32, 33, 31, 32, 33].map((start) => ({
        start,
        program: 'p1',
      })),
      ...[29, 35, 29, 35, 29, 35, 29, 35, 29, 35].map((start) => ({ start, program: 'p2' })),
    ];
    const response = (
      index: number,
      windowId: string,
      score: number,
      programId: string,
    ): OutcomeResponse => ({
      personId: `person${index}`,
      windowId,
      programId,
      level: 'resident',
      discipline: 'Nursing',
      scores: {
        'compassion-satisfaction': score,
        burnout: 64 - score,
        'secondary-traumatic-stress': 64 - score,
      },
    });
    return people.flatMap(({ start, program }, index) => {
      const step = program === 'p1' ? [6, -6, 0][index % 3] : [6, -6][index % 2];
      return [
        response(index, 'w1', start, program),
        response(index, 'w2', start + (step as number), program),
      ];
    });
  }
  const build = (programId: string | null) =>
    buildOutcomes({
      instrument: proqol5,
      windows,
      responses: proqolCohort(),
      breakdown: 'program',
      programId,
      minimumGroupSize: 5,
    });
  const thresholdsOf = (outcomes: ReturnType<typeof build>) => {
    const overall = outcomes.change.find((entry) => entry.group === null);
    if (overall?.result.status !== 'released') throw new Error('the overall change is hidden');
    return Object.fromEntries(
      overall.result.subscales.map((change) => [
        change.subscaleId,
        change.reliableChange.status === 'computed' ? change.reliableChange.reliableChangeThreshold : null,
      ]),
    );
  };

  it('names the reliability it uses — Cronbach’s alpha, its value and source — on every CSV row of reliable change', () => {
    const outcomes = build(null);
    const rows = outcomesToCsvRows(proqol5, outcomes);
    const header = rows[0] as string[];
    const column = (name: string) => header.indexOf(name);
    const reliableRows = rows.filter((row) => row[0] === 'reliable-change');
    expect(reliableRows.length).toBeGreaterThan(0);
    for (const row of reliableRows) {
      const subscale = proqol5.subscales.find((entry) => entry.name === row[column('subscale')]);
      if (subscale?.reliability.status !== 'published') throw new Error('ProQOL publishes every alpha');
      expect(row[column('reliability')]).toBe('Cronbach’s alpha');
      expect(row[column('reliability_coefficient')]).toBe(subscale.reliability.coefficient);
      expect(row[column('reliability_source')]).toBe(subscale.reliability.source);
      expect(row[column('reliability_source')]).toContain('Stamm (2010)');
      expect(row[column('reliable_change_threshold')]).toBeGreaterThan(0);
    }
    const csv = formatCsv(rows);
    expect(csv).toContain('Cronbach’s alpha,0.88,"Stamm (2010)');
    expect(csv).toContain('Cronbach’s alpha,0.75,"Stamm (2010)');
  });

  it('uses one threshold whatever the program filter: the SD of the baseline window’s whole cohort', () => {
    const unfiltered = thresholdsOf(build(null));
    const filtered = thresholdsOf(build('p1'));
    const baseline = proqolCohort().filter((response) => response.windowId === 'w1');
    for (const subscale of proqol5.subscales) {
      const { reliability } = subscale;
      if (reliability.status !== 'published') throw new Error('ProQOL publishes every alpha');
      const expected = (scores: number[]) =>
        1.96 * (standardDeviation(scores) as number) * Math.sqrt(2 * (1 - reliability.coefficient));
      const whole = baseline.map((response) => response.scores[subscale.id] as number);
      const programOnly = baseline
        .filter((response) => response.programId === 'p1')
        .map((response) => response.scores[subscale.id] as number);
      expect(unfiltered[subscale.id]).toBeCloseTo(expected(whole), 10);
      expect(filtered[subscale.id]).toBe(unfiltered[subscale.id]);
      // p1 alone is much less spread out: a threshold from it would be a different one.
      expect(Math.abs(expected(programOnly) - expected(whole))).toBeGreaterThan(0.5);
    }
  });
});
