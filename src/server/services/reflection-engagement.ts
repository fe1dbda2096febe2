/**
 * How a program's meetings are reflected on: per held meeting, the share of attendees who wrote a
 * reflection and who practised the skill, released only through the suppression gate.
 */
import { and, asc, eq, exists, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { measureEngagement } from '../../core/reflection/measure-engagement.ts';
import type { Database } from '../../db/connect.ts';
import { attendance, groups, meetings, reflections } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { findOrganizationSettings } from './organization.ts';
import { findProgram } from './programs.ts';

/**
 * Per meeting that was held (over, or its attendance taken): the share of attendees who reflected
 * and the share of those who practised the skill, each hidden when too few people stand behind it.
 */
export async function describeEngagement(db: Database, member: SignedInMember, programId: string, now: Date) {
  const program = await findProgram(db, member.organizationId, programId);
  const settings = await findOrganizationSettings(db, member.organizationId);
  const programMeetings = await db
    .select({ meeting: meetings, groupName: groups.name })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(
      and(
        eq(groups.programId, program.id),
        eq(groups.status, 'published'),
        isNull(meetings.cancelledAt),
        // Held: over, or attendance already taken.
        or(
          lte(meetings.endsAt, now),
          exists(db.select({ one: sql`1` }).from(attendance).where(eq(attendance.meetingId, meetings.id))),
        ),
      ),
    )
    .orderBy(asc(groups.name), asc(meetings.sequence));
  const meetingIds = programMeetings.map(({ meeting }) => meeting.id);
  const present =
    meetingIds.length === 0
      ? []
      : await db
          .select({ meetingId: attendance.meetingId, userId: attendance.userId })
          .from(attendance)
          .where(and(inArray(attendance.meetingId, meetingIds), eq(attendance.status, 'present')));
  const written =
    meetingIds.length === 0
      ? []
      : await db
          .select({
            meetingId: reflections.meetingId,
            userId: reflections.userId,
            skillUsed: reflections.skillUsed,
          })
          .from(reflections)
          .where(inArray(reflections.meetingId, meetingIds));
  const release = measureEngagement(
    programMeetings.map(({ meeting }) => ({
      meetingId: meeting.id,
      attendeeIds: present.filter((row) => row.meetingId === meeting.id).map((row) => row.userId),
      reflections: written.filter((row) => row.meetingId === meeting.id),
    })),
    settings.minimumReportingGroupSize,
  );
  const byId = new Map(release.cells.map((cell) => [cell.id, cell]));
  // A share is shown with its denominator, so both cells must be released.
  const cellOf = (id: string, ofId: string) => {
    const cell = byId.get(id);
    const of = byId.get(ofId);
    const hidden = [cell, of].find((candidate) => candidate?.status !== 'released');
    if (hidden || cell?.status !== 'released' || of?.status !== 'released') {
      return {
        isShown: false as const,
        explanation: hidden?.status === 'suppressed' ? hidden.explanation : '',
      };
    }
    return { isShown: true as const, share: cell.figures.share, peopleCount: of.memberCount };
  };
  return {
    minimumGroupSize: release.minimumGroupSize,
    meetings: programMeetings.map(({ meeting, groupName }) => ({
      meetingId: meeting.id,
      groupName,
      sequence: meeting.sequence,
      startsAt: meeting.startsAt.toISOString(),
      reflected: cellOf(`${meeting.id}:reflected`, `${meeting.id}:attended`),
      practised: cellOf(`${meeting.id}:practised`, `${meeting.id}:reflected`),
    })),
  };
}
