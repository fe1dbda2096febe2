import type { ConflictOfInterest, GroupingInput, Participant } from './model.ts';
import { createRandom } from './random.ts';
import type { WeeklySlot } from './weekly-slot.ts';

/** Small hand-made cohorts for tests (no I/O): `count` people free at `slots`, the first `facilitators` facilitating. */
export function makeCohort(
  count: number,
  options: { facilitators?: number; slots?: readonly WeeklySlot[]; prefix?: string } = {},
): Participant[] {
  const levels = ['student-1', 'student-2', 'student-3', 'student-4', 'resident', 'practitioner'];
  const disciplines = ['medicine', 'nursing', 'pharmacy', 'psychology'];
  const interests = ['burnout', 'sleep', 'grief', 'boundaries'];
  const facilitators = options.facilitators ?? Math.max(1, Math.round(count / 9));
  const prefix = options.prefix ?? 'p';
  return Array.from({ length: count }, (_, index) => {
    const isFacilitator = index < facilitators;
    return {
      id: `${prefix}${index + 1}`,
      name: `Person ${prefix}${index + 1}`,
      level: isFacilitator ? 'faculty' : (levels[index % levels.length] ?? 'resident'),
      discipline: disciplines[index % disciplines.length] ?? 'medicine',
      availability: options.slots ?? ['tue-12'],
      interests: [
        interests[index % interests.length] ?? 'burnout',
        interests[(index * 3 + 1) % interests.length] ?? 'sleep',
      ],
      isFacilitator,
      ...(isFacilitator ? { facilitatorExperience: (index * 7) % 15 } : {}),
    };
  });
}

/** The 15 weekly blocks of the tight class: weekdays at 08:00, 12:00 and 17:00. */
export const tightBlocks: readonly WeeklySlot[] = ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((day) =>
  ['08', '12', '17'].map((hour) => `${day}-${hour}` as WeeklySlot),
);

/**
 * A tight roster (issue 13): groups of exactly `size` with exactly one facilitator, as many
 * facilitators as groups and none spare, each facilitator supervising 2 learners (a conflict
 * pair), everyone free in each of the 15 blocks with probability 0.45, 4 topics. Seeded.
 */
export function makeTightCohort(count: number, seed: number, size = 10): GroupingInput {
  const random = createRandom(seed);
  const groupCount = Math.floor(count / size);
  const levels = ['student-1', 'student-2', 'student-3', 'student-4', 'resident', 'practitioner'];
  const topics = ['burnout', 'sleep', 'grief', 'boundaries'];
  const participants: Participant[] = Array.from({ length: count }, (_, index) => {
    const isFacilitator = index < groupCount;
    const availability = tightBlocks.filter(() => random.next() < 0.45);
    if (availability.length === 0) availability.push(tightBlocks[random.below(tightBlocks.length)]!);
    return {
      id: `t${index + 1}`,
      name: `Person ${index + 1}`,
      level: isFacilitator ? 'faculty' : levels[random.below(levels.length)]!,
      discipline: ['medicine', 'nursing', 'pharmacy'][random.below(3)]!,
      availability,
      interests: [topics[random.below(topics.length)]!],
      isFacilitator,
      ...(isFacilitator ? { facilitatorExperience: random.below(15) } : {}),
    };
  });
  const conflicts: ConflictOfInterest[] = [];
  const learners = participants.slice(groupCount);
  for (const facilitator of participants.slice(0, groupCount)) {
    const first = random.below(learners.length);
    let second = random.below(learners.length - 1);
    if (second >= first) second++;
    for (const learner of [learners[first]!, learners[second]!]) {
      conflicts.push({ participantIds: [facilitator.id, learner.id], kind: 'supervision' });
    }
  }
  return {
    participants,
    conflicts,
    rules: { groupSize: { min: size, max: size }, facilitatorsPerGroup: { min: 1, max: 1 } },
    seed: 1,
  };
}
