import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../db/connect.ts';
import { enrollments, groupMembers, groups, programs } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { relationTo } from './meetings.ts';

/** Who a message goes to: one group, everyone enrolled in the program, or the enrolled not in a group. */
export type MessageAudience = { kind: 'group' | 'enrolled' | 'unplaced'; groupId?: string | undefined };

export type Message = { audience: MessageAudience; subject: string; body: string };

/**
 * Sends a message from a coordinator (to any audience of their program) or a group's facilitator (to
 * that group only): each recipient gets their own notice and e-mail, so nobody sees who else got it.
 * The sender is not sent a copy. Returns how many people it went to, never who.
 */
export async function sendMessage(
  db: Database,
  member: SignedInMember,
  programId: string,
  message: Message,
): Promise<{ recipients: number }> {
  const [program] = await db
    .select({ id: programs.id, title: programs.title })
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, member.organizationId)));
  if (!program) throw notFound('That program');
  const { audience } = message;
  let recipientIds: string[];
  let heading: string;
  // Who it went to, as a group of people and never by name, so a recipient knows why they got it.
  let audienceText: string;
  if (audience.kind === 'group') {
    if (!audience.groupId) {
      throw new AppError('VALIDATION_FAILED', 'Choose the group to message.', {
        fields: { 'body.audience.groupId': 'is required when messaging a group' },
      });
    }
    const [group] = await db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(and(eq(groups.id, audience.groupId), eq(groups.programId, programId)));
    if (!group) {
      throw new AppError(
        'VALIDATION_FAILED',
        'That group is not in this program; choose one of its groups.',
        {
          fields: { 'body.audience.groupId': 'must be a group of this program' },
        },
      );
    }
    if (member.role !== 'coordinator' && (await relationTo(db, member.userId, group.id)) !== 'facilitator') {
      throw new AppError(
        'FORBIDDEN',
        'Only a coordinator or the group’s facilitator can message this group.',
      );
    }
    const rows = await db
      .select({ userId: groupMembers.userId })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, group.id));
    recipientIds = rows.map((row) => row.userId);
    heading = `${group.name} (${program.title})`;
    audienceText = `everyone in ${group.name}`;
  } else {
    if (member.role !== 'coordinator') {
      throw new AppError(
        'FORBIDDEN',
        'Only a coordinator can message a whole program; message your group instead.',
      );
    }
    const rows = await db
      .select({ userId: enrollments.userId })
      .from(enrollments)
      .where(
        and(
          eq(enrollments.programId, programId),
          eq(enrollments.status, 'enrolled'),
          audience.kind === 'unplaced'
            ? notExists(
                db
                  .select({ one: sql`1` })
                  .from(groupMembers)
                  .innerJoin(groups, eq(groups.id, groupMembers.groupId))
                  .where(
                    and(
                      eq(groupMembers.userId, enrollments.userId),
                      eq(groups.programId, programId),
                      eq(groups.status, 'published'),
                    ),
                  ),
              )
            : undefined,
        ),
      );
    recipientIds = rows.map((row) => row.userId);
    heading = program.title;
    audienceText =
      audience.kind === 'unplaced'
        ? `everyone enrolled in ${program.title} who is not in a group yet`
        : `everyone enrolled in ${program.title}`;
  }
  // Withdrawn people are not in the audience: a group's roster still lists nobody who withdrew.
  const enrolled = new Set(
    (
      await db
        .select({ userId: enrollments.userId })
        .from(enrollments)
        .where(
          and(
            eq(enrollments.programId, programId),
            eq(enrollments.status, 'enrolled'),
            inArray(enrollments.userId, recipientIds.length > 0 ? recipientIds : [member.userId]),
          ),
        )
    ).map((row) => row.userId),
  );
  const userIds = recipientIds.filter((id) => id !== member.userId && enrolled.has(id));
  if (userIds.length === 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Nobody is in that audience yet, so there is nobody to message.',
      {
        fields: { 'body.audience': 'has nobody in it' },
      },
    );
  }
  await db.transaction(async (tx) => {
    // One notice per person: notify writes each recipient's own row and e-mail, naming nobody else.
    await notify(tx, {
      organizationId: member.organizationId,
      userIds,
      kind: 'message',
      title: `${heading}: ${message.subject}`,
      body: `${message.body}\n\n— From ${member.role === 'coordinator' ? 'the program coordinator' : 'your group’s facilitator'}, to ${audienceText}.`,
      link: audience.kind === 'group' ? '/my-groups' : `/programs/${programId}`,
    });
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: `messages.sent:${audience.kind}`,
      targetId: audience.groupId ?? programId,
    });
  });
  return { recipients: userIds.length };
}
