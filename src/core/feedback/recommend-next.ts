import { describeWeeklySlot, isWeeklySlot, weeklySlotIndex } from '../grouping/weekly-slot.ts';

/** What one person told us about what they want next: at enrolment, in feedback, or both. */
export type ParticipantVoice = {
  personId: string;
  /** Interest tags ticked at enrolment ('burnout', 'boundaries'), matched to topics' tags. */
  enrolmentInterests: readonly string[];
  /** Topic ids asked for in session feedback. */
  topicsWanted: readonly string[];
  /** Weekly slots (organisation time) from enrolment. */
  enrolmentAvailability: readonly string[];
  /** Weekly slots (organisation time) from the latest feedback; when given they replace enrolment's. */
  preferredTimes: readonly string[];
};

export type TopicChoice = { id: string; title: string; tags: readonly string[] };

export type TopicCandidate = { topicId: string; title: string; memberIds: readonly string[] };
export type TimeCandidate = { slot: string; label: string; memberIds: readonly string[] };

export type NextCandidates = {
  /**
   * Everyone who named a topic, an interest or an hour: the one denominator of every count. One
   * denominator, not one for topics and one for times, because the privacy gate would hide either
   * whenever the two differ by a few people.
   */
  respondentIds: readonly string[];
  topics: readonly TopicCandidate[];
  times: readonly TimeCandidate[];
};

/**
 * Ranks the next topics and weekly times by how many people asked for them. A person counts once
 * per topic whether they asked at enrolment (an interest tag the topic carries) or in feedback (the
 * topic itself). For times, the hours a person gave in their latest feedback replace those from
 * enrolment, since they are newer. Topics already held (`heldTopicIds`) are not proposed again.
 * Ties go to the library's order and to the earlier hour of the week, so the result is stable.
 * The member sets are returned so the counts can pass the privacy gate before anyone sees them.
 */
export function findNextCandidates(input: {
  voices: readonly ParticipantVoice[];
  topics: readonly TopicChoice[];
  heldTopicIds?: readonly string[];
  limit?: number;
}): NextCandidates {
  const limit = input.limit ?? 3;
  const held = new Set(input.heldTopicIds ?? []);
  const wantersByTopic = new Map<string, Set<string>>();
  const availableBySlot = new Map<string, Set<string>>();
  const respondents = new Set<string>();

  for (const voice of input.voices) {
    const interests = new Set(voice.enrolmentInterests);
    const wanted = new Set(voice.topicsWanted);
    if (interests.size > 0 || wanted.size > 0) respondents.add(voice.personId);
    for (const topic of input.topics) {
      if (wanted.has(topic.id) || topic.tags.some((tag) => interests.has(tag))) {
        const set = wantersByTopic.get(topic.id) ?? new Set<string>();
        set.add(voice.personId);
        wantersByTopic.set(topic.id, set);
      }
    }
    const slots = (
      voice.preferredTimes.length > 0 ? voice.preferredTimes : voice.enrolmentAvailability
    ).filter(isWeeklySlot);
    if (slots.length > 0) respondents.add(voice.personId);
    for (const slot of new Set(slots)) {
      const set = availableBySlot.get(slot) ?? new Set<string>();
      set.add(voice.personId);
      availableBySlot.set(slot, set);
    }
  }

  const topics = input.topics
    .map((topic, order) => ({ topic, order, members: wantersByTopic.get(topic.id) ?? new Set<string>() }))
    .filter(({ topic, members }) => members.size > 0 && !held.has(topic.id))
    .sort((a, b) => b.members.size - a.members.size || a.order - b.order)
    .slice(0, limit)
    .map(({ topic, members }) => ({ topicId: topic.id, title: topic.title, memberIds: [...members].sort() }));

  const times = [...availableBySlot]
    .sort(([slotA, a], [slotB, b]) => b.size - a.size || compareSlots(slotA, slotB))
    .slice(0, limit)
    .map(([slot, members]) => ({
      slot,
      label: isWeeklySlot(slot) ? describeWeeklySlot(slot) : slot,
      memberIds: [...members].sort(),
    }));

  return {
    respondentIds: [...respondents].sort(),
    topics,
    times,
  };
}

function compareSlots(a: string, b: string): number {
  return weeklySlotIndex(a) - weeklySlotIndex(b);
}

export type Recommendation = { kind: 'topic' | 'time'; id: string; label: string; explanation: string };

/**
 * Plain-words reasons, written only from counts that passed the privacy gate: a candidate whose
 * count (or whose denominator) was hidden is left out rather than guessed.
 */
export function explainRecommendations(input: {
  topics: readonly { topicId: string; title: string; count: number | null }[];
  times: readonly { slot: string; label: string; count: number | null }[];
  respondents: number | null;
}): Recommendation[] {
  const recommendations: Recommendation[] = [];
  if (input.respondents === null) return recommendations;
  for (const topic of input.topics) {
    if (topic.count === null) continue;
    recommendations.push({
      kind: 'topic',
      id: topic.topicId,
      label: topic.title,
      explanation: `${topic.count} of ${input.respondents} respondents asked for ${topic.title} (at enrolment or in feedback).`,
    });
  }
  for (const time of input.times) {
    if (time.count === null) continue;
    recommendations.push({
      kind: 'time',
      id: time.slot,
      label: time.label,
      explanation: `${time.count} of ${input.respondents} respondents can meet ${time.label}.`,
    });
  }
  return recommendations;
}
