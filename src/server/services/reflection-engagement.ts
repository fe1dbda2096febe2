/**
 * How a program's meetings are reflected on: per held meeting, the share of attendees who wrote a
 * reflection and who practised the skill, released only through the suppression gate, once per
 * meeting when its reflection period has closed, and frozen (decision 003).
 */
import { and, asc, eq, exists, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { effectiveMinimumGroupSize } from '../../core/evaluation/release-aggregates.ts';
import { engagementReleasedAt } from '../../core/reflection/engagement-period.ts';
import { measureEngagement } from '../../core/reflection/measure-engagement.ts';
import { formatDay } from '../../core/scheduling/format-meeting-time.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { attendance, groups, meetings, reflections } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { readReleases, storeReleases, whileHoldingScope } from './aggregate-releases.ts';
import { findOrganizationSettings } from './organization.ts';
import { findProgram } from './programs.ts';

type ShownShare =
  | { isShown: true; share: number; peopleCount: number }
  | { isShown: false; explanation: string };

/** What a meeting's frozen release holds. */
type EngagementRelease = { reflected: ShownShare; practised: ShownShare };

/**
 * Per meeting that was held (over, or its attendance taken): the share of attendees who reflected
 * and the share of those who practised the skill, each hidden when too few people stand behind it.
 * A meeting's figures are released once its reflection period has closed (`engagementReleasedAt`)
 * and never change afterwards; before that the view says when they will appear. The first read
 * after a period closes makes the release.
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
  const scope = {
    organizationId: member.organizationId,
    kind: 'reflection-engagement' as const,
    scopeId: program.id,
  };
  const releasedAtOf = (meeting: typeof meetings.$inferSelect) =>
    engagementReleasedAt(meeting.endsAt, program.followUpDays);
  const isDue = (meeting: typeof meetings.$inferSelect) => releasedAtOf(meeting).getTime() <= now.getTime();
  let releases = await readReleases<EngagementRelease>(db, scope);
  const isReleased = (meetingId: string) => releases.some((release) => release.periodKey === meetingId);
  if (programMeetings.some(({ meeting }) => isDue(meeting) && !isReleased(meeting.id))) {
    releases = await whileHoldingScope(db, scope, async (tx) => {
      const stored = await readReleases<EngagementRelease>(tx, scope);
      const due = programMeetings
        .map(({ meeting }) => meeting)
        .filter((meeting) => isDue(meeting) && !stored.some((release) => release.periodKey === meeting.id));
      const measured = await measureMeetings(tx, due, settings.minimumReportingGroupSize);
      await storeReleases(
        tx,
        scope,
        due.map((meeting) => ({
          periodKey: meeting.id,
          periodClosedAt: releasedAtOf(meeting),
          releasedAt: now,
          contents: measured.get(meeting.id),
        })),
      );
      return readReleases<EngagementRelease>(tx, scope);
    });
  }
  const byMeeting = new Map(releases.map((release) => [release.periodKey, release]));
  return {
    minimumGroupSize: effectiveMinimumGroupSize(settings.minimumReportingGroupSize),
    meetings: programMeetings.map(({ meeting, groupName }) => {
      const release = byMeeting.get(meeting.id);
      const appearsOn = releasedAtOf(meeting);
      const notYet: ShownShare = {
        isShown: false,
        explanation: `Figures for this meeting appear on ${formatDay(appearsOn, settings.timeZone)}, once its reflection period has closed.`,
      };
      return {
        meetingId: meeting.id,
        groupName,
        sequence: meeting.sequence,
        startsAt: meeting.startsAt.toISOString(),
        appearsOn: appearsOn.toISOString(),
        releasedAt: release ? release.releasedAt.toISOString() : null,
        reflected: release?.contents.reflected ?? notYet,
        practised: release?.contents.practised ?? notYet,
      };
    }),
  };
}

/** The engagement of meetings whose periods have closed, all through one gate call. */
async function measureMeetings(
  tx: Transaction,
  due: readonly (typeof meetings.$inferSelect)[],
  minimumGroupSize: number,
): Promise<Map<string, EngagementRelease>> {
  const meetingIds = due.map((meeting) => meeting.id);
  if (meetingIds.length === 0) return new Map();
  const present = await tx
    .select({ meetingId: attendance.meetingId, userId: attendance.userId })
    .from(attendance)
    .where(and(inArray(attendance.meetingId, meetingIds), eq(attendance.status, 'present')));
  const written = await tx
    .select({
      meetingId: reflections.meetingId,
      userId: reflections.userId,
      skillUsed: reflections.skillUsed,
    })
    .from(reflections)
    .where(inArray(reflections.meetingId, meetingIds));
  const release = measureEngagement(
    meetingIds.map((meetingId) => ({
      meetingId,
      attendeeIds: present.filter((row) => row.meetingId === meetingId).map((row) => row.userId),
      reflections: written.filter((row) => row.meetingId === meetingId),
    })),
    minimumGroupSize,
  );
  const byId = new Map(release.cells.map((cell) => [cell.id, cell]));
  // A share is shown with its denominator, so both cells must be released.
  const cellOf = (id: string, ofId: string): ShownShare => {
    const cell = byId.get(id);
    const of = byId.get(ofId);
    const hidden = [cell, of].find((candidate) => candidate?.status !== 'released');
    if (hidden || cell?.status !== 'released' || of?.status !== 'released') {
      return { isShown: false, explanation: hidden?.status === 'suppressed' ? hidden.explanation : '' };
    }
    return { isShown: true, share: cell.figures.share, peopleCount: of.memberCount };
  };
  return new Map(
    meetingIds.map((meetingId) => [
      meetingId,
      {
        reflected: cellOf(`${meetingId}:reflected`, `${meetingId}:attended`),
        practised: cellOf(`${meetingId}:practised`, `${meetingId}:reflected`),
      },
    ]),
  );
}
