import { and, eq } from 'drizzle-orm';
import { listAuditChanges } from '../../core/audit/describe-audit-event.ts';
import { describeMeetingPlace, type MeetingPlace } from '../../core/scheduling/meeting-place.ts';
import type { Database } from '../../db/connect.ts';
import { groupMembers, groups, programs } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { canRunMeeting } from '../policy.ts';
import { recordAuditEvent } from './audit.ts';
import { relationTo } from './meetings.ts';

/**
 * Sets where a group meets — a room, an https video link, or both — for every meeting that does not
 * set its own. Only the group's facilitators and coordinators may; the members are told.
 */
export async function setGroupPlace(
  db: Database,
  member: SignedInMember,
  groupId: string,
  next: MeetingPlace,
): Promise<MeetingPlace & { groupId: string }> {
  const [row] = await db
    .select({ group: groups, programTitle: programs.title })
    .from(groups)
    .innerJoin(programs, eq(programs.id, groups.programId))
    .where(and(eq(groups.id, groupId), eq(groups.organizationId, member.organizationId)));
  if (!row) throw notFound('That group');
  const relation = await relationTo(db, member.userId, groupId);
  if (!canRunMeeting(member.role, relation)) {
    // A facilitator of another group learns nothing about this one.
    if (member.role !== 'coordinator' && relation === 'none') throw notFound('That group');
    throw new AppError('FORBIDDEN', 'Only the group’s facilitator or a coordinator can set where it meets.');
  }
  const { group, programTitle } = row;
  const before = describeMeetingPlace({ place: group.place, videoUrl: group.videoUrl });
  const after = describeMeetingPlace(next);
  await db.transaction(async (tx) => {
    await tx.update(groups).set({ place: next.place, videoUrl: next.videoUrl }).where(eq(groups.id, groupId));
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: 'groups.place-changed',
      targetId: groupId,
      details: {
        subject: `${group.name} (${programTitle})`,
        changes: listAuditChanges({ place: group.place, videoUrl: group.videoUrl }, next),
      },
    });
    if (before === after || group.status !== 'published') return;
    const everyone = await tx
      .select({ userId: groupMembers.userId })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, groupId));
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: everyone.map((person) => person.userId).filter((id) => id !== member.userId),
      kind: 'meeting-changed',
      title: `${group.name} (${programTitle}): where you meet changed`,
      body:
        `${group.name} now meets at: ${after} (it was: ${before}). ` +
        'Meetings with a place of their own keep it; your calendar subscription is updated.',
      link: '/my-groups',
    });
  });
  return { groupId, ...next };
}
