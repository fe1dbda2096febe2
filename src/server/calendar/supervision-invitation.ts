import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import type { InvitationOrganizer } from './meeting-invitation.ts';

export type CalendarConversation = {
  id: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  /** Calendar SEQUENCE: a moved or cancelled conversation replaces the copy sent before. */
  revision: number;
  cancelledAt: Date | null;
};

export function supervisionConversationUid(conversationId: string): string {
  return `supervision-${conversationId}@tend`;
}

/**
 * An invitation for one of the two people holding some conversations of a supervision arrangement:
 * METHOD:REQUEST for scheduled or moved ones, METHOD:CANCEL when every one in it is cancelled (an
 * iCalendar object carries a single method). Each event keeps its stable UID. It names no one: the
 * summary says what it is, and the link leads to the notes in Tend.
 */
export function buildSupervisionInvitation(
  conversations: readonly CalendarConversation[],
  arrangement: { conversationCount: number; place: string | null; videoUrl: string | null },
  organizer: InvitationOrganizer,
  attendeeEmail: string,
  pageUrl: string,
): string {
  const isCancellation = conversations.every((conversation) => conversation.cancelledAt !== null);
  const calendar = ical({
    prodId: { company: 'Tend', product: 'Tend', language: 'EN' },
    method: isCancellation ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  for (const conversation of conversations) {
    calendar.createEvent({
      id: supervisionConversationUid(conversation.id),
      sequence: conversation.revision,
      status: conversation.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      start: conversation.startsAt,
      end: conversation.endsAt,
      summary: 'Reflective supervision',
      description: [
        `Conversation ${conversation.sequence} of ${arrangement.conversationCount}.`,
        ...(arrangement.videoUrl ? [`Video link: ${arrangement.videoUrl}`] : []),
        `Notes in Tend: ${pageUrl}`,
      ].join('\n'),
      location: arrangement.place ?? arrangement.videoUrl ?? null,
      url: pageUrl,
      organizer: { name: organizer.name, email: organizer.email },
      attendees: [
        {
          email: attendeeEmail,
          role: ICalAttendeeRole.REQ,
          status: ICalAttendeeStatus.NEEDSACTION,
          rsvp: false,
        },
      ],
    });
  }
  return calendar.toString();
}
