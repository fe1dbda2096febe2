import { type ICalEventData, ICalEventStatus } from 'ical-generator';
import { resolveMeetingPlace } from '../../core/scheduling/meeting-place.ts';
import type { meetings } from '../../db/schema.ts';

export type CalendarMeeting = Pick<
  typeof meetings.$inferSelect,
  'id' | 'sequence' | 'startsAt' | 'endsAt' | 'place' | 'videoUrl' | 'revision' | 'cancelledAt'
>;
/** A group's own place and link are used for every meeting that does not set its own. */
export type CalendarGroup = { name: string; place?: string | null; videoUrl?: string | null };
export type CalendarProgram = { title: string };

/** The UID every calendar knows a meeting by: the same in invitations and in the subscription feed. */
export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@tend`;
}

/**
 * A meeting as a calendar event. It names the group, the program and the place, never the other
 * people in the group. SEQUENCE is the meeting's revision, so clients replace older copies.
 */
export function describeMeetingEvent(
  meeting: CalendarMeeting,
  group: CalendarGroup,
  program: CalendarProgram,
  meetingUrl: string | undefined,
): ICalEventData {
  const { place, videoUrl } = resolveMeetingPlace(meeting, group);
  const lines = [`Meeting ${meeting.sequence} of ${group.name} in ${program.title}.`];
  if (videoUrl) lines.push(`Video link: ${videoUrl}`);
  if (meetingUrl) lines.push(`In Tend: ${meetingUrl}`);
  return {
    id: meetingUid(meeting.id),
    sequence: meeting.revision,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: `${group.name} (${program.title})`,
    description: lines.join('\n'),
    location: place ?? videoUrl ?? null,
    url: meetingUrl ?? null,
    status: meeting.cancelledAt ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}
