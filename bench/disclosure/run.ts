/**
 * Disclosure-control benchmark: `npm run bench:disclosure` (node bench/disclosure/run.ts [--quick]).
 * Times, in this process, the two joint checks issue 11 asks to be fast, each printed beside a
 * reference measured in the same run (the same work without the disclosure check) and the ratio:
 *
 * 1. a whole window's outcomes publication: 10,000 participants × 5 levels × 8 disciplines ×
 *    20 programs, the 12th quarterly ProQOL window closing after 11 published ones (target < 10 s);
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
  const earlierWindows = windows.slice(0, -1);
  const earlierResponses = responses.filter(
    (response) => response.windowId !== windows[windows.length - 1]?.id,
  );
  console.log(
    `Outcomes: ${participantCount.toLocaleString('en')} participants, ${windowCount} windows, ${responses.length.toLocaleString('en')} responses, ` +
      `${levels.length} levels × ${disciplines.length} disciplines × ${programIds.length} programs.`,
  );
  const { ms: priorMs, result: prior } = time(
    (): OutcomePublication =>
      publishOutcomes({
        instrument: proqol5,
        windows: earlierWindows,
        responses: earlierResponses,
        groupLabels,
        minimumGroupSize: 5,
      }),
  );
  console.log(
    `  (the publication of the first ${windowCount - 1} windows, made beforehand: ${(priorMs / 1000).toFixed(2)} s)`,
  );
  const input = { instrument: proqol5, windows, responses, groupLabels, minimumGroupSize: 5, prior };
  // The reference: every view's cells and every figure in them, with no disclosure check.
  const reference = time(() => {
    const views = collectPublicationViews(input);
    for (const view of views) for (const cell of view.cells) figuresOf(cell);
    return views;
  });
  const publication = time(() => publishOutcomes(input));
  const cellCount = reference.result.reduce((sum, view) => sum + view.cells.length, 0);
  const hidden = Object.values(publication.result.decisions).filter(
    (decision) => decision !== 'released',
  ).length;
  row(
    `Publication when window ${windowCount} closes (${cellCount.toLocaleString('en')} cells in ${reference.result.length} views, ${hidden.toLocaleString('en')} hidden)`,
    publication.ms,
    'the same views and figures without the disclosure check',
    reference.ms,
    10_000,
  );
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
