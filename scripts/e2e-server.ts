// Starts Tend on a new, empty data directory for the browser tests, with a real SMTP peer that
// receives every e-mail, and a control port (E2E_CONTROL_PORT, on 127.0.0.1 only) through which a
// spec reads the e-mail received and runs a job with a clock of its choosing:
//   GET  /mail                           → [{ to, raw }] every message received so far
//   POST /jobs/reflection-follow-ups?at= → runs the follow-up job as if it were `at` (ISO time)
//   POST /jobs/feedback-requests?at=     → runs the feedback-request job as if it were `at`
//   POST /meetings/hold?id=&startedMinutesAgo= → the meeting's day comes: it is moved to have started
//                                          that many minutes ago (same length), as time passing would
//   POST /reports/age?weeks=             → working-condition reports filed so far move that many weeks
//                                          back, as if the weeks had passed (leaders see ended weeks)
// The journeys build their own programs from the demo's people, so it starts without the demo's term;
// E2E_DEMO_TERM=1 starts it with the term in progress `npm start` makes (e2e/coordinator-term-on-demo.spec.ts).
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtpSink } from '../test/helpers/smtp-sink.ts';

// A fresh directory unless the spec prepared one (the first-run journey runs `tend setup` on it first).
process.env.DATA_DIR ??= mkdtempSync(join(tmpdir(), 'tend-e2e-'));
const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
const { startServer } = await import('../src/cli/serve.ts');
const { sendReflectionFollowUps } = await import('../src/jobs/reflection-follow-ups.ts');
const { sendFeedbackRequests } = await import('../src/server/services/feedback-requests.ts');
const { meetings, workingConditionReports } = await import('../src/db/schema.ts');
const { eq, sql } = await import('drizzle-orm');
const { db, jobs } = await startServer({ demoTerm: process.env.E2E_DEMO_TERM === '1' });

const controlPort = Number(process.env.E2E_CONTROL_PORT);
if (controlPort) {
  createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && url.pathname === '/mail') {
      answer(
        200,
        sink.received.map(({ to, raw }) => ({ to, raw })),
      );
    } else if (request.method === 'POST' && url.pathname === '/jobs/reflection-follow-ups') {
      const at = new Date(url.searchParams.get('at') ?? '');
      if (Number.isNaN(at.getTime())) {
        answer(400, { error: 'at must be an ISO time' });
        return;
      }
      sendReflectionFollowUps(db, at)
        // The e-mail goes out through the real delivery job, as in production.
        .then(async (report) => answer(200, { ...report, delivery: await jobs.runNow('deliver-outbox') }))
        .catch((error: Error) => answer(500, { error: error.message }));
    } else if (request.method === 'POST' && url.pathname === '/jobs/feedback-requests') {
      const at = new Date(url.searchParams.get('at') ?? '');
      if (Number.isNaN(at.getTime())) {
        answer(400, { error: 'at must be an ISO time' });
        return;
      }
      sendFeedbackRequests(db, at)
        .then((report) => answer(200, report))
        .catch((error: Error) => answer(500, { error: error.message }));
    } else if (request.method === 'POST' && url.pathname === '/meetings/hold') {
      const id = url.searchParams.get('id') ?? '';
      const minutesAgo = Number(url.searchParams.get('startedMinutesAgo') ?? '');
      if (!/^[0-9a-f-]{36}$/.test(id) || !Number.isFinite(minutesAgo)) {
        answer(400, { error: 'id must be a meeting id and startedMinutesAgo a number' });
        return;
      }
      const hold = async () => {
        const [meeting] = await db.select().from(meetings).where(eq(meetings.id, id));
        if (!meeting) return answer(404, { error: 'no such meeting' });
        const startsAt = new Date(Date.now() - minutesAgo * 60_000);
        const endsAt = new Date(startsAt.getTime() + meeting.endsAt.getTime() - meeting.startsAt.getTime());
        await db.update(meetings).set({ startsAt, endsAt }).where(eq(meetings.id, id));
        answer(200, { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
      };
      hold().catch((error: Error) => answer(500, { error: error.message }));
    } else if (request.method === 'POST' && url.pathname === '/reports/age') {
      const weeks = Number(url.searchParams.get('weeks') ?? '');
      if (!Number.isInteger(weeks) || weeks < 1) {
        answer(400, { error: 'weeks must be a whole number of weeks, 1 or more' });
        return;
      }
      db.update(workingConditionReports)
        .set({ week: sql`${workingConditionReports.week} - ${7 * weeks}::integer` })
        .then(() => answer(200, { weeks }))
        .catch((error: Error) => answer(500, { error: error.message }));
    } else {
      answer(404, { error: 'unknown control request' });
    }
  }).listen(controlPort, '127.0.0.1');
}
