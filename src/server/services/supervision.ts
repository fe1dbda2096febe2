import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { planConversations } from '../../core/supervision/plan-conversations.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { supervisionConversations, supervisionPairings, supervisions, users } from '../../db/schema.ts';
import { absoluteLink, notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import type { InvitationOrganizer } from '../calendar/meeting-invitation.ts';
import { buildSupervisionInvitation } from '../calendar/supervision-invitation.ts';
import { AppError, notFound } from '../errors.ts';
import { findColleague } from './colleagues.ts';
import { refreshGroupBoards } from './group-boards.ts';

export type Reader = Database | Transaction;
export type Pairing = typeof supervisionPairings.$inferSelect;
export type SupervisionRole = 'supervisor' | 'supervisee';

export const supervisionPage = '/supervision';

/** The other person of a pairing, seen from `userId`. */
export function colleagueIdOf(pairing: Pairing, userId: string): string {
  return pairing.supervisorId === userId ? pairing.superviseeId : pairing.supervisorId;
}

export const isParty = (member: SignedInMember) =>
  or(
    eq(supervisionPairings.supervisorId, member.userId),
    eq(supervisionPairings.superviseeId, member.userId),
  );

/**
 * A pairing of one's own (anyone else's does not exist as far as they can tell), locked for the rest of
 * the transaction, so an answer, an ending and a move by the two people at once happen one after another.
 */
export async function lockPairing(
  tx: Transaction,
  member: SignedInMember,
  pairingId: string,
): Promise<Pairing> {
  const [pairing] = await tx
    .select()
    .from(supervisionPairings)
    .where(
      and(
        eq(supervisionPairings.id, pairingId),
        eq(supervisionPairings.organizationId, member.organizationId),
        isParty(member),
      ),
    )
    .for('update');
  if (!pairing) throw notFound('That supervision');
  return pairing;
}

async function namesOf(db: Reader, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

function hasNotes(conversation: typeof supervisionConversations.$inferSelect): boolean {
  return [
    conversation.experiences,
    conversation.reactions,
    conversation.whatHelped,
    conversation.nextSteps,
  ].some((text) => text.length > 0);
}

/** The person's supervision arrangements, both sides, with their conversations (not the notes). */
export async function listSupervision(db: Database, member: SignedInMember) {
  const pairings = await db
    .select()
    .from(supervisionPairings)
    .where(and(eq(supervisionPairings.organizationId, member.organizationId), isParty(member)))
    .orderBy(desc(supervisionPairings.createdAt));
  const names = await namesOf(
    db,
    pairings.map((pairing) => colleagueIdOf(pairing, member.userId)),
  );
  const conversations =
    pairings.length === 0
      ? []
      : await db
          .select()
          .from(supervisionConversations)
          .where(
            inArray(
              supervisionConversations.pairingId,
              pairings.map((pairing) => pairing.id),
            ),
          )
          .orderBy(asc(supervisionConversations.sequence));
  return {
    pairings: pairings.map((pairing) => {
      const colleagueId = colleagueIdOf(pairing, member.userId);
      return {
        id: pairing.id,
        status: pairing.status,
        myRole: (pairing.supervisorId === member.userId ? 'supervisor' : 'supervisee') as SupervisionRole,
        colleague: { id: colleagueId, name: names.get(colleagueId) ?? 'Former member' },
        isProposedByMe: pairing.proposedBy === member.userId,
        cadenceWeeks: pairing.cadenceWeeks,
        minutes: pairing.minutes,
        place: pairing.place,
        videoUrl: pairing.videoUrl,
        conversations: conversations
          .filter((conversation) => conversation.pairingId === pairing.id)
          .map((conversation) => ({
            id: conversation.id,
            sequence: conversation.sequence,
            startsAt: conversation.startsAt.toISOString(),
            endsAt: conversation.endsAt.toISOString(),
            cancelledAt: conversation.cancelledAt?.toISOString() ?? null,
            hasNotes: hasNotes(conversation),
          })),
      };
    }),
  };
}

export type SupervisionProposal = {
  colleagueId: string;
  myRole: SupervisionRole;
  firstDate: string;
  time: string;
  timeZone: string;
  cadenceWeeks: number;
  count: number;
  minutes: number;
  place?: string | null | undefined;
  videoUrl?: string | null | undefined;
};

/** Either person proposes; nothing is active until the other accepts. */
export async function proposeSupervision(
  db: Database,
  member: SignedInMember,
  proposal: SupervisionProposal,
  now: Date,
): Promise<{ id: string }> {
  const plan = planConversations({ ...proposal, now });
  if (plan.problems.length > 0) {
    throw new AppError(
      'SUPERVISION_PLAN_INVALID',
      plan.problems.map((problem) => `${problem.field} ${problem.message}.`).join(' '),
      {
        fields: Object.fromEntries(
          plan.problems.map((problem) => [`body.${problem.field}`, problem.message]),
        ),
      },
    );
  }
  return db.transaction(async (tx) => {
    const colleague = await findColleague(tx, member, proposal.colleagueId);
    if (!colleague) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Choose a colleague in your organisation other than yourself.',
        {
          fields: { 'body.colleagueId': 'must be a colleague in your organisation' },
        },
      );
    }
    const isSupervisor = proposal.myRole === 'supervisor';
    const [pairing] = await tx
      .insert(supervisionPairings)
      .values({
        organizationId: member.organizationId,
        supervisorId: isSupervisor ? member.userId : colleague.id,
        superviseeId: isSupervisor ? colleague.id : member.userId,
        proposedBy: member.userId,
        status: 'proposed',
        cadenceWeeks: proposal.cadenceWeeks,
        conversationCount: proposal.count,
        minutes: proposal.minutes,
        place: proposal.place ?? null,
        videoUrl: proposal.videoUrl ?? null,
        createdAt: now,
      })
      .returning({ id: supervisionPairings.id });
    if (!pairing) throw new Error('insert returned no pairing');
    await tx.insert(supervisionConversations).values(
      plan.conversations.map((conversation) => ({
        organizationId: member.organizationId,
        pairingId: pairing.id,
        ...conversation,
      })),
    );
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: [colleague.id],
      kind: 'supervision',
      title: 'Reflective supervision proposed to you',
      body: 'A colleague proposed a series of reflective supervision conversations with you. Accept or decline it in Tend.',
      link: supervisionPage,
    });
    return pairing;
  });
}

/**
 * The person it was proposed to accepts or declines. Accepting makes it active, records the
 * supervision relation (so the two are never placed in one small group) and sends both a calendar
 * invitation to every conversation.
 */
export async function respondToSupervision(
  db: Database,
  member: SignedInMember,
  pairingId: string,
  isAccepted: boolean,
  now: Date,
  organizer: InvitationOrganizer,
): Promise<void> {
  await db.transaction(async (tx) => {
    const pairing = await lockPairing(tx, member, pairingId);
    if (pairing.proposedBy === member.userId) {
      throw new AppError('FORBIDDEN', 'Your colleague accepts or declines what you proposed.');
    }
    if (pairing.status !== 'proposed') {
      throw new AppError('SUPERVISION_NOT_PENDING', `This supervision is already ${pairing.status}.`);
    }
    await tx
      .update(supervisionPairings)
      .set({ status: isAccepted ? 'active' : 'declined', respondedAt: now })
      .where(eq(supervisionPairings.id, pairing.id));
    if (!isAccepted) {
      await notify(tx, {
        organizationId: member.organizationId,
        userIds: [pairing.proposedBy],
        kind: 'supervision',
        title: 'Your supervision proposal was declined',
        body: 'Your colleague declined the reflective supervision you proposed.',
        link: supervisionPage,
      });
      return;
    }
    await tx
      .insert(supervisions)
      .values({
        organizationId: member.organizationId,
        supervisorId: pairing.supervisorId,
        superviseeId: pairing.superviseeId,
      })
      .onConflictDoNothing();
    // A supervisor and their supervisee may not share a group: the boards they are on now say so.
    await refreshGroupBoards(tx, { userIds: [pairing.supervisorId, pairing.superviseeId] });
    const conversations = await tx
      .select()
      .from(supervisionConversations)
      .where(eq(supervisionConversations.pairingId, pairing.id))
      .orderBy(asc(supervisionConversations.sequence));
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: [pairing.supervisorId, pairing.superviseeId],
      kind: 'supervision',
      title: 'Reflective supervision is scheduled',
      body: `Your ${conversations.length} reflective supervision conversations are scheduled. The notes you keep are seen by the two of you only.`,
      link: supervisionPage,
      calendar: (recipient) =>
        buildSupervisionInvitation(
          conversations,
          { conversationCount: pairing.conversationCount, place: pairing.place, videoUrl: pairing.videoUrl },
          organizer,
          recipient.email,
          absoluteLink(supervisionPage),
        ),
    });
  });
}

export async function loadConversation(db: Reader, member: SignedInMember, conversationId: string) {
  const [row] = await db
    .select({ conversation: supervisionConversations, pairing: supervisionPairings })
    .from(supervisionConversations)
    .innerJoin(supervisionPairings, eq(supervisionPairings.id, supervisionConversations.pairingId))
    .where(
      and(
        eq(supervisionConversations.id, conversationId),
        eq(supervisionConversations.organizationId, member.organizationId),
        isParty(member),
      ),
    );
  if (!row) throw notFound('That supervision conversation');
  return row;
}

/** One conversation and its notes: for its supervisor and clinician only. */
export async function readConversation(db: Database, member: SignedInMember, conversationId: string) {
  const { conversation, pairing } = await loadConversation(db, member, conversationId);
  const colleagueId = colleagueIdOf(pairing, member.userId);
  const names = await namesOf(db, [colleagueId]);
  return {
    id: conversation.id,
    pairingId: pairing.id,
    status: pairing.status,
    sequence: conversation.sequence,
    conversationCount: pairing.conversationCount,
    startsAt: conversation.startsAt.toISOString(),
    endsAt: conversation.endsAt.toISOString(),
    cancelledAt: conversation.cancelledAt?.toISOString() ?? null,
    colleague: { id: colleagueId, name: names.get(colleagueId) ?? 'Former member' },
    notes: {
      experiences: conversation.experiences,
      reactions: conversation.reactions,
      whatHelped: conversation.whatHelped,
      nextSteps: conversation.nextSteps,
    },
    notesUpdatedAt: conversation.notesUpdatedAt?.toISOString() ?? null,
  };
}

export type SupervisionNotes = {
  experiences: string;
  reactions: string;
  whatHelped: string;
  nextSteps: string;
};

export async function updateConversationNotes(
  db: Database,
  member: SignedInMember,
  conversationId: string,
  notes: SupervisionNotes,
  now: Date,
) {
  await db.transaction(async (tx) => {
    const found = await loadConversation(tx, member, conversationId);
    // Shares the lock an ending takes, so no note slips in after the supervision has ended.
    const [pairing = found.pairing] = await tx
      .select()
      .from(supervisionPairings)
      .where(eq(supervisionPairings.id, found.pairing.id))
      .for('share');
    if (pairing.status !== 'active') {
      throw new AppError(
        'SUPERVISION_NOT_ACTIVE',
        pairing.status === 'ended'
          ? 'This supervision has ended: its notes stay readable to the two of you but no longer change.'
          : 'Notes can be kept once both of you have agreed to the supervision.',
      );
    }
    await tx
      .update(supervisionConversations)
      .set({ ...notes, notesUpdatedAt: now, notesUpdatedBy: member.userId })
      .where(eq(supervisionConversations.id, conversationId));
  });
  return readConversation(db, member, conversationId);
}
