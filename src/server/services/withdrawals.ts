/**
 * Leaving a program: what the person is told, what becomes of what they shared with their group,
 * and the waiting list moving up into the freed place. Joining is enrollments.ts.
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/connect.ts';
import { enrollments, groupMembers, groupPosts, groups, meetings, reflections } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { notFound } from '../errors.ts';
import { countEnrolled } from './enrollments.ts';
import { refreshGroupBoards } from './group-boards.ts';
import { findProgram, type ProgramRow } from './programs.ts';

/** What becomes of what a person shared with their group (posts, shared reflections) when they withdraw. */
export const sharedContentChoices = ['keep', 'anonymise', 'remove'] as const;
export type SharedContentChoice = (typeof sharedContentChoices)[number];

/** Said to the person before and after they withdraw, so nobody has to guess. */
export const withdrawalStatement =
  'Withdrawing takes you out of the program and its group at once. Your availability, interests and ' +
  '"not with" requests are deleted; your place in the group is freed. Attendance already taken stays ' +
  'only as part of anonymous attendance rates. Your own reflections and questionnaire results stay ' +
  'yours, visible to you only; results already counted in published anonymous aggregates stay counted. ' +
  'Nobody is told why, and your group sees only that the group changed.';

/** Each choice about shared content, as offered before withdrawing and confirmed after. */
export const sharedContentStatements: Record<SharedContentChoice, string> = {
  keep: 'Your posts and the reflections you shared stay in the group space as they are, under your name where you gave it. You can delete any of them later from Settings → Your data.',
  anonymise:
    'Your posts and the reflections you shared stay, but show "A group member" instead of your name, with the day only.',
  remove:
    'Your posts (with the replies to them) are deleted and the reflections you shared are no longer shared; the reflections stay in your journal.',
};

/**
 * One step out: the person leaves the program and its group, and the first person waiting gets the
 * place. What they shared with the group is kept, anonymised or removed, as they choose.
 */
export async function withdraw(
  db: Database,
  member: SignedInMember,
  programId: string,
  sharedContent: SharedContentChoice,
  now: Date,
): Promise<{ statement: string; sharedContent: string }> {
  const result = await db.transaction(async (tx) => {
    const program = await findProgram(tx, member.organizationId, programId);
    const [existing] = await tx
      .select()
      .from(enrollments)
      .where(and(eq(enrollments.programId, programId), eq(enrollments.userId, member.userId)));
    if (!existing || existing.status === 'withdrawn') throw notFound('Your enrolment in this program');
    await tx
      .update(enrollments)
      .set({ status: 'withdrawn', withdrawnAt: now, availability: [], interests: [], avoidUserIds: [] })
      .where(eq(enrollments.id, existing.id));
    const programGroups = tx.select({ id: groups.id }).from(groups).where(eq(groups.programId, programId));
    await tx
      .delete(groupMembers)
      .where(and(eq(groupMembers.userId, member.userId), inArray(groupMembers.groupId, programGroups)));
    await settleSharedContent(tx, member.userId, programId, sharedContent);
    if (existing.status === 'enrolled' && !existing.isFacilitator) await promoteFromWaitlist(tx, program);
    return { statement: withdrawalStatement, sharedContent: sharedContentStatements[sharedContent] };
  });
  // The person leaves the groups board with their group.
  await refreshGroupBoards(db, { programIds: [programId] });
  return result;
}

async function settleSharedContent(
  tx: Transaction,
  userId: string,
  programId: string,
  choice: SharedContentChoice,
): Promise<void> {
  if (choice === 'keep') return;
  const programGroups = tx.select({ id: groups.id }).from(groups).where(eq(groups.programId, programId));
  const programMeetings = tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(inArray(meetings.groupId, programGroups));
  const ownPosts = and(eq(groupPosts.authorId, userId), inArray(groupPosts.groupId, programGroups));
  const ownShared = and(
    eq(reflections.userId, userId),
    eq(reflections.isSharedWithGroup, true),
    inArray(reflections.meetingId, programMeetings),
  );
  if (choice === 'anonymise') {
    await tx.update(groupPosts).set({ isAnonymous: true }).where(ownPosts);
    await tx.update(reflections).set({ isSharedAnonymously: true }).where(ownShared);
    return;
  }
  const removed = tx.select({ id: groupPosts.id }).from(groupPosts).where(ownPosts);
  // A removed post takes its replies with it, as when its author deletes it one by one.
  await tx.delete(groupPosts).where(or(inArray(groupPosts.parentId, removed), ownPosts));
  await tx
    .update(reflections)
    .set({ isSharedWithGroup: false, isSharedAnonymously: false, sharedAt: null })
    .where(ownShared);
}

async function promoteFromWaitlist(tx: Transaction, program: ProgramRow): Promise<void> {
  if (program.capacity !== null && (await countEnrolled(tx, program.id)) >= program.capacity) return;
  const [next] = await tx
    .select({ id: enrollments.id, userId: enrollments.userId })
    .from(enrollments)
    .where(and(eq(enrollments.programId, program.id), eq(enrollments.status, 'waitlisted')))
    .orderBy(asc(enrollments.enrolledAt))
    .limit(1);
  if (!next) return;
  await tx.update(enrollments).set({ status: 'enrolled' }).where(eq(enrollments.id, next.id));
  await notify(tx, {
    organizationId: program.organizationId,
    userIds: [next.userId],
    kind: 'enrolment',
    title: `A place opened: you joined ${program.title}`,
    body: 'You were first on the waiting list. You will hear when your group and its meeting time are set.',
    link: `/programs/${program.id}`,
  });
}
