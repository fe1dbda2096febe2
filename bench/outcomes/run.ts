/**
 * Outcomes dashboard benchmark: `npm run bench:outcomes` (node bench/outcomes/run.ts [--quick]).
 * Needs PostgreSQL (DATABASE_URL): makes a database of its own on that server, fills it with
 * 10,000 participants (1,000 with --quick) who answered a quarterly ProQOL 5 for three years
 * (12 windows, about 90% of people each time: ≥ 3 million item answers), times the queries behind
 * the outcomes dashboard — the API's own service, then its two parts: the SQL read and the
 * privacy-safe aggregation — and drops the database. Target: under 300 ms.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { and, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { proqol5 } from '../../src/core/instruments/proqol-5.ts';
import { scoreResponse } from '../../src/core/instruments/score-response.ts';
import type { Breakdown, OutcomeResponse } from '../../src/core/measurement/outcomes.ts';
import { connect, type DatabaseConnection } from '../../src/db/connect.ts';
import {
  assessmentResponses,
  assessmentWindows,
  memberships,
  organizations,
  programs,
  users,
} from '../../src/db/schema.ts';
import {
  describeOutcomes,
  forgetOutcomeSnapshots,
  refreshOutcomeSnapshots,
} from '../../src/server/services/outcomes.ts';
import { reportRow } from '../helpers/summary.ts';

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.log(
    'bench/outcomes skipped: it measures PostgreSQL. Set DATABASE_URL=postgres://user:password@host:5432/db (the user needs CREATEDB).',
  );
  process.exit(0);
}

const isQuick = process.argv.includes('--quick');
const participantCount = isQuick ? 1_000 : 10_000;
const windowCount = 12;
const programCount = 8;
const repetitions = isQuick ? 5 : 7;
const targetMs = 300;
const levels = ['student-1', 'student-2', 'student-3', 'student-4', 'resident', 'practitioner', 'faculty'];
const disciplines = ['Medicine', 'Nursing', 'Pharmacy', 'Psychology', 'Social work', 'Physiotherapy'];

let seed = 20_260_101;
const random = () => {
  seed = (seed * 16_807) % 2_147_483_647;
  return seed / 2_147_483_647;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function fill(
  connection: DatabaseConnection,
): Promise<{ organizationId: string; itemAnswers: number; responses: number }> {
  const { db } = connection;
  const [organization] = await db
    .insert(organizations)
    .values({
      name: 'Benchmark Health',
      slug: 'bench',
      settings: { minimumReportingGroupSize: 5, timeZone: 'UTC', locale: 'en', supportResources: [] },
    })
    .returning({ id: organizations.id });
  const organizationId = (organization as { id: string }).id;
  const programRows = await db
    .insert(programs)
    .values(
      Array.from({ length: programCount }, (_, index) => ({
        organizationId,
        title: `Program ${index + 1}`,
        termStart: '2024-01-08',
        termEnd: '2026-12-18',
        enrolmentOpens: '2023-12-01',
        enrolmentCloses: '2024-01-05',
        meetingCount: 6,
        meetingMinutes: 60,
        cadenceWeeks: 2,
        status: 'published' as const,
      })),
    )
    .returning({ id: programs.id });
  const people: { id: string; programId: string; level: string; discipline: string; trait: number }[] = [];
  for (let start = 0; start < participantCount; start += 2_000) {
    const batch = Array.from({ length: Math.min(2_000, participantCount - start) }, (_, index) => ({
      email: `person${start + index}@bench.tend.test`,
      name: `Person ${start + index}`,
    }));
    const inserted = await db.insert(users).values(batch).returning({ id: users.id });
    const rows = inserted.map((user) => ({
      id: user.id,
      programId: pick(programRows).id,
      level: pick(levels),
      discipline: pick(disciplines),
      trait: random() * 2 - 1,
    }));
    await db.insert(memberships).values(
      rows.map((row) => ({
        organizationId,
        userId: row.id,
        role: 'participant' as const,
        level: row.level,
        discipline: row.discipline,
      })),
    );
    people.push(...rows);
  }
  const windows = await db
    .insert(assessmentWindows)
    .values(
      Array.from({ length: windowCount }, (_, index) => {
        const opensAt = new Date(Date.UTC(2024, index * 3, 1));
        return {
          organizationId,
          instrumentId: proqol5.id,
          title: `Quarter ${index + 1}`,
          kind: 'every-3-months' as const,
          seriesId: organizationId,
          sequence: index + 1,
          opensAt,
          closesAt: new Date(opensAt.getTime() + 14 * 86_400_000),
        };
      }),
    )
    .returning();

  let itemAnswers = 0;
  let responses = 0;
  for (const [windowIndex, window] of windows.entries()) {
    const rows = [];
    for (const person of people) {
      if (random() > 0.9) continue;
      // Burnout eases a little each quarter; people differ.
      const tendency = 3 + person.trait - windowIndex * 0.03;
      const answers: Record<string, number> = {};
      for (const item of proqol5.items) {
        const value = Math.round(tendency + (random() * 2 - 1) * 1.4);
        answers[item.number] = Math.min(5, Math.max(1, value));
      }
      const scored = scoreResponse(proqol5, answers);
      if (!scored.ok) throw new Error('generated answers off the scale');
      const subscaleScores: Record<string, number> = {};
      for (const score of scored.subscales)
        if (score.status === 'complete') subscaleScores[score.subscaleId] = score.score;
      const submittedAt = new Date(window.opensAt.getTime() + 3 * 86_400_000);
      rows.push({
        organizationId,
        windowId: window.id,
        userId: person.id,
        instrumentId: proqol5.id,
        status: 'submitted' as const,
        answers,
        scores: [...scored.subscales],
        subscaleScores,
        isComplete: true,
        programId: person.programId,
        level: person.level,
        discipline: person.discipline,
        startedAt: submittedAt,
        updatedAt: submittedAt,
        submittedAt,
      });
      itemAnswers += proqol5.items.length;
    }
    for (let start = 0; start < rows.length; start += 1_000) {
      await db.insert(assessmentResponses).values(rows.slice(start, start + 1_000));
    }
    responses += rows.length;
  }
  await connection.db.execute('analyze');
  return { organizationId, itemAnswers, responses };
}

type Timing = { median: number; p95: number };

async function time(run: () => Promise<unknown> | unknown, count = repetitions): Promise<Timing> {
  await run(); // warm-up: plans cached, code compiled
  const samples: number[] = [];
  for (let index = 0; index < count; index++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (quantile: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(quantile * samples.length) - 1)] as number;
  return { median: at(0.5), p95: at(0.95) };
}

async function main(): Promise<void> {
  const name = `tend_bench_${randomBytes(5).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(serverUrl as string);
  url.pathname = `/${name}`;
  const connection = await connect({ databaseUrl: url.toString() });
  try {
    const started = performance.now();
    const { organizationId, itemAnswers, responses } = await fill(connection);
    console.log(
      `${participantCount.toLocaleString('en')} participants, ${windowCount} quarterly ProQOL 5 windows, ` +
        `${responses.toLocaleString('en')} responses, ${itemAnswers.toLocaleString('en')} item answers ` +
        `(generated in ${((performance.now() - started) / 1000).toFixed(0)} s). ${repetitions} runs each after a warm-up.\n`,
    );
    const now = new Date(Date.UTC(2027, 0, 1));
    const windows = await connection.db
      .select({
        id: assessmentWindows.id,
        title: assessmentWindows.title,
        opensAt: assessmentWindows.opensAt,
      })
      .from(assessmentWindows)
      .where(eq(assessmentWindows.organizationId, organizationId))
      .orderBy(assessmentWindows.opensAt);
    const [firstProgram] = await connection.db.select({ id: programs.id }).from(programs).limit(1);
    const readResponses = async (): Promise<OutcomeResponse[]> => {
      const rows = await connection.db
        .select({
          personId: assessmentResponses.userId,
          windowId: assessmentResponses.windowId,
          programId: assessmentResponses.programId,
          level: assessmentResponses.level,
          discipline: assessmentResponses.discipline,
          scores: assessmentResponses.subscaleScores,
        })
        .from(assessmentResponses)
        .where(
          and(
            inArray(
              assessmentResponses.windowId,
              windows.map((window) => window.id),
            ),
            eq(assessmentResponses.status, 'submitted'),
            eq(assessmentResponses.isComplete, true),
          ),
        );
      return rows.map((row) => ({ ...row, scores: row.scores as Record<string, number> }));
    };
    const rows: [string, Timing][] = [];
    const view = (breakdown: Breakdown, programId?: string) =>
      describeOutcomes(
        connection.db,
        organizationId,
        { instrumentId: proqol5.id, breakdown, programId },
        now,
      );
    // What the outcome-snapshots job does after windows close: the whole publication, on a worker.
    await forgetOutcomeSnapshots(connection.db);
    const jobStarted = performance.now();
    const snapshots = await refreshOutcomeSnapshots(connection.db, now);
    const jobMs = performance.now() - jobStarted;
    console.log(
      `outcome-snapshots job after the windows closed: ${snapshots.published} publication(s) in ${jobMs.toFixed(0)} ms\n`,
    );
    for (const breakdown of ['program', 'level', 'discipline'] as const) {
      rows.push([
        `GET /api/outcomes by ${breakdown}, from its snapshot (what people see)`,
        await time(() => view(breakdown)),
      ]);
    }
    rows.push([
      'GET /api/outcomes, one program by level, from its snapshot',
      await time(() => view('level', firstProgram?.id)),
    ]);
    rows.push(['  part: SQL read of submitted scores', await time(readResponses)]);
    // In the summary, each read beside reading every submitted score itself: what a read that did not
    // use the snapshot would at least cost.
    const [, rawRead] = rows.at(-1) as [string, Timing];
    reportRow({
      bench: 'outcomes',
      figure: `outcome-snapshots job (${participantCount.toLocaleString('en')} participants, ${windowCount} windows)`,
      value: jobMs,
      unit: 'ms',
      met: null,
    });
    for (const [label, timing] of rows.slice(0, -1)) {
      reportRow({
        bench: 'outcomes',
        figure: label.replace(', from its snapshot (what people see)', '').replace(', from its snapshot', ''),
        value: timing.median,
        unit: 'ms',
        reference: 'SQL read of all scores',
        referenceValue: rawRead.median,
        target: `p95 < ${targetMs} ms (p95 ${timing.p95.toFixed(0)} ms)`,
        met: timing.p95 < targetMs,
      });
    }
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(`${'query'.padEnd(width)}  median ms     p95 ms  under ${targetMs} ms`);
    for (const [label, timing] of rows) {
      console.log(
        `${label.padEnd(width)}  ${timing.median.toFixed(0).padStart(9)}  ${timing.p95.toFixed(0).padStart(9)}  ${timing.p95 < targetMs ? 'yes' : 'NO'}`,
      );
    }
    const sample = (await view('program')).outcomes;
    console.log(
      `\n${sample.trend.length + sample.distributions.length + sample.change.length} figures per dashboard, ${sample.hiddenCount} cells hidden; minimum group size ${sample.minimumGroupSize}.`,
    );
  } finally {
    await connection.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

await main();
