/**
 * Where a meeting happens: a room, a video link, or both. A group has one for all its meetings, and
 * a meeting may override either, e.g. a different room the week the usual one is booked.
 */
export type MeetingPlace = { place: string | null; videoUrl: string | null };

export function resolveMeetingPlace(meeting: MeetingPlace, group: Partial<MeetingPlace>): MeetingPlace {
  return {
    place: meeting.place ?? group.place ?? null,
    videoUrl: meeting.videoUrl ?? group.videoUrl ?? null,
  };
}

/** One line for notices and invitations: "Room 4.12", "Video call: https://…", both, or not yet known. */
export function describeMeetingPlace({ place, videoUrl }: MeetingPlace): string {
  if (place && videoUrl) return `${place}, or by video: ${videoUrl}`;
  if (place) return place;
  if (videoUrl) return `Video call: ${videoUrl}`;
  return 'Place to be announced';
}
