import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from 'ical-generator';
import {
  type CalendarGroup,
  type CalendarMeeting,
  type CalendarProgram,
  describeMeetingEvent,
} from './meeting-event.ts';

export type InvitationOrganizer = { name: string; email: string };

const prodId = { company: 'Tend', product: 'Tend', language: 'EN' };

/**
 * An iCalendar invitation to one meeting for one person, to attach to an e-mail: METHOD:REQUEST with
 * the meeting's stable UID and SEQUENCE = its revision (so a moved meeting replaces the old one), or
 * METHOD:CANCEL once the meeting is cancelled. The only attendee is the recipient; the organizer is
 * the organisation's sender address, not a person.
 */
export function buildMeetingInvitation(
  meeting: CalendarMeeting,
  group: CalendarGroup,
  program: CalendarProgram,
  organizer: InvitationOrganizer,
  attendeeEmail: string,
  options: { meetingUrl?: string } = {},
): string {
  const isCancelled = meeting.cancelledAt !== null;
  const calendar = ical({
    prodId,
    method: isCancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    ...describeMeetingEvent(meeting, group, program, options.meetingUrl),
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
  return calendar.toString();
}
