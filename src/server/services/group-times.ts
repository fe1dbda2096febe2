import { and, asc, eq } from 'drizzle-orm';
import { describeWeeklySlot, type WeeklySlot } from '../../core/grouping/weekly-slot.ts';
import { moveSeriesToSlot } from '../../core/scheduling/move-series-to-slot.ts';
import type { Database } from '../../db/connect.ts';
import { groupMembers, groups, meetings, programs } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { buildMeetingInvitation, type InvitationOrganizer } from '../calendar/meeting-invitation.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { refreshGroupBoards } from './group-boards.ts';
import { findOrganizationSettings } from './organization.ts';

export type GroupTimeChange = { groupId: string; slot: string; movedCount: number; keptCount: number };

/**
 * Moves a published group to a new weekly time — typically one the feedback recommends — in one
 * step: the group's slot, and each meeting still ahead moved within its own week (see
 * `moveSeriesToSlot`). Every member is told the new time, with an updated invitation for the next
 * meeting; the notice names the group and the time, never another member. Calendar feeds follow the
 * meetings themselves.
 */
export async function setGroupTime(
  db: Database,
  member: SignedInMember,
  groupId: string,
  slot: WeeklySlot,
  now: Date,
  organizer: InvitationOrganizer,
): Promise<GroupTimeChange> {
  const [row] = await db
    .select({ group: groups, program: programs })
    .from(groups)
    .innerJoin(programs, eq(programs.id, groups.programId))
    .where(and(eq(groups.id, groupId), eq(groups.organizationId, member.organizationId)));
  if (!row) throw notFound('That group');
  const { group, program } = row;
  if (group.status !== 'published') {
    throw new AppError(
      'VALIDATION_FAILED',
      'This group is not published yet; change its time on the Groups tab before publishing.',
      { fields: { 'params.groupId': 'must be a published group' } },
    );
  }
  const { timeZone } = await findOrganizationSettings(db, member.organizationId);
  const series = await db
    .select()
    .from(meetings)
    .where(eq(meetings.groupId, groupId))
    .orderBy(asc(meetings.startsAt));
  const move = moveSeriesToSlot({
    meetings: series.map((meeting) => ({ ...meeting, isCancelled: meeting.cancelledAt !== null })),
    slot,
    timeZone,
    now,
  });
  const when = `${describeWeeklySlot(slot)} (${timeZone})`;
  await db.transaction(async (tx) => {
    await tx.update(groups).set({ slot }).where(eq(groups.id, groupId));
    await refreshGroupBoards(tx, { programIds: [program.id] });
    const revisionOf = new Map(series.map((meeting) => [meeting.id, meeting.revision]));
    for (const moved of move.moved) {
      await tx
        .update(meetings)
        .set({
          startsAt: moved.startsAt,
          endsAt: moved.endsAt,
          revision: (revisionOf.get(moved.id) ?? 0) + 1,
        })
        .where(eq(meetings.id, moved.id));
    }
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: 'groups.time-changed',
      targetId: groupId,
      details: {
        subject: `${group.name} (${program.title})`,
        changes: [{ field: 'slot', from: group.slot, to: slot }],
      },
    });
    if (move.moved.length === 0) return;
    const [next] = await tx
      .select()
      .from(meetings)
      .where(eq(meetings.id, move.moved[0]?.id ?? ''));
    const everyone = await tx
      .select({ userId: groupMembers.userId })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, groupId));
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: everyone.map((person) => person.userId).filter((id) => id !== member.userId),
      kind: 'meeting-changed',
      title: `${group.name} (${program.title}): a new meeting time`,
      body:
        `From now on ${group.name} meets ${when}, the time most people asked for in feedback. ` +
        `${move.moved.length === 1 ? 'The next meeting moves' : `The next ${move.moved.length} meetings move`}` +
        ' within their own week; your calendar subscription is updated.',
      link: '/my-groups',
      calendar: next
        ? (recipient) => buildMeetingInvitation(next, group, program, organizer, recipient.email)
        : undefined,
    });
  });
  return { groupId, slot, movedCount: move.moved.length, keptCount: move.kept.length };
}
