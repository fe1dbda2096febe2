import { asc, eq, inArray, sql } from 'drizzle-orm';
import {
  conversationsToCancel,
  isAhead,
  planConversationMove,
} from '../../core/supervision/change-schedule.ts';
import type { Database } from '../../db/connect.ts';
import { supervisionConversations, supervisionPairings } from '../../db/schema.ts';
import { absoluteLink, notify } from '../../notifications/notify.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import type { InvitationOrganizer } from '../calendar/meeting-invitation.ts';
import { buildSupervisionInvitation, type CalendarConversation } from '../calendar/supervision-invitation.ts';
import { AppError, notFound } from '../errors.ts';
import {
  colleagueIdOf,
  loadConversation,
  lockPairing,
  type Pairing,
  readConversation,
  supervisionPage,
} from './supervision.ts';

function calendarFor(
  conversations: readonly CalendarConversation[],
  pairing: Pairing,
  organizer: InvitationOrganizer,
) {
  if (conversations.length === 0) return undefined;
  return (recipient: { email: string }) =>
    buildSupervisionInvitation(
      conversations,
      { conversationCount: pairing.conversationCount, place: pairing.place, videoUrl: pairing.videoUrl },
      organizer,
      recipient.email,
      absoluteLink(supervisionPage),
    );
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Either person ends an active supervision, or the proposer withdraws one still waiting (the person
 * it was proposed to declining it that way). Conversations not yet begun are cancelled, in both
 * calendars too; earlier ones and every note stay, readable by the two of them only, and no longer
 * change. The notices say what changed, never what was written.
 */
export async function endSupervision(
  db: Database,
  member: SignedInMember,
  pairingId: string,
  now: Date,
  organizer: InvitationOrganizer,
): Promise<{ status: Pairing['status']; cancelledConversations: number }> {
  return db.transaction(async (tx) => {
    const pairing = await lockPairing(tx, member, pairingId);
    if (pairing.status !== 'active' && pairing.status !== 'proposed') {
      throw new AppError('SUPERVISION_NOT_ACTIVE', `This supervision is already ${pairing.status}.`);
    }
    const isProposal = pairing.status === 'proposed';
    const status = !isProposal ? 'ended' : pairing.proposedBy === member.userId ? 'withdrawn' : 'declined';
    await tx
      .update(supervisionPairings)
      .set({
        status,
        endedAt: now,
        endedBy: member.userId,
        ...(status === 'declined' ? { respondedAt: now } : {}),
      })
      .where(eq(supervisionPairings.id, pairing.id));

    const series = await tx
      .select()
      .from(supervisionConversations)
      .where(eq(supervisionConversations.pairingId, pairing.id))
      .orderBy(asc(supervisionConversations.sequence));
    const cancelled = conversationsToCancel(series, now);
    if (cancelled.length > 0) {
      await tx
        .update(supervisionConversations)
        .set({ cancelledAt: now, revision: sql`${supervisionConversations.revision} + 1` })
        .where(
          inArray(
            supervisionConversations.id,
            cancelled.map((conversation) => conversation.id),
          ),
        );
    }
    const colleagueId = colleagueIdOf(pairing, member.userId);

    if (isProposal) {
      // Nothing was in anyone's calendar yet: invitations go out only on acceptance.
      await notify(tx, {
        organizationId: member.organizationId,
        userIds: [colleagueId],
        kind: 'supervision',
        title:
          status === 'withdrawn'
            ? 'A supervision proposal to you was withdrawn'
            : 'Your supervision proposal was declined',
        body:
          status === 'withdrawn'
            ? 'Your colleague withdrew the reflective supervision they proposed to you. Nothing is scheduled.'
            : 'Your colleague declined the reflective supervision you proposed.',
        link: supervisionPage,
      });
      return { status, cancelledConversations: cancelled.length };
    }

    const cancellations = calendarFor(
      cancelled.map((conversation) => ({
        ...conversation,
        cancelledAt: now,
        revision: conversation.revision + 1,
      })),
      pairing,
      organizer,
    );
    const whatIsCancelled =
      cancelled.length === 0
        ? 'No conversations were still ahead.'
        : `The ${plural(cancelled.length, 'conversation')} still ahead ${cancelled.length === 1 ? 'is' : 'are'} cancelled, in your calendar too.`;
    const whatStays = 'Notes of earlier conversations stay readable to the two of you only.';
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: [colleagueId],
      kind: 'supervision',
      title: 'Your reflective supervision has ended',
      body: `Your colleague ended your reflective supervision. ${whatIsCancelled} ${whatStays}`,
      link: supervisionPage,
      calendar: cancellations,
    });
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: [member.userId],
      kind: 'supervision',
      title: 'You ended a reflective supervision',
      body: `Your colleague has been told. ${whatIsCancelled} ${whatStays}`,
      link: supervisionPage,
      calendar: cancellations,
    });
    return { status, cancelledConversations: cancelled.length };
  });
}

export type ConversationMove = { date: string; time: string; timeZone: string };

/**
 * Either person moves one conversation still ahead of an active supervision to a new time. Both get
 * the updated calendar entry (same UID, higher SEQUENCE); the other person is told it moved.
 */
export async function moveConversation(
  db: Database,
  member: SignedInMember,
  conversationId: string,
  move: ConversationMove,
  now: Date,
  organizer: InvitationOrganizer,
) {
  await db.transaction(async (tx) => {
    const found = await loadConversation(tx, member, conversationId);
    const pairing = await lockPairing(tx, member, found.pairing.id);
    if (pairing.status !== 'active') {
      throw new AppError(
        'SUPERVISION_NOT_ACTIVE',
        pairing.status === 'proposed'
          ? 'Conversations can be moved once both of you have agreed to the supervision.'
          : `This supervision is ${pairing.status}: its conversations no longer move.`,
      );
    }
    const series = await tx
      .select()
      .from(supervisionConversations)
      .where(eq(supervisionConversations.pairingId, pairing.id));
    const conversation = series.find((candidate) => candidate.id === conversationId);
    if (!conversation) throw notFound('That supervision conversation');
    if (conversation.cancelledAt !== null || !isAhead(conversation, now)) {
      throw new AppError(
        'SUPERVISION_CONVERSATION_PAST',
        'This conversation has already started or is over; only a conversation still ahead can be moved.',
      );
    }
    const plan = planConversationMove(conversation, series, { ...move, now });
    if (plan.startsAt === null) {
      throw new AppError(
        'SUPERVISION_MOVE_INVALID',
        plan.problems.map((problem) => `The new ${problem.field} ${problem.message}.`).join(' '),
        {
          fields: Object.fromEntries(
            plan.problems.map((problem) => [`body.${problem.field}`, problem.message]),
          ),
        },
      );
    }
    const moved = {
      ...conversation,
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
      revision: conversation.revision + 1,
    };
    await tx
      .update(supervisionConversations)
      .set({ startsAt: moved.startsAt, endsAt: moved.endsAt, revision: moved.revision })
      .where(eq(supervisionConversations.id, conversation.id));
    const update = calendarFor([moved], pairing, organizer);
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: [colleagueIdOf(pairing, member.userId)],
      kind: 'supervision',
      title: 'A supervision conversation was moved',
      body: `Your colleague moved supervision conversation ${conversation.sequence} to a new time. The calendar entry attached replaces the old one.`,
      link: supervisionPage,
      calendar: update,
    });
    await notify(tx, {
      organizationId: member.organizationId,
      userIds: [member.userId],
      kind: 'supervision',
      title: 'You moved a supervision conversation',
      body: `Supervision conversation ${conversation.sequence} has a new time; your colleague has been told. The calendar entry attached replaces the old one.`,
      link: supervisionPage,
      calendar: update,
    });
  });
  return readConversation(db, member, conversationId);
}
