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
 * Engagement per meeting, as coordinators may see it: the share of attendees who reflected and the
 * share of those who reflected who practised the skill. Each share is a cell of its own (the people
 * it counts) marked as a share of its population (`shareOf`), so it is shown only when both the
 * people it counts and the rest are at least the minimum: "1 of 8 reflected" and "8 of 8" both
 * tell about individuals (issue 11). All meetings' cells pass the one gate together. Member ids
 * are "<meeting>:<person>": whether someone reflected after one meeting is a fact of its own.
 *
 * Cells per meeting: `<meeting>:attended` (the denominator), `<meeting>:reflected`,
 * `<meeting>:practised`.
 */
export function measureEngagement(
  meetingsInput: readonly MeetingEngagementInput[],
  minimumGroupSize: number,
): AggregateRelease<EngagementFigures> {
  const cells: AggregateCell<EngagementFigures>[] = [];
  for (const meeting of meetingsInput) {
    const id = (person: string) => `${meeting.meetingId}:${person}`;
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
    const practisers = reflectors.filter((person) => practisedBy.get(person));
    const attended = [...attendees].map(id);
    cells.push({ id: `${meeting.meetingId}:attended`, memberIds: attended, figures: { share: 1 } });
    cells.push({
      id: `${meeting.meetingId}:reflected`,
      memberIds: reflectors.map(id),
      shareOf: attended,
      figures: { share: ratio(reflectors.length, attendees.size) },
    });
    cells.push({
      id: `${meeting.meetingId}:practised`,
      memberIds: practisers.map(id),
      shareOf: reflectors.map(id),
      figures: { share: ratio(practisers.length, reflectors.length) },
    });
  }
  return releaseAggregates({ cells, minimumGroupSize });
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}
