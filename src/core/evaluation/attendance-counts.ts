import { releaseAggregates } from './release-aggregates.ts';

/**
 * Attendance counts per meeting for an export, through the one disclosure gate: how many were
 * recorded, present, absent and excused, each count shown only when enough people stand behind it
 * and the rest of the recorded people are enough too (a count of present tells about the absent).
 * All meetings go through one release, so no count can be worked out from the others.
 */
export type MeetingAttendance = {
  meetingId: string;
  records: readonly { userId: string; status: 'present' | 'absent' | 'excused' }[];
};

export type AttendanceCount = { count: number } | { count: null; explanation: string };

export type MeetingAttendanceCounts = {
  meetingId: string;
  recorded: AttendanceCount;
  present: AttendanceCount;
  absent: AttendanceCount;
  excused: AttendanceCount;
};

const statuses = ['present', 'absent', 'excused'] as const;

export function releaseAttendanceCounts(
  meetings: readonly MeetingAttendance[],
  minimumGroupSize: number,
): { minimumGroupSize: number; meetings: MeetingAttendanceCounts[] } {
  const cells = meetings.flatMap((meeting) => {
    const recorded = meeting.records.map((record) => record.userId);
    return [
      { id: `${meeting.meetingId}:recorded`, memberIds: recorded, figures: null },
      ...statuses.map((status) => ({
        id: `${meeting.meetingId}:${status}`,
        memberIds: meeting.records
          .filter((record) => record.status === status)
          .map((record) => record.userId),
        figures: null,
        shareOf: recorded,
      })),
    ];
  });
  const release = releaseAggregates({ cells, minimumGroupSize });
  const byId = new Map(release.cells.map((cell) => [cell.id, cell]));
  const countOf = (id: string): AttendanceCount => {
    const cell = byId.get(id);
    if (cell?.status === 'released') return { count: cell.memberCount };
    return { count: null, explanation: cell?.status === 'suppressed' ? cell.explanation : '' };
  };
  return {
    minimumGroupSize: release.minimumGroupSize,
    meetings: meetings.map(({ meetingId }) => ({
      meetingId,
      recorded: countOf(`${meetingId}:recorded`),
      present: countOf(`${meetingId}:present`),
      absent: countOf(`${meetingId}:absent`),
      excused: countOf(`${meetingId}:excused`),
    })),
  };
}
