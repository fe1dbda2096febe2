import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeHiddenFigure } from '../src/core/evaluation/describe-hidden-figure.ts';
import type { SuppressionReason } from '../src/core/evaluation/release-aggregates.ts';
import { describeReliabilityOf } from '../src/core/instruments/describe-reliability.ts';
import { assessmentResponses, assessmentWindows } from '../src/db/schema.ts';
import {
  describeOutcomes,
  forgetOutcomeSnapshots,
  publishOutcomesOf,
  refreshOutcomeSnapshots,
  settleOutcomePublications,
} from '../src/server/services/outcomes.ts';
import { demoOrganizationId, userIdOf } from './helpers/meeting-fixtures.ts';
import { createPublishedProgram, enrolDemoPeople } from './helpers/programs.ts';
import { createTestApp, signedInClient, TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let coordinator: TestClient;
let leader: TestClient;
let admin: TestClient;
let people: Map<string, TestClient>;
let programId: string;
let baselineId: string;
let endOfTermId: string;

/** What the background job does once windows close. */
const publish = () => refreshOutcomeSnapshots(context.connection.db, context.clock.now);
const participant = (number: number) => people.get(`participant${number}@demo.tend.test`) as TestClient;
const hours = (count: number) => new Date(context.clock.now.getTime() + count * 3_600_000).toISOString();
/** WHO-5 answers whose raw sum is `sum` (0–25), spread over the five items. */
const who5Answers = (sum: number) =>
  Object.fromEntries(
    [1, 2, 3, 4, 5].map((item, index) => [String(item), Math.floor(sum / 5) + (index < sum % 5 ? 1 : 0)]),
  );

const baselineSums = [20, 15, 10, 18, 12, 22];
const endSums = [22, 18, 14, 19, 17, 23];

beforeAll(async () => {
  context = await createTestApp();
  coordinator = await signedInClient(context.app, 'coordinator');
  leader = await signedInClient(context.app, 'leader');
  admin = await signedInClient(context.app, 'admin');
  programId = await createPublishedProgram(coordinator, context.clock.now);
  people = await enrolDemoPeople(context.app, programId, 8);
});
afterAll(() => context.close());

describe('measurement: windows, questionnaires, personal results, outcomes', () => {
  it('tells the coordinator what to fix in a schedule that cannot work', async () => {
    const base = {
      instrumentId: 'who-5',
      programId,
      title: 'Baseline',
      kind: 'baseline-at-enrolment',
      opensAt: hours(-1),
      closesAt: hours(24 * 7),
    };
    const backwards = await coordinator.request('POST', '/api/assessment-windows', {
      ...base,
      closesAt: hours(-2),
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toHaveProperty('closesAt');
    const unknown = await coordinator.request('POST', '/api/assessment-windows', {
      ...base,
      instrumentId: 'mbi',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('mbi');
    const noProgram = await coordinator.request('POST', '/api/assessment-windows', {
      ...base,
      programId: null,
    });
    expect(noProgram.json().error.fields).toHaveProperty('programId');
    const badTerm = await coordinator.request('POST', '/api/assessment-windows', {
      ...base,
      helperTerm: '<script>',
    });
    expect(badTerm.statusCode).toBe(400);
  });

  it('schedules a baseline and an end-of-term window, and a quarterly series', async () => {
    const baseline = await coordinator.request('POST', '/api/assessment-windows', {
      instrumentId: 'who-5',
      programId,
      title: 'Baseline',
      kind: 'baseline-at-enrolment',
      opensAt: hours(-1),
      closesAt: hours(24 * 7),
    });
    expect(baseline.statusCode).toBe(201);
    baselineId = baseline.json().windows[0].id;
    const endOfTerm = await coordinator.request('POST', '/api/assessment-windows', {
      instrumentId: 'who-5',
      programId,
      title: 'End of term',
      kind: 'end-of-term',
      opensAt: hours(24 * 30),
      closesAt: hours(24 * 37),
    });
    endOfTermId = endOfTerm.json().windows[0].id;
    const series = await coordinator.request('POST', '/api/assessment-windows', {
      instrumentId: 'proqol-5',
      programId: null,
      title: 'Quarterly ProQOL',
      helperTerm: 'nurse',
      kind: 'every-3-months',
      opensAt: hours(24 * 200),
      closesAt: hours(24 * 214),
      occurrences: 4,
    });
    expect(series.json().windows.map((window: { title: string }) => window.title)).toEqual([
      'Quarterly ProQOL (1 of 4)',
      'Quarterly ProQOL (2 of 4)',
      'Quarterly ProQOL (3 of 4)',
      'Quarterly ProQOL (4 of 4)',
    ]);
    const listed = await coordinator.request('GET', '/api/assessment-windows');
    expect(listed.json().windows).toHaveLength(6);
    // Nobody answered yet: the count is hidden, not zero.
    expect(listed.json().windows[0].submittedCount).toBeNull();
  });

  it('shows enrolled people their open baseline, with the attribution the licence asks for', async () => {
    const listed = await participant(1).request('GET', '/api/me/assessments');
    expect(listed.json().assessments.map((entry: { window: { id: string } }) => entry.window.id)).toEqual([
      baselineId,
    ]);
    const questionnaire = await participant(1).request('GET', `/api/me/assessments/${baselineId}`);
    expect(questionnaire.statusCode).toBe(200);
    expect(questionnaire.json().instrument.items).toHaveLength(5);
    expect(questionnaire.json().instrument.attribution.join(' ')).toContain('Psychiatric Research Unit');
    // Someone not enrolled does not see it at all.
    expect(
      (
        await (
          await signedInClient(context.app, 'coordinator')
        ).request('GET', `/api/me/assessments/${baselineId}`)
      ).statusCode,
    ).toBe(404);
  });

  it('saves a draft to finish later, refuses answers off the scale and reports a skipped item as incomplete', async () => {
    const draft = await participant(1).request('PUT', `/api/me/assessments/${baselineId}/draft`, {
      answers: { 1: 3, 2: 4 },
    });
    expect(draft.json().status).toBe('draft');
    const again = await participant(1).request('GET', `/api/me/assessments/${baselineId}`);
    expect(again.json()).toMatchObject({ status: 'draft', answers: { 1: 3, 2: 4 } });

    const offScale = await participant(1).request('POST', `/api/me/assessments/${baselineId}/submit`, {
      answers: { 1: 9 },
    });
    expect(offScale.statusCode).toBe(400);
    expect(offScale.json().error.fields).toHaveProperty('body.answers.1');
    const unknownItem = await participant(1).request('POST', `/api/me/assessments/${baselineId}/submit`, {
      answers: { 12: 1 },
    });
    expect(unknownItem.statusCode).toBe(400);

    const submitted = await participant(1).request('POST', `/api/me/assessments/${baselineId}/submit`, {
      answers: { 1: 3, 2: 4, 3: 3, 4: 2 },
    });
    expect(submitted.json().scores[0]).toMatchObject({ status: 'incomplete', missingItems: [5] });
    const twice = await participant(1).request('POST', `/api/me/assessments/${baselineId}/submit`, {
      answers: who5Answers(10),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('RESPONSE_ALREADY_SUBMITTED');
  });

  it('gives each person their own results, and the private support message only to those it may help', async () => {
    for (const [index, sum] of baselineSums.entries()) {
      const response = await participant(index + 2).request(
        'POST',
        `/api/me/assessments/${baselineId}/submit`,
        {
          answers: who5Answers(sum),
        },
      );
      expect(response.statusCode).toBe(200);
    }
    const low = await participant(4).request('GET', '/api/me/results'); // raw 10 → 40: low well-being
    expect(low.json().results[0].subscales[0].latest).toMatchObject({
      status: 'complete',
      score: 40,
      bandLabel: 'Low',
    });
    expect(low.json().support.resources.map((resource: { contact: string }) => resource.contact)).toContain(
      'Call or text 9-8-8',
    );
    const good = await participant(2).request('GET', '/api/me/results'); // raw 20 → 80
    expect(good.json().results[0].subscales[0].latest.score).toBe(80);
    expect(good.json().support).toBeNull();
    // Nobody else reads them: results are always the caller's own.
    const others = await coordinator.request('GET', '/api/me/results');
    expect(others.json().results).toEqual([]);
    const leaderView = await leader.request('GET', '/api/me/results');
    expect(leaderView.json().results).toEqual([]);
  });

  it('shows no outcomes from a window that is still open', async () => {
    const outcomes = await coordinator.request('GET', '/api/outcomes?instrumentId=who-5');
    expect(outcomes.statusCode).toBe(200);
    expect(outcomes.json().trend).toEqual([]);
    expect(outcomes.json().openWindows.map((window: { id: string }) => window.id)).toContain(baselineId);
  });

  it('releases outcomes above the minimum only, once the window is closed', async () => {
    const closed = await coordinator.request('POST', `/api/assessment-windows/${baselineId}/close`);
    expect(closed.json().isClosed).toBe(true);
    const late = await participant(8).request('POST', `/api/me/assessments/${baselineId}/submit`, {
      answers: who5Answers(5),
    });
    expect(late.json().error.code).toBe('ASSESSMENT_WINDOW_CLOSED');
    // Until the window's outcomes are published, the dashboard says so instead of computing them.
    const before = (await leader.request('GET', '/api/outcomes?instrumentId=who-5&breakdown=level')).json();
    expect(before).toMatchObject({ isUpToDate: false, publishedAt: null, trend: [] });
    await settleOutcomePublications();

    const outcomes = (await leader.request('GET', '/api/outcomes?instrumentId=who-5&breakdown=level')).json();
    const overall = outcomes.trend.find((point: { group: unknown }) => point.group === null);
    // Six complete responses (the incomplete one is left out), minimum 5.
    expect(overall.result).toMatchObject({ status: 'released', n: 6 });
    const expectedMean = (baselineSums.reduce((sum, value) => sum + value * 4, 0) / 6).toFixed(6);
    expect(overall.result.subscales[0].mean.toFixed(6)).toBe(expectedMean);
    for (const point of outcomes.trend) {
      if (point.group !== null) expect(point.result.status).toBe('hidden');
    }
    const listed = await coordinator.request('GET', '/api/assessment-windows');
    expect(
      listed.json().windows.find((window: { id: string }) => window.id === baselineId).submittedCount,
    ).toBe(7);
  });

  it('publishes every view of closed windows once, in the background, and only reads it afterwards', async () => {
    const { db } = context.connection;
    const { now } = context.clock;
    const organizationId = await demoOrganizationId(db);
    await forgetOutcomeSnapshots(db);
    const query = { instrumentId: 'who-5', breakdown: 'level' as const };
    expect((await describeOutcomes(db, organizationId, query, now)).isUpToDate).toBe(false);
    expect(await refreshOutcomeSnapshots(db, now)).toEqual({ instruments: 1, published: 1 });
    expect(await refreshOutcomeSnapshots(db, now)).toEqual({ instruments: 1, published: 0 });
    const stored = await describeOutcomes(db, organizationId, query, now);
    expect(stored.isUpToDate).toBe(true);
    expect(stored.publishedAt).toEqual(now);

    // The figures depend on the minimum size: changing it makes the publication out of date.
    await admin.request('PUT', '/api/organization/settings', { minimumReportingGroupSize: 6 });
    expect((await describeOutcomes(db, organizationId, query, now)).isUpToDate).toBe(false);
    expect(await publishOutcomesOf(db, organizationId, 'who-5', now)).toBe(true);
    const stricter = await describeOutcomes(db, organizationId, query, now);
    expect(stricter.outcomes.minimumGroupSize).toBe(6);
    await admin.request('PUT', '/api/organization/settings', { minimumReportingGroupSize: 5 });
    await publish();
  });

  it('lets an admin raise the minimum reporting size but never below 3', async () => {
    const tooLow = await admin.request('PUT', '/api/organization/settings', { minimumReportingGroupSize: 2 });
    expect(tooLow.statusCode).toBe(400);
    expect(tooLow.json().error.message).toMatch(/below 3/);
    const raised = await admin.request('PUT', '/api/organization/settings', { minimumReportingGroupSize: 7 });
    expect(raised.json().minimumReportingGroupSize).toBe(7);
    await publish();
    const outcomes = (await coordinator.request('GET', '/api/outcomes?instrumentId=who-5')).json();
    expect(outcomes.minimumGroupSize).toBe(7);
    expect(
      outcomes.trend.every((point: { result: { status: string } }) => point.result.status === 'hidden'),
    ).toBe(true);
    const csv = await coordinator.request('GET', '/api/outcomes/export.csv?instrumentId=who-5');
    expect(csv.body.trim().split('\r\n')).toHaveLength(1);
    await admin.request('PUT', '/api/organization/settings', { minimumReportingGroupSize: 5 });
    await publish();
    const resources = await admin.request('PUT', '/api/organization/settings', {
      supportResources: [{ name: 'Staff counselling', contact: 'Room 12, ext. 4040' }],
    });
    expect(resources.json().supportResources).toHaveLength(1);
  });

  it('reports pre/post change with its interval, effect sizes and report files', async () => {
    context.clock.now = new Date(context.clock.now.getTime() + 31 * 86_400_000);
    // A month later every session has expired: sign everyone in again.
    for (const [email, client] of people) await client.signIn(email);
    coordinator = await signedInClient(context.app, 'coordinator');
    leader = await signedInClient(context.app, 'leader');
    for (const [index, sum] of endSums.entries()) {
      const response = await participant(index + 2).request(
        'POST',
        `/api/me/assessments/${endOfTermId}/submit`,
        {
          answers: who5Answers(sum),
        },
      );
      expect(response.statusCode).toBe(200);
    }
    const support = await participant(4).request('GET', '/api/me/results');
    expect(
      support.json().results[0].subscales[0].trend.map((point: { score: number }) => point.score),
    ).toEqual([40, 56]);
    expect(support.json().support).toBeNull();
    await coordinator.request('POST', `/api/assessment-windows/${endOfTermId}/close`);
    await publish();

    const outcomes = (await coordinator.request('GET', '/api/outcomes?instrumentId=who-5')).json();
    expect(outcomes.baselineWindowId).toBe(baselineId);
    expect(outcomes.focusWindowId).toBe(endOfTermId);
    const overall = outcomes.change.find((entry: { group: unknown }) => entry.group === null);
    expect(overall.result.n).toBe(6);
    const changes = endSums.map((sum, index) => (sum - (baselineSums[index] as number)) * 4);
    const meanChange = changes.reduce((sum, value) => sum + value, 0) / changes.length;
    const [change] = overall.result.subscales;
    expect(change.meanChange).toBeCloseTo(meanChange, 10);
    expect(change.confidenceInterval.lower).toBeLessThan(meanChange);
    expect(change.cohensDz).toBeGreaterThan(0);
    expect(change.hedgesGav).toBeGreaterThan(0);
    expect(change.reliableChange).toMatchObject({ status: 'not-computed' });

    const html = await coordinator.request('GET', '/api/outcomes/report?instrumentId=who-5&format=html');
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('Program evaluation');
    expect(html.body).toContain('fewer than 5');
    const pdf = await leader.request('GET', '/api/outcomes/report?instrumentId=who-5&format=pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await leader.request('GET', '/api/outcomes/export.csv?instrumentId=who-5');
    expect(csv.body).toContain('change,End of term,Baseline,program,All,Well-being');
    expect(csv.body).not.toMatch(/participant|@demo/);
  });

  it('names the reliability behind reliable change where the dashboard reads it: alpha, its value and source', async () => {
    const { instruments } = (await leader.request('GET', '/api/instruments')).json();
    const proqol = instruments.find((instrument: { id: string }) => instrument.id === 'proqol-5');
    expect(proqol.subscales[0].reliability).toMatchObject({
      status: 'published',
      kind: 'cronbach-alpha',
      coefficient: 0.88,
    });
    // The outcomes page explains reliable change with this sentence, from these figures.
    expect(describeReliabilityOf(proqol.subscales)).toContain(
      'Compassion satisfaction: Cronbach’s alpha 0.88 (Stamm (2010), The Concise ProQOL Manual',
    );
  });

  it('says a response count hidden to stop a subtraction is hidden for that, not that it is small', async () => {
    // Seven answered the baseline and six of them the end of term: one count minus the other
    // would single out the seventh person, so one count is hidden although both groups are large.
    const { windows, minimumGroupSize } = (
      await coordinator.request('GET', '/api/assessment-windows')
    ).json();
    type Listed = { id: string; submittedCount: number | null; submittedCountHiddenReason: string | null };
    const counts = (windows as Listed[]).filter((window) => [baselineId, endOfTermId].includes(window.id));
    expect(counts.map((window) => window.submittedCount).sort()).toEqual([7, null]);
    const hidden = counts.find((window) => window.submittedCount === null);
    expect(hidden?.submittedCountHiddenReason).toBe('reveals-small-group-by-subtraction');
    expect(counts.find((window) => window.submittedCount !== null)?.submittedCountHiddenReason).toBeNull();
    expect(
      describeHiddenFigure(hidden!.submittedCountHiddenReason as SuppressionReason, minimumGroupSize),
    ).toBe('hidden so figures cannot be subtracted');
    // A window nobody answered is hidden because its group is too small.
    const empty = (windows as Listed[]).find((window) => ![baselineId, endOfTermId].includes(window.id));
    expect(empty).toMatchObject({ submittedCount: null, submittedCountHiddenReason: 'below-minimum' });
  });

  it('exports instruments as FHIR Questionnaires and one’s own answers as a QuestionnaireResponse', async () => {
    const questionnaire = (
      await participant(2).request('GET', '/api/instruments/proqol-5/fhir?helperTerm=nurse')
    ).json();
    expect(questionnaire.resourceType).toBe('Questionnaire');
    const reversed = questionnaire.item.find((item: { linkId: string }) => item.linkId === 'q1');
    expect(
      reversed.answerOption.map(
        (option: { extension: { valueDecimal: number }[] }) => option.extension[0]?.valueDecimal,
      ),
    ).toEqual([5, 4, 3, 2, 1]);
    const burnout = questionnaire.item.find((item: { linkId: string }) => item.linkId === 'burnout-score');
    expect(burnout.extension[0].url).toContain('sdc-questionnaire-calculatedExpression');
    const own = (await participant(2).request('GET', `/api/me/assessments/${baselineId}/fhir`)).json();
    expect(own).toMatchObject({ resourceType: 'QuestionnaireResponse', status: 'completed' });
    expect(own.item).toHaveLength(5);
    const stranger = new TestClient(context.app, '10.8.0.9');
    await stranger.signIn('participant9@demo.tend.test');
    const notOwn = await stranger.request('GET', `/api/me/assessments/${baselineId}/fhir`);
    expect(notOwn.statusCode).toBe(404);
  });
});

describe('outcomes privacy (property)', () => {
  it('never releases a figure about fewer people than the minimum, for any responses', async () => {
    const { db } = context.connection;
    const organizationId = await demoOrganizationId(db);
    const personIds = await Promise.all(
      Array.from({ length: 16 }, (_, index) => userIdOf(db, `participant${index + 20}@demo.tend.test`)),
    );
    const levels = ['student-1', 'resident', 'practitioner'];
    const now = context.clock.now;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            person: fc.integer({ min: 0, max: 15 }),
            window: fc.integer({ min: 0, max: 2 }),
            level: fc.integer({ min: 0, max: 2 }),
            answers: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 6, maxLength: 6 }),
          }),
          { maxLength: 40 },
        ),
        fc.constantFrom('program', 'level', 'discipline' as const),
        async (entries, breakdown) => {
          await db
            .delete(assessmentWindows)
            .where(eq(assessmentWindows.instrumentId, 'brief-resilience-scale'));
          const windows = await db
            .insert(assessmentWindows)
            .values(
              [0, 1, 2].map((index) => ({
                organizationId,
                instrumentId: 'brief-resilience-scale',
                title: `BRS ${index}`,
                kind: 'every-3-months' as const,
                seriesId: organizationId,
                opensAt: new Date(now.getTime() - (10 - index) * 86_400_000),
                closesAt: new Date(now.getTime() - (9 - index) * 86_400_000),
              })),
            )
            .returning();
          const seen = new Set<string>();
          const rows = entries.flatMap((entry) => {
            const key = `${entry.person}/${entry.window}`;
            if (seen.has(key)) return [];
            seen.add(key);
            const answers = Object.fromEntries(
              entry.answers.map((value, index) => [String(index + 1), value]),
            );
            const reversed = entry.answers.map((value, index) => (index % 2 === 1 ? 6 - value : value));
            const score = Math.round((reversed.reduce((sum, value) => sum + value, 0) / 6) * 100) / 100;
            return [
              {
                organizationId,
                windowId: (windows[entry.window] as { id: string }).id,
                userId: personIds[entry.person] as string,
                instrumentId: 'brief-resilience-scale',
                status: 'submitted' as const,
                answers,
                subscaleScores: { resilience: score },
                isComplete: true,
                level: levels[entry.level] as string,
                discipline: entry.person % 2 === 0 ? 'Nursing' : 'Medicine',
                startedAt: now,
                updatedAt: now,
                submittedAt: new Date(now.getTime() - 86_400_000 * 20),
              },
            ];
          });
          if (rows.length > 0) await db.insert(assessmentResponses).values(rows);
          await publishOutcomesOf(db, organizationId, 'brief-resilience-scale', now);
          const { outcomes } = await describeOutcomes(
            db,
            organizationId,
            { instrumentId: 'brief-resilience-scale', breakdown },
            now,
          );
          const minimum = outcomes.minimumGroupSize;
          for (const point of outcomes.trend) {
            if (point.result.status === 'released') expect(point.result.n).toBeGreaterThanOrEqual(minimum);
          }
          for (const entry of outcomes.change) {
            if (entry.result.status !== 'released') continue;
            expect(entry.result.n).toBeGreaterThanOrEqual(minimum);
            for (const subscale of entry.result.subscales) {
              const rc = subscale.reliableChange;
              if (rc.status !== 'computed') continue;
              for (const count of [rc.improved, rc.deteriorated, rc.noReliableChange]) {
                if (count !== null) expect(count).toBeGreaterThanOrEqual(minimum);
              }
            }
          }
          for (const distribution of outcomes.distributions) {
            if (distribution.result.status !== 'released') continue;
            expect(distribution.result.n).toBeGreaterThanOrEqual(minimum);
            for (const band of distribution.result.bands) {
              if (band.count !== null) expect(band.count).toBeGreaterThanOrEqual(minimum);
            }
          }
        },
      ),
      { numRuns: 25 },
    );
    // 25 cohorts, each written and published through the database: minutes on a busy shared machine.
  }, 180_000);
});
