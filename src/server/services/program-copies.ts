import type { Database } from '../../db/connect.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { createProgram, findProgram, type ProgramInput } from './programs.ts';

/** The new term's dates, given by the coordinator; holidays belong to dates, so they are given anew. */
export type NextTermDates = {
  title?: string;
  termStart: string;
  termEnd: string;
  enrolmentOpens: string;
  enrolmentCloses: string;
  holidays: string[];
};

/**
 * Next term's program from this one: the curriculum (topics with their discussion and follow-up
 * prompts), group sizes, capacity, cadence, meeting length and count, reminder and follow-up
 * settings, with the coordinator's new dates. Only the program's own settings are read — nothing
 * personal (enrolments, groups, meetings, attendance, feedback) is copied; the copy is a draft that
 * people enrol in afresh.
 */
export async function copyProgram(
  db: Database,
  member: SignedInMember,
  sourceId: string,
  dates: NextTermDates,
): Promise<{ id: string; title: string }> {
  const source = await findProgram(db, member.organizationId, sourceId);
  const input: ProgramInput = {
    title: dates.title ?? `${source.title} (next term)`.slice(0, 200),
    description: source.description,
    audience: source.audience,
    capacity: source.capacity,
    groupSizeMin: source.groupSizeMin,
    groupSizeMax: source.groupSizeMax,
    meetingCount: source.meetingCount,
    meetingMinutes: source.meetingMinutes,
    cadenceWeeks: source.cadenceWeeks,
    topicIds: source.topicIds,
    reminderHours: source.reminderHours,
    followUpDays: source.followUpDays,
    termStart: dates.termStart,
    termEnd: dates.termEnd,
    enrolmentOpens: dates.enrolmentOpens,
    enrolmentCloses: dates.enrolmentCloses,
    holidays: dates.holidays,
  };
  const program = await createProgram(db, member, input, source.id);
  return { id: program.id, title: program.title };
}
