import { eq } from 'drizzle-orm';
import { formatMeetingTime } from '../../core/scheduling/format-meeting-time.ts';
import { describeMeetingPlace, resolveMeetingPlace } from '../../core/scheduling/meeting-place.ts';
import { findMeetingMoveProblems } from '../../core/scheduling/term.ts';
import type { Database } from '../../db/connect.ts';
import { groupMembers, meetings } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { buildMeetingInvitation, type InvitationOrganizer } from '../calendar/meeting-invitation.ts';
import { AppError } from '../errors.ts';
import { canRunMeeting } from '../policy.ts';
import { recordAuditEvent } from './audit.ts';
import { describeMeeting, loadMeeting } from './meetings.ts';
import { findOrganizationSettings } from './organization.ts';

export type MeetingChanges = {
  startsAt?: string;
  endsAt?: string;
  place?: string | null;
  videoUrl?: string | null;
  /** True cancels the meeting; members are told, and calendars drop it. */
  isCancelled?: true;
  /** Why, in the organiser's words: carried in the notice, so nobody wonders. */
  reason?: string;
};

/**
 * Moves one meeting, changes its place or link, or cancels it, and tells everyone in the group what
 * changed — the old and the new time or place, and why when a reason is given — with an updated
 * calendar invitation.
 */
export async function changeMeeting(
  db: Database,
  member: SignedInMember,
  meetingId: string,
  changes: MeetingChanges,
  now: Date,
  organizer: InvitationOrganizer,
) {
  const { meeting, group, program, relation } = await loadMeeting(db, member, meetingId);
  if (!canRunMeeting(member.role, relation)) {
    throw new AppError('FORBIDDEN', 'Only the group’s facilitator or a coordinator can change this meeting.');
  }
  if (meeting.cancelledAt) {
    throw new AppError('MEETING_CANCELLED', 'This meeting was cancelled; it cannot be changed any more.');
  }
  const { timeZone, locale } = await findOrganizationSettings(db, member.organizationId);
  if (changes.isCancelled && meeting.startsAt.getTime() <= now.getTime()) {
    throw new AppError(
      'MEETING_CANCELLED',
      'This meeting has already started, so it cannot be cancelled; mark the attendance instead.',
      { fields: { 'body.isCancelled': 'only a meeting that has not started can be cancelled' } },
    );
  }
  const startsAt = changes.startsAt ? new Date(changes.startsAt) : meeting.startsAt;
  const endsAt = changes.endsAt
    ? new Date(changes.endsAt)
    : new Date(startsAt.getTime() + (meeting.endsAt.getTime() - meeting.startsAt.getTime()));
  const isMoved =
    startsAt.getTime() !== meeting.startsAt.getTime() || endsAt.getTime() !== meeting.endsAt.getTime();
  if (isMoved) {
    const problems = findMeetingMoveProblems({ startsAt, endsAt, now, termEnd: program.termEnd, timeZone });
    if (problems.length > 0) {
      throw new AppError('MEETING_MOVE_INVALID', problems.map((problem) => problem.message).join(' '), {
        fields: Object.fromEntries(problems.map((problem) => [`body.${problem.field}`, problem.message])),
      });
    }
  }
  const when = (from: Date, to: Date) => formatMeetingTime(from, to, timeZone, locale);
  const oldPlace = describeMeetingPlace(resolveMeetingPlace(meeting, group));
  const why = changes.reason ? `\n\nWhy: ${changes.reason}` : '';
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(meetings)
      .set({
        startsAt,
        endsAt,
        // An empty place or link means "the group's", as null does.
        ...(changes.place !== undefined ? { place: changes.place?.trim() || null } : {}),
        ...(changes.videoUrl !== undefined ? { videoUrl: changes.videoUrl || null } : {}),
        ...(changes.isCancelled ? { cancelledAt: now } : {}),
        revision: meeting.revision + 1,
      })
      .where(eq(meetings.id, meetingId))
      .returning();
    if (!updated) return;
    const newPlace = describeMeetingPlace(resolveMeetingPlace(updated, group));
    const everyone = await tx
      .select({ userId: groupMembers.userId })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, group.id));
    const heading = `${group.name} (${program.title})`;
    const details: string[] = [];
    if (isMoved) {
      details.push(
        `Meeting ${meeting.sequence} moved from ${when(meeting.startsAt, meeting.endsAt)} to ${when(startsAt, endsAt)}.`,
      );
    }
    if (newPlace !== oldPlace) {
      details.push(`Meeting ${meeting.sequence} is now at: ${newPlace} (it was: ${oldPlace}).`);
    }
    if (details.length === 0) details.push(`Meeting ${meeting.sequence}: its details were updated.`);
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: changes.isCancelled ? 'meeting.cancelled' : 'meeting.changed',
      targetId: meetingId,
      details: {
        subject: `meeting ${meeting.sequence} of ${heading}`,
        changes: [
          ...(isMoved
            ? [
                {
                  field: 'startsAt',
                  from: when(meeting.startsAt, meeting.endsAt),
                  to: when(startsAt, endsAt),
                },
              ]
            : []),
          ...(newPlace !== oldPlace ? [{ field: 'place', from: oldPlace, to: newPlace }] : []),
          ...(changes.reason ? [{ field: 'reason', from: null, to: changes.reason }] : []),
        ],
      },
    });
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: everyone.map((row) => row.userId).filter((id) => id !== member.userId),
      kind: changes.isCancelled ? 'meeting-cancelled' : 'meeting-changed',
      title: changes.isCancelled
        ? `${heading}: meeting ${meeting.sequence} is cancelled`
        : isMoved
          ? `${heading}: a meeting moved`
          : `${heading}: meeting details changed`,
      body: changes.isCancelled
        ? `Meeting ${meeting.sequence}, ${when(meeting.startsAt, meeting.endsAt)}, will not take place.${why}\n\n` +
          'Your calendar subscription is updated.'
        : `${details.join(' ')}${why}\n\nYour calendar subscription is updated.`,
      link: `/meetings/${meetingId}`,
      // The same UID with a higher SEQUENCE: calendar clients replace (or drop) the old invitation.
      calendar: (recipient) => buildMeetingInvitation(updated, group, program, organizer, recipient.email),
    });
  });
  return describeMeeting(db, member, meetingId, now);
}
