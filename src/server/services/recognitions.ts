import { aliasedTable, and, desc, eq, inArray, or } from 'drizzle-orm';
import {
  findVisibilityProblem,
  isOnWall,
  type RecognitionKind,
  type RecognitionVisibility,
} from '../../core/recognition/recognition-visibility.ts';
import type { Database } from '../../db/connect.ts';
import { groupMembers, groups, recognitionPreferences, recognitions, users } from '../../db/schema.ts';
import { notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { acceptsPublicRecognition, findColleague, findSharedGroups } from './colleagues.ts';

export type NewRecognition = {
  recipientId: string;
  kind: RecognitionKind;
  message: string;
  visibility: RecognitionVisibility;
  groupId?: string | null | undefined;
};

export async function sendRecognition(
  db: Database,
  member: SignedInMember,
  input: NewRecognition,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const recipient = await findColleague(tx, member, input.recipientId);
    if (!recipient) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Choose a colleague in your organisation other than yourself.',
        {
          fields: { 'body.recipientId': 'must be a colleague in your organisation' },
        },
      );
    }
    const groupId = input.visibility === 'group' ? (input.groupId ?? null) : null;
    const problem = findVisibilityProblem({
      visibility: input.visibility,
      groupId,
      acceptsPublicRecognition: await acceptsPublicRecognition(tx, member.organizationId, recipient.id),
      sharedGroupIds: (await findSharedGroups(tx, member.organizationId, member.userId, recipient.id)).map(
        (group) => group.id,
      ),
    });
    if (problem) {
      throw new AppError(
        problem.field === 'visibility' ? 'PUBLIC_RECOGNITION_DECLINED' : 'VALIDATION_FAILED',
        problem.field === 'visibility' ? problem.message : `Group: ${problem.message}.`,
        { fields: { [`body.${problem.field}`]: problem.message } },
      );
    }
    const [created] = await tx
      .insert(recognitions)
      .values({
        organizationId: member.organizationId,
        senderId: member.userId,
        recipientId: recipient.id,
        kind: input.kind,
        message: input.message,
        visibility: input.visibility,
        groupId,
        createdAt: now,
      })
      .returning({ id: recognitions.id });
    if (!created) throw new Error('insert returned no recognition');
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: [recipient.id],
      kind: 'recognition',
      title: 'A colleague recognised you',
      body: 'Someone took a moment to recognise you. Read their message in Tend.',
      link: '/recognition',
    });
    return created;
  });
}

const senders = aliasedTable(users, 'senders');
const recipients = aliasedTable(users, 'recipients');
const recipientPreferences = aliasedTable(recognitionPreferences, 'recipient_preferences');

function selectRecognitions(db: Database) {
  return db
    .select({
      recognition: recognitions,
      senderName: senders.name,
      recipientName: recipients.name,
      groupName: groups.name,
      recipientAccepts: recipientPreferences.acceptsPublicRecognition,
    })
    .from(recognitions)
    .innerJoin(senders, eq(senders.id, recognitions.senderId))
    .innerJoin(recipients, eq(recipients.id, recognitions.recipientId))
    .leftJoin(groups, eq(groups.id, recognitions.groupId))
    .leftJoin(
      recipientPreferences,
      and(
        eq(recipientPreferences.organizationId, recognitions.organizationId),
        eq(recipientPreferences.userId, recognitions.recipientId),
      ),
    );
}

type RecognitionRow = Awaited<ReturnType<ReturnType<typeof selectRecognitions>['where']>>[number];

function presentRecognition(row: RecognitionRow) {
  const { recognition } = row;
  return {
    id: recognition.id,
    kind: recognition.kind,
    message: recognition.message,
    visibility: recognition.visibility,
    group: recognition.groupId && row.groupName ? { id: recognition.groupId, name: row.groupName } : null,
    sender: { id: recognition.senderId, name: row.senderName },
    recipient: { id: recognition.recipientId, name: row.recipientName },
    createdAt: recognition.createdAt.toISOString(),
  };
}

/**
 * What one person may read: what they received and sent, and the wall — recognition shown to the
 * whole organisation or to a group they are in now, while its recipient still accepts public recognition.
 */
export async function listRecognitions(db: Database, member: SignedInMember) {
  const myGroupIds = (
    await db
      .select({ id: groupMembers.groupId })
      .from(groupMembers)
      .innerJoin(groups, eq(groups.id, groupMembers.groupId))
      .where(
        and(
          eq(groupMembers.userId, member.userId),
          eq(groups.organizationId, member.organizationId),
          eq(groups.status, 'published'),
        ),
      )
  ).map((row) => row.id);
  const inOrganization = eq(recognitions.organizationId, member.organizationId);
  const received = await selectRecognitions(db)
    .where(and(inOrganization, eq(recognitions.recipientId, member.userId)))
    .orderBy(desc(recognitions.createdAt))
    .limit(200);
  const sent = await selectRecognitions(db)
    .where(and(inOrganization, eq(recognitions.senderId, member.userId)))
    .orderBy(desc(recognitions.createdAt))
    .limit(200);
  const publicRows = await selectRecognitions(db)
    .where(
      and(
        inOrganization,
        or(
          eq(recognitions.visibility, 'organization'),
          myGroupIds.length > 0
            ? and(eq(recognitions.visibility, 'group'), inArray(recognitions.groupId, myGroupIds))
            : undefined,
        ),
      ),
    )
    .orderBy(desc(recognitions.createdAt))
    .limit(200);
  // The query narrows; isOnWall decides, so the opt-out rule lives in one place.
  const wall = publicRows.filter((row) =>
    isOnWall(row.recognition, myGroupIds, row.recipientAccepts ?? true),
  );
  return {
    received: received.map(presentRecognition),
    sent: sent.map(presentRecognition),
    wall: wall.map(presentRecognition),
  };
}

export async function readRecognitionPreferences(db: Database, member: SignedInMember) {
  return {
    acceptsPublicRecognition: await acceptsPublicRecognition(db, member.organizationId, member.userId),
  };
}

export async function updateRecognitionPreferences(
  db: Database,
  member: SignedInMember,
  acceptsPublic: boolean,
) {
  await db
    .insert(recognitionPreferences)
    .values({
      organizationId: member.organizationId,
      userId: member.userId,
      acceptsPublicRecognition: acceptsPublic,
    })
    .onConflictDoUpdate({
      target: [recognitionPreferences.organizationId, recognitionPreferences.userId],
      set: { acceptsPublicRecognition: acceptsPublic },
    });
  return { acceptsPublicRecognition: acceptsPublic };
}
