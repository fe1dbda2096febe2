import { and, eq, isNull, ne, notExists, or, type SQL, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/connect.ts';
import {
  enrollments,
  groupMembers,
  groups,
  meetings,
  notifications,
  organizations,
  programs,
  users,
} from '../db/schema.ts';
import type { NotificationKind } from './notify.ts';

type MeetingContext = {
  meeting: typeof meetings.$inferSelect;
  group: typeof groups.$inferSelect;
  program: typeof programs.$inferSelect;
  organization: typeof organizations.$inferSelect;
};

/**
 * Locks a meeting that is still on, in a published group, with what a notice about it needs. Whoever
 * locks it first writes the notices; a second job run waits here, then finds them written.
 */
export async function lockMeetingForNotices(
  tx: Transaction,
  meetingId: string,
): Promise<MeetingContext | null> {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
  if (!meeting || meeting.cancelledAt) return null;
  const [context] = await tx
    .select({ group: groups, program: programs, organization: organizations })
    .from(groups)
    .innerJoin(programs, eq(programs.id, groups.programId))
    .innerJoin(organizations, eq(organizations.id, groups.organizationId))
    .where(eq(groups.id, meeting.groupId));
  if (context?.group.status !== 'published' || context.program.status === 'draft') return null;
  return { meeting, ...context };
}

/**
 * The group's members who should still get a notice of this kind and link: not withdrawn from the
 * program, account not disabled, and without that notice yet (the notice is the record it went out).
 */
export async function membersNotYetNotified(
  tx: Transaction,
  context: Pick<MeetingContext, 'group' | 'program'>,
  notice: { kind: NotificationKind; link: string },
  alsoRequired?: SQL,
): Promise<string[]> {
  const rows = await tx
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .innerJoin(users, eq(users.id, groupMembers.userId))
    .leftJoin(
      enrollments,
      and(eq(enrollments.programId, context.program.id), eq(enrollments.userId, groupMembers.userId)),
    )
    .where(
      and(
        eq(groupMembers.groupId, context.group.id),
        isNull(users.disabledAt),
        or(isNull(enrollments.id), ne(enrollments.status, 'withdrawn')),
        alsoRequired,
        hasNoNoticeYet(tx, notice.kind, notice.link),
      ),
    );
  return rows.map((row) => row.userId);
}

/**
 * The group member (`groupMembers.userId` of the enclosing query) has no notice of this kind and
 * link yet: a sent notice is the record that they were told. `link` may be SQL, built from the row.
 */
export function hasNoNoticeYet(db: Database | Transaction, kind: NotificationKind, link: string | SQL): SQL {
  return notExists(
    db
      .select({ one: sql`1` })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, groupMembers.userId),
          eq(notifications.kind, kind),
          eq(notifications.link, link),
        ),
      ),
  );
}
