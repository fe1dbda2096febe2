import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/connect.ts';
import { groupPostReports, groupPosts } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { canModerateGroupSpace } from '../policy.ts';
import { facilitatorIds, loadGroupSpace, loadPost } from './group-space.ts';

/**
 * Keeping a group space safe: members report a post to the group's facilitators, who hide it (its
 * author told why), show it again, or dismiss the reports.
 */
export async function reportPost(
  db: Database,
  member: SignedInMember,
  groupId: string,
  postId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await loadGroupSpace(tx, member, groupId);
    await loadPost(tx, groupId, postId);
    await tx
      .insert(groupPostReports)
      .values({
        organizationId: member.organizationId,
        postId,
        reporterId: member.userId,
        reason,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [groupPostReports.postId, groupPostReports.reporterId],
        set: { reason, createdAt: now, resolvedAt: null },
      });
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: (await facilitatorIds(tx, groupId)).filter((id) => id !== member.userId),
      kind: 'group-post',
      title: `A post in ${group.name} was reported`,
      body: 'A member reported a post in your group space. Review it there.',
      link: `/groups/${groupId}`,
      isEmailed: false,
    });
  });
}

async function loadForModeration(tx: Transaction, member: SignedInMember, groupId: string, postId: string) {
  const group = await loadGroupSpace(tx, member, groupId);
  if (!canModerateGroupSpace(group.relation)) {
    throw new AppError('FORBIDDEN', 'Only the group’s facilitators can moderate its posts.');
  }
  return { group, post: await loadPost(tx, groupId, postId) };
}

async function resolveReports(tx: Transaction, postId: string, now: Date): Promise<void> {
  await tx
    .update(groupPostReports)
    .set({ resolvedAt: now })
    .where(and(eq(groupPostReports.postId, postId), isNull(groupPostReports.resolvedAt)));
}

/** Hides a post from the group; its author is told why, and open reports on it are settled. */
export async function hidePost(
  db: Database,
  member: SignedInMember,
  groupId: string,
  postId: string,
  reason: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { group, post } = await loadForModeration(tx, member, groupId, postId);
    await tx
      .update(groupPosts)
      .set({ hiddenAt: now, hiddenBy: member.userId, hiddenReason: reason })
      .where(eq(groupPosts.id, postId));
    await resolveReports(tx, postId, now);
    if (post.authorId !== member.userId) {
      await notify(tx, {
        organizationId: member.organizationId,
        userIds: [post.authorId],
        kind: 'group-post',
        title: `Your post in ${group.name} was hidden`,
        body: `A facilitator hid your post from the group. The reason given: ${reason}`,
        link: `/groups/${groupId}`,
        isEmailed: false,
      });
    }
  });
}

export async function unhidePost(
  db: Database,
  member: SignedInMember,
  groupId: string,
  postId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await loadForModeration(tx, member, groupId, postId);
    await tx
      .update(groupPosts)
      .set({ hiddenAt: null, hiddenBy: null, hiddenReason: null })
      .where(eq(groupPosts.id, postId));
  });
}

/** A facilitator read the reports and decided the post can stay. */
export async function dismissReports(
  db: Database,
  member: SignedInMember,
  groupId: string,
  postId: string,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await loadForModeration(tx, member, groupId, postId);
    await resolveReports(tx, postId, now);
  });
}

/**
 * Everything the person wrote in any group space of this organisation, including groups they have
 * since left, so they can delete any of it at any time. Replies by others are not theirs to list.
 */
