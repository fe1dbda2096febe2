import {
  type AggregateCell,
  type AggregateRelease,
  releaseAggregates,
} from '../evaluation/release-aggregates.ts';
import { isPractised, type SkillUse } from './compute-habit-weeks.ts';

export type MeetingEngagementInput = {
  meetingId: string;
  attendeeIds: readonly string[];
  /** Reflections written after this meeting, one per person at most counted. */
  reflections: readonly { userId: string; skillUsed: SkillUse }[];
};

export type EngagementFigures = { share: number };

/**
 * Engagement per meeting, as coordinators may see it: the share of attendees who reflected
 * (computed over the attendees) and the share of those who reflected who practised the skill
 * (computed over those who reflected). Every figure passes the one suppression gate together.
 */
export function measureEngagement(
  meetingsInput: readonly MeetingEngagementInput[],
  minimumGroupSize: number,
): AggregateRelease<EngagementFigures> {
  const cells: AggregateCell<EngagementFigures>[] = [];
  for (const meeting of meetingsInput) {
    const attendees = new Set(meeting.attendeeIds);
    const practisedBy = new Map<string, boolean>();
    for (const reflection of meeting.reflections) {
      if (!attendees.has(reflection.userId)) continue;
      practisedBy.set(
        reflection.userId,
        (practisedBy.get(reflection.userId) ?? false) || isPractised(reflection.skillUsed),
      );
    }
    const reflectors = [...practisedBy.keys()];
    const practisedCount = [...practisedBy.values()].filter(Boolean).length;
    cells.push({
      id: `${meeting.meetingId}:reflected`,
      memberIds: [...attendees],
      figures: { share: ratio(reflectors.length, attendees.size) },
    });
    cells.push({
      id: `${meeting.meetingId}:practised`,
      memberIds: reflectors,
      figures: { share: ratio(practisedCount, reflectors.length) },
    });
  }
  return releaseAggregates({ cells, minimumGroupSize });
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}
