/**
 * Disclosure-control benchmark: `npm run bench:disclosure` (node bench/disclosure/run.ts [--quick]).
 * Times, in this process, the two joint checks issue 11 asks to be fast, each printed beside a
 * reference measured in the same run (the same work without the disclosure check) and the ratio:
 *
 * 1. a whole window's outcomes publication: 10,000 participants × 5 levels × 8 disciplines ×
 *    20 programs, 12 quarterly ProQOL windows closing one after another, each publication built on
 *    the one before as the server does; every window's is timed (target < 10 s each);
 * 2. the leaders' working-condition summary: 5,000 reports × 10 units × 20 weeks × 8 categories
 *    (target < 1 s).
 *
 * Data are generated from a fixed seed; no database is involved. Options: --quick (1,000
 * participants, 4 windows, 1,000 reports), --participants=N, --windows=N, --summary-only.
 */
import { performance } from 'node:perf_hooks';
import { proqol5 } from '../../src/core/instruments/proqol-5.ts';
import { figuresOf } from '../../src/core/measurement/outcome-cells.ts';
import {
  collectPublicationViews,
  type OutcomePublication,
  publishOutcomes,
  viewKeyOf,
} from '../../src/core/measurement/outcome-publication.ts';
import type { OutcomeResponse, OutcomeWindow } from '../../src/core/measurement/outcome-types.ts';
import { stressorCategories } from '../../src/core/working-conditions/report-form.ts';
import { type StoredReport, summarizeReports } from '../../src/core/working-conditions/summarize-reports.ts';

const isQuick = process.argv.includes('--quick');
const optionOf = (name: string) => {
  const found = process.argv.find((argument) => argument.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : undefined;
};
const participantCount = optionOf('participants') ?? (isQuick ? 1_000 : 10_000);
const windowCount = optionOf('windows') ?? (isQuick ? 4 : 12);
const reportCount = isQuick ? 1_000 : 5_000;

let seed = 20_261_206;
const random = () => {
  seed = (seed * 16_807) % 2_147_483_647;
  return seed / 2_147_483_647;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

function time<T>(run: () => T): { ms: number; result: T } {
  const started = performance.now();
  const result = run();
  return { ms: performance.now() - started, result };
}

function row(label: string, ms: number, referenceLabel: string, referenceMs: number, targetMs: number) {
  console.log(
    `${label}: ${(ms / 1000).toFixed(2)} s (target < ${targetMs / 1000} s: ${ms < targetMs ? 'yes' : 'NO'}); ` +
      `reference, ${referenceLabel}: ${(referenceMs / 1000).toFixed(2)} s; ratio ${(ms / referenceMs).toFixed(1)}×`,
  );
}

function benchmarkPublication(): void {
  // 1. Outcomes publication.
  const levels = ['student-1', 'student-2', 'resident', 'practitioner', 'faculty'];
  const disciplines = [
    'Medicine',
    'Nursing',
    'Pharmacy',
    'Psychology',
    'Social work',
    'Physiotherapy',
    'Dentistry',
    'Midwifery',
  ];
  const programIds = Array.from({ length: 20 }, (_, index) => `program-${index + 1}`);
  const windows: OutcomeWindow[] = Array.from({ length: windowCount }, (_, index) => ({
    id: `window-${String(index + 1).padStart(2, '0')}`,
    title: `Quarter ${index + 1}`,
    opensAt: new Date(Date.UTC(2024, index * 3, 1)).toISOString(),
    programId: null,
  }));
  const people = Array.from({ length: participantCount }, (_, index) => ({
    id: `person-${index}`,
    programId: pick(programIds),
    level: pick(levels),
    discipline: pick(disciplines),
    base: 15 + Math.floor(random() * 30),
  }));
  const responses: OutcomeResponse[] = [];
  for (const window of windows) {
    for (const person of people) {
      if (random() > 0.9) continue;
      const drift = Math.floor(random() * 7) - 3;
      const score = Math.max(10, Math.min(50, person.base + drift));
      responses.push({
        personId: person.id,
        windowId: window.id,
        programId: person.programId,
        level: person.level,
        discipline: person.discipline,
        scores: {
          'compassion-satisfaction': score,
          burnout: 60 - score,
          'secondary-traumatic-stress': Math.max(10, score - 5),
        },
      });
    }
  }
  const groupLabels = Object.fromEntries(programIds.map((id) => [id, `Program ${id.slice(8)}`]));
  console.log(
    `Outcomes: ${participantCount.toLocaleString('en')} participants, ${windowCount} windows, ${responses.length.toLocaleString('en')} responses, ` +
      `${levels.length} levels × ${disciplines.length} disciplines × ${programIds.length} programs; ` +
      'one publication as each window closes, built on the one before (as the server does).',
  );
  let prior: OutcomePublication | undefined;
  let worst: { window: number; ms: number; referenceMs: number } | undefined;
  let totalMs = 0;
  let totalReferenceMs = 0;
  for (let count = 1; count <= windowCount; count++) {
    const closed = new Set(windows.slice(0, count).map((window) => window.id));
    const input = {
      instrument: proqol5,
      windows: windows.slice(0, count),
      responses: responses.filter((response) => closed.has(response.windowId)),
      groupLabels,
      minimumGroupSize: 5,
      prior,
    };
    // The reference: the same views' new cells, each with its figures, and no disclosure check.
    const reference = time(() => {
      const views = collectPublicationViews(input, prior);
      let newCells = 0;
      for (const view of views) {
        const prefix = viewKeyOf(view.programId, view.breakdown);
        for (const cell of view.cells) {
          if (prior?.decisions[`${prefix}|${cell.id}`] !== undefined) continue;
          figuresOf(cell);
          newCells++;
        }
      }
      return newCells;
    });
    const publication = time(() => publishOutcomes(input));
    const hiddenBy = new Map<string, number>();
    for (const [key, decision] of Object.entries(publication.result.decisions)) {
      if (decision === 'released' || prior?.decisions[key] !== undefined) continue;
      hiddenBy.set(decision, (hiddenBy.get(decision) ?? 0) + 1);
    }
    const hidden = [...hiddenBy.values()].reduce((sum, value) => sum + value, 0);
    // Most cells are hidden because they are small (a program × level × discipline has about 12
    // people); the complementary ones are the price of the joint check.
    const reasons = [...hiddenBy]
      .map(([reason, value]) => `${value.toLocaleString('en')} ${reason}`)
      .join(', ');
    row(
      `  Publication when window ${count} closes (${reference.result.toLocaleString('en')} new cells, ${hidden.toLocaleString('en')} of them hidden: ${reasons})`,
      publication.ms,
      'the new cells and their figures without the check',
      reference.ms,
      10_000,
    );
    totalMs += publication.ms;
    totalReferenceMs += reference.ms;
    if (!worst || publication.ms > worst.ms)
      worst = { window: count, ms: publication.ms, referenceMs: reference.ms };
    prior = publication.result;
  }
  const cells = prior?.views.reduce((sum, view) => sum + Object.keys(view.cells).length, 0) ?? 0;
  const released = Object.values(prior?.decisions ?? {}).filter((decision) => decision === 'released').length;
  console.log(
    `  After ${windowCount} windows: ${cells.toLocaleString('en')} cells in ${prior?.views.length ?? 0} views, ${released.toLocaleString('en')} released; ` +
      `all ${windowCount} publications ${(totalMs / 1000).toFixed(2)} s (reference ${(totalReferenceMs / 1000).toFixed(2)} s); ` +
      `peak resident memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB.`,
  );
  if (worst) {
    row(
      `Slowest window's publication (window ${worst.window} of ${windowCount})`,
      worst.ms,
      'the same without the check',
      worst.referenceMs,
      10_000,
    );
  }
}

if (!process.argv.includes('--summary-only')) benchmarkPublication();

// 2. Leaders' working-condition summary.
const units = Array.from({ length: 10 }, (_, index) => `Unit ${index + 1}`);
const weeks = Array.from({ length: 20 }, (_, index) =>
  new Date(Date.UTC(2026, 6, 6 + 7 * index)).toISOString().slice(0, 10),
);
const reports: StoredReport[] = Array.from({ length: reportCount }, (_, index) => ({
  id: `report-${index}`,
  category: pick(stressorCategories.slice(0, 8)),
  unit: pick(units),
  week: pick(weeks),
  text: random() < 0.4 ? `text ${index % 50}` : '',
}));
console.log(
  `\nWorking conditions: ${reportCount.toLocaleString('en')} reports, ${units.length} units, ${weeks.length} weeks, ${Math.min(8, stressorCategories.length)} categories.`,
);
const summaryInput = {
  reports,
  units,
  firstWeek: weeks[0] as string,
  weekCount: weeks.length,
  commentMinimum: 10,
};
const counting = time(() => {
  const counts = new Map<string, number>();
  for (const report of reports) {
    for (const key of [
      'total',
      `week:${report.week}`,
      `unit:${report.unit}`,
      `category:${report.category}`,
      `category:${report.category}|week:${report.week}`,
      `category:${report.category}|unit:${report.unit}`,
    ])
      counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
});
const summary = time(() => summarizeReports(summaryInput));
row(
  'Leader summary',
  summary.ms,
  'counting the same cells without the disclosure check',
  Math.max(counting.ms, 0.01),
  1_000,
);
