import { and, asc, eq, lte, ne, sql } from 'drizzle-orm';
import {
  decideProgramTasks,
  type ProgramTaskKind,
  programPhase,
} from '../../core/dashboard/program-tasks.ts';
import { effectiveMinimumGroupSize } from '../../core/evaluation/release-aggregates.ts';
import { feedbackPeriodDays } from '../../core/feedback/feedback-form.ts';
import { findInstrument } from '../../core/instruments/catalog.ts';
import { millisecondsPerDay } from '../../core/scheduling/durations.ts';
import type { Database } from '../../db/connect.ts';
import {
  assessmentWindows,
  enrollments,
  feedbackResponses,
  groupMembers,
  groups,
  meetingFeedback,
  meetings,
  programs,
} from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import type { Settings } from './dashboard-participation.ts';
import { organizationToday } from './programs.ts';

/** The coordinator's home page: each program's phase and what needs doing. */

/** Coordinators see windows opening within this many days. */
const upcomingWindowDays = 14;

const taskLinks: Record<ProgramTaskKind, (programId: string) => string> = {
  'publish-program': (id) => `/programs/${id}?tab=settings`,
  'form-groups': (id) => `/programs/${id}?tab=groups`,
  'publish-groups': (id) => `/programs/${id}?tab=groups`,
  'place-unplaced': (id) => `/programs/${id}?tab=groups`,
  'schedule-questionnaire': () => '/assessment-windows',
  'schedule-end-of-term': () => '/assessment-windows',
  'close-windows': () => '/assessment-windows',
  'read-feedback': (id) => `/programs/${id}?tab=feedback`,
  'close-program': (id) => `/programs/${id}?tab=settings`,
};

export async function describeCoordination(
  db: Database,
  member: SignedInMember,
  settings: Settings,
  now: Date,
) {
  const today = organizationToday(now, settings.timeZone);
  const at = sql`${now.toISOString()}::timestamptz`;
  const periodClosedBefore = sql`${new Date(now.getTime() - feedbackPeriodDays * millisecondsPerDay).toISOString()}::timestamptz`;
  // Spelled out: in a query over one table drizzle leaves columns unqualified, and inside a subquery
  // an unqualified "id" would be the subquery's own table's.
  const programId = sql.raw('"programs"."id"');
  const programOrganizationId = sql.raw('"programs"."organization_id"');
  const stillOpen = sql`least(${assessmentWindows.closesAt}, coalesce(${assessmentWindows.closedAt}, ${assessmentWindows.closesAt})) > ${at}`;
  const [programRows, windowRows] = await Promise.all([
    db
      .select({
        program: {
          id: programs.id,
          title: programs.title,
          status: programs.status,
          enrolmentOpens: programs.enrolmentOpens,
          enrolmentCloses: programs.enrolmentCloses,
          termStart: programs.termStart,
          termEnd: programs.termEnd,
          capacity: programs.capacity,
        },
        enrolled: sql<number>`(select count(*)::int from ${enrollments} e where e.program_id = ${programId} and e.status = 'enrolled')`,
        facilitators: sql<number>`(select count(*)::int from ${enrollments} e where e.program_id = ${programId} and e.status = 'enrolled' and e.is_facilitator)`,
        waitlisted: sql<number>`(select count(*)::int from ${enrollments} e where e.program_id = ${programId} and e.status = 'waitlisted')`,
        draftGroups: sql<number>`(select count(*)::int from ${groups} g where g.program_id = ${programId} and g.status = 'draft')`,
        publishedGroups: sql<number>`(select count(*)::int from ${groups} g where g.program_id = ${programId} and g.status = 'published')`,
        unplaced: sql<number>`(select count(*)::int from ${enrollments} e where e.program_id = ${programId} and e.status = 'enrolled' and not exists (select 1 from ${groupMembers} gm join ${groups} g on g.id = gm.group_id where g.program_id = e.program_id and gm.user_id = e.user_id))`,
        currentOrComingWindows: sql<number>`(select count(*)::int from ${assessmentWindows} w where w.organization_id = ${programOrganizationId} and (w.program_id = ${programId} or w.program_id is null) and least(w.closes_at, coalesce(w.closed_at, w.closes_at)) > ${at})`,
        hasEndOfTermWindow: sql<boolean>`exists (select 1 from ${assessmentWindows} w where w.program_id = ${programId} and w.kind = 'end-of-term')`,
        openProgramWindows: sql<number>`(select count(*)::int from ${assessmentWindows} w where w.program_id = ${programId} and w.opens_at <= ${at} and least(w.closes_at, coalesce(w.closed_at, w.closes_at)) > ${at})`,
        // People (not answers) behind the feedback released since the last "you said, we did" note:
        // answers to meetings whose feedback period closed after it. Counting only closed periods
        // (figures that are released and final) keeps the task from telling, answer by answer, who
        // gave feedback just now.
        feedbackPeople: sql<number>`(select count(distinct f.user_id)::int from ${meetingFeedback} f join ${meetings} m on m.id = f.meeting_id where f.program_id = ${programId} and m.ends_at <= ${periodClosedBefore} and m.ends_at > coalesce((select max(r.posted_at) from ${feedbackResponses} r where r.program_id = ${programId}) - make_interval(days => ${feedbackPeriodDays}::int), '-infinity'::timestamptz))`,
      })
      .from(programs)
      .where(and(eq(programs.organizationId, member.organizationId), ne(programs.status, 'closed')))
      .orderBy(asc(programs.termStart), asc(programs.title)),
    db
      .select({
        window: {
          id: assessmentWindows.id,
          title: assessmentWindows.title,
          instrumentId: assessmentWindows.instrumentId,
          opensAt: assessmentWindows.opensAt,
          closesAt: assessmentWindows.closesAt,
          closedAt: assessmentWindows.closedAt,
        },
        programTitle: programs.title,
        programTermEnd: programs.termEnd,
      })
      .from(assessmentWindows)
      .leftJoin(programs, eq(programs.id, assessmentWindows.programId))
      .where(
        and(
          eq(assessmentWindows.organizationId, member.organizationId),
          stillOpen,
          lte(assessmentWindows.opensAt, new Date(now.getTime() + upcomingWindowDays * millisecondsPerDay)),
        ),
      )
      .orderBy(asc(assessmentWindows.opensAt))
      .limit(20),
  ]);
  // Feedback counts as "to read" only once enough people gave it to be shown at all.
  const minimum = effectiveMinimumGroupSize(settings.minimumReportingGroupSize);
  return {
    programs: programRows.map(({ program, feedbackPeople, ...facts }) => {
      const programFacts = { ...program, ...facts, hasFeedbackToRead: feedbackPeople >= minimum };
      return {
        id: program.id,
        title: program.title,
        phase: programPhase(program, today),
        enrolmentOpens: program.enrolmentOpens,
        enrolmentCloses: program.enrolmentCloses,
        termStart: program.termStart,
        termEnd: program.termEnd,
        capacity: program.capacity,
        enrolled: facts.enrolled - facts.facilitators,
        facilitators: facts.facilitators,
        waitlisted: facts.waitlisted,
        groups: facts.draftGroups + facts.publishedGroups,
        unplaced: facts.unplaced,
        tasks: decideProgramTasks(programFacts, today).map((task) => ({
          ...task,
          href: taskLinks[task.kind](program.id),
        })),
      };
    }),
    windows: windowRows.map(({ window, programTitle, programTermEnd }) => {
      const closesAt =
        window.closedAt && window.closedAt < window.closesAt ? window.closedAt : window.closesAt;
      const isOpen = window.opensAt.getTime() <= now.getTime();
      return {
        id: window.id,
        title: window.title,
        instrumentName: findInstrument(window.instrumentId)?.shortName ?? window.instrumentId,
        programTitle,
        opensAt: window.opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        state: isOpen ? ('open' as const) : ('upcoming' as const),
        /** Still open after its program's term ended: close it so the outcomes can be shown. */
        shouldClose: isOpen && programTermEnd !== null && programTermEnd < today,
      };
    }),
  };
}
