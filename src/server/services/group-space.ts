import { and, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { groupAgreements } from '../../core/curriculum/group-agreements.ts';
import { dayOnly, presentThreads, type StoredPost } from '../../core/group-space/present-post.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { exactTime, type PageKey, toPage } from '../../db/page-cursor.ts';
import { preparedOnce } from '../../db/prepared.ts';
import { groupMembers, groupPostReports, groupPosts, groups, programs, users } from '../../db/schema.ts';
import { searchablePages, searchPattern } from '../../db/searchable-pages.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { canModerateGroupSpace, canReadGroupSpace, type GroupRelation } from '../policy.ts';

type Reader = Database | Transaction;

/**
 * The published group, if the person is in it now. Anyone else — another group's member, a
 * coordinator, someone who withdrew — is told it does not exist.
 */
export async function loadGroupSpace(db: Reader, member: SignedInMember, groupId: string) {
  const [row] = await publishedGroupOf(db).execute({
    groupId,
    userId: member.userId,
    organizationId: member.organizationId,
  });
  const relation: GroupRelation =
    row?.isFacilitator === true ? 'facilitator' : row?.isFacilitator === false ? 'member' : 'none';
  if (!row || !canReadGroupSpace(relation)) throw notFound('That group');
  return { id: row.id, name: row.name, programTitle: row.programTitle, relation };
}

const publishedGroupOf = preparedOnce((db: Reader) =>
  db
    .select({
      id: groups.id,
      name: groups.name,
      programTitle: programs.title,
      isFacilitator: groupMembers.isFacilitator,
    })
    .from(groups)
    .innerJoin(programs, eq(programs.id, groups.programId))
    .leftJoin(
      groupMembers,
      and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, sql.placeholder('userId'))),
    )
    .where(
      and(
        eq(groups.id, sql.placeholder('groupId')),
        eq(groups.organizationId, sql.placeholder('organizationId')),
        eq(groups.status, 'published'),
      ),
    )
    .prepare('tend_group_space_group'),
);

export async function loadPost(db: Reader, groupId: string, postId: string) {
  const [post] = await db
    .select()
    .from(groupPosts)
    .where(and(eq(groupPosts.id, postId), eq(groupPosts.groupId, groupId)));
  if (!post) throw notFound('That post');
  return post;
}

async function groupPeopleIds(db: Reader, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(eq(groupMembers.groupId, groupId));
  return rows.map((row) => row.userId);
}

export async function facilitatorIds(db: Reader, groupId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.isFacilitator, true)));
  return rows.map((row) => row.userId);
}

function asStoredPost({ post, authorName }: { post: typeof groupPosts.$inferSelect; authorName: string }) {
  return {
    id: post.id,
    parentId: post.parentId,
    authorId: post.authorId,
    authorName,
    isAnonymous: post.isAnonymous,
    body: post.body,
    createdAt: post.createdAt.toISOString(),
    editedAt: post.editedAt?.toISOString() ?? null,
    hiddenAt: post.hiddenAt?.toISOString() ?? null,
    hiddenReason: post.hiddenReason,
  } satisfies StoredPost;
}

/** A page of a space's posts (without replies), newest first: the first page, or the page after a key. */
function postsPage(db: Database, after: SQL | undefined, name: string) {
  return db
    .select({ post: groupPosts, authorName: users.name, sortTime: exactTime(groupPosts.createdAt) })
    .from(groupPosts)
    .innerJoin(users, eq(users.id, groupPosts.authorId))
    .where(and(eq(groupPosts.groupId, sql.placeholder('groupId')), isNull(groupPosts.parentId), after))
    .orderBy(desc(groupPosts.createdAt), desc(groupPosts.id))
    .limit(sql.placeholder('limit'))
    .prepare(name);
}
/**
 * A search finds threads whose post or a reply contains the text, in what everyone sees of them: never in
 * a hidden post's words nor by author (an anonymous post's author would be found by name).
 */
const postPages = searchablePages(postsPage, {
  name: 'tend_group_space_posts',
  time: groupPosts.createdAt,
  id: groupPosts.id,
  matching: sql`((${groupPosts.hiddenAt} is null and ${groupPosts.body} ilike ${searchPattern}) or exists (select 1 from ${groupPosts} reply where reply.parent_id = ${groupPosts.id} and reply.hidden_at is null and reply.body ilike ${searchPattern}))`,
});

const repliesTo = preparedOnce((db: Database) =>
  db
    .select({ post: groupPosts, authorName: users.name })
    .from(groupPosts)
    .innerJoin(users, eq(users.id, groupPosts.authorId))
    .where(
      and(
        eq(groupPosts.groupId, sql.placeholder('groupId')),
        sql`${groupPosts.parentId} = any(${sql.placeholder('parentIds')}::uuid[])`,
      ),
    )
    .prepare('tend_group_space_replies'),
);

const openReportsIn = preparedOnce((db: Database) =>
  db
    .select({
      postId: groupPostReports.postId,
      count: sql<number>`count(*)::int`,
      reasons: sql<string[]>`array_agg(${groupPostReports.reason} order by ${groupPostReports.createdAt})`,
    })
    .from(groupPostReports)
    .innerJoin(groupPosts, eq(groupPosts.id, groupPostReports.postId))
    .where(and(eq(groupPosts.groupId, sql.placeholder('groupId')), isNull(groupPostReports.resolvedAt)))
    .groupBy(groupPostReports.postId)
    .prepare('tend_group_space_reports'),
);

/**
 * The space as this person may see it: guidelines, one page of posts (newest first) each with all
 * its replies, and for facilitators the open reports on any post.
 */
export async function readGroupSpace(
  db: Database,
  member: SignedInMember,
  groupId: string,
  options: { search?: string | undefined; after?: PageKey | undefined; limit: number },
) {
  const group = await loadGroupSpace(db, member, groupId);
  const isFacilitator = canModerateGroupSpace(group.relation);
  const { statement, values } = postPages(db, options);
  const postRows = await statement.execute({ groupId, limit: options.limit + 1, ...values });
  const { items: pagePosts, nextCursor } = toPage(
    postRows,
    options.limit,
    (row) => [row.sortTime, row.post.id],
    (row) => row,
  );
  const replyRows = pagePosts.length
    ? await repliesTo(db).execute({ groupId, parentIds: pagePosts.map(({ post }) => post.id) })
    : [];
  const stored: StoredPost[] = [...pagePosts, ...replyRows].map(asStoredPost);
  const openReports = isFacilitator ? await openReportsIn(db).execute({ groupId }) : [];
  return {
    group: { id: group.id, name: group.name, programTitle: group.programTitle },
    isFacilitator,
    guidelines: [...groupAgreements],
    posts: presentThreads(stored, { userId: member.userId, isFacilitator }),
    nextCursor,
    // Who reported stays with the server: facilitators need the concern, not the person.
    reports: openReports.map((report) => ({
      postId: report.postId,
      count: Number(report.count),
      reasons: report.reasons,
    })),
  };
}

export type NewPost = { body: string; isAnonymous: boolean; parentId?: string | undefined };

export async function createPost(
  db: Database,
  member: SignedInMember,
  groupId: string,
  input: NewPost,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const group = await loadGroupSpace(tx, member, groupId);
    const parent = input.parentId ? await loadPost(tx, groupId, input.parentId) : null;
    if (parent?.hiddenAt) {
      throw new AppError('VALIDATION_FAILED', 'A facilitator hid that post; it takes no replies.', {
        fields: { 'body.parentId': 'is hidden' },
      });
    }
    if (parent && parent.parentId !== null) {
      throw new AppError('VALIDATION_FAILED', 'Reply to the post itself, not to a reply.', {
        fields: { 'body.parentId': 'must be a post, not a reply' },
      });
    }
    const [created] = await tx
      .insert(groupPosts)
      .values({
        organizationId: member.organizationId,
        groupId,
        parentId: parent?.id ?? null,
        authorId: member.userId,
        isAnonymous: input.isAnonymous,
        body: input.body,
        createdAt: now,
      })
      .returning({ id: groupPosts.id });
    if (!created) throw new Error('insert returned no post');
    const link = `/groups/${groupId}`;
    if (parent) {
      if (parent.authorId !== member.userId) {
        await notify(tx, {
          organizationId: member.organizationId,
          userIds: [parent.authorId],
          kind: 'group-post',
          title: `A reply to your post in ${group.name}`,
          body: 'Someone in your group replied to your post in the group space.',
          link,
          isEmailed: false,
        });
      }
    } else {
      const everyone = await groupPeopleIds(tx, groupId);
      await notify(tx, {
        organizationId: member.organizationId,
        userIds: everyone.filter((id) => id !== member.userId),
        kind: 'group-post',
        title: `New post in ${group.name}`,
        body: 'Someone in your group posted in the group space.',
        link,
        isEmailed: false,
      });
    }
    return created;
  });
}

async function loadOwnPost(tx: Transaction, member: SignedInMember, groupId: string, postId: string) {
  await loadGroupSpace(tx, member, groupId);
  const post = await loadPost(tx, groupId, postId);
  if (post.authorId !== member.userId) {
    throw new AppError('FORBIDDEN', 'Only the person who wrote this can change or delete it.');
  }
  return post;
}

export async function updatePost(
  db: Database,
  member: SignedInMember,
  groupId: string,
  postId: string,
  changes: { body?: string | undefined; isAnonymous?: boolean | undefined },
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await loadOwnPost(tx, member, groupId, postId);
    await tx
      .update(groupPosts)
      .set({
        ...(changes.body !== undefined ? { body: changes.body } : {}),
        ...(changes.isAnonymous !== undefined ? { isAnonymous: changes.isAnonymous } : {}),
        editedAt: now,
      })
      .where(eq(groupPosts.id, postId));
  });
}

/**
 * Deleting a post takes its replies with it; a reply goes alone. What one wrote stays one's own to
 * take back, so the author may delete it even after leaving the group (withdrawn, group re-formed):
 * only authorship and the organisation are checked, not membership.
 */
export async function deletePost(
  db: Database,
  member: SignedInMember,
  groupId: string,
  postId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [post] = await tx
      .select({ authorId: groupPosts.authorId })
      .from(groupPosts)
      .where(
        and(
          eq(groupPosts.id, postId),
          eq(groupPosts.groupId, groupId),
          eq(groupPosts.organizationId, member.organizationId),
        ),
      );
    // Someone else's post in a group one is not in does not exist, as far as one can tell.
    if (!post) throw notFound('That post');
    if (post.authorId !== member.userId) {
      await loadGroupSpace(tx, member, groupId);
      throw new AppError('FORBIDDEN', 'Only the person who wrote this can change or delete it.');
    }
    await tx
      .delete(groupPosts)
      .where(
        and(eq(groupPosts.groupId, groupId), or(eq(groupPosts.id, postId), eq(groupPosts.parentId, postId))),
      );
  });
}

export async function listOwnPosts(db: Database, member: SignedInMember) {
  const rows = await db
    .select({
      post: groupPosts,
      groupName: groups.name,
      programTitle: programs.title,
      isStillMember: sql<boolean>`${groupMembers.userId} is not null`,
    })
    .from(groupPosts)
    .innerJoin(groups, eq(groups.id, groupPosts.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .leftJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, member.userId)))
    .where(and(eq(groupPosts.authorId, member.userId), eq(groupPosts.organizationId, member.organizationId)))
    .orderBy(desc(groupPosts.createdAt));
  return rows.map(({ post, groupName, programTitle, isStillMember }) => {
    const createdAt = post.createdAt.toISOString();
    return {
      id: post.id,
      groupId: post.groupId,
      groupName,
      programTitle,
      isReply: post.parentId !== null,
      isAnonymous: post.isAnonymous,
      isHidden: post.hiddenAt !== null,
      isStillMember: Boolean(isStillMember),
      body: post.body,
      createdAt: post.isAnonymous ? dayOnly(createdAt) : createdAt,
    };
  });
}
