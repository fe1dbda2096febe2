import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
