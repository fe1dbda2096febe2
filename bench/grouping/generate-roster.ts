/**
 * Realistic rosters for the grouping benchmark, from a seed: the level mix of a health-professions
 * school with a residency (students years 1–4, residents, practitioners, faculty facilitators
 * ≈ 1 per 9 people), several disciplines, shift-like weekly availability (class-day students,
 * day / evening / night shifts, faculty office hours) of 6–20 free hours clustered around the
 * hours such people really have free (lunch, early evening, mornings after nights, weekends),
 * 2–4 topic interests from 12 topics, conflicts of interest for ≈ 2 % of people, and a
 * previous term's groups for returning participants.
 */
import type { ConflictOfInterest, GroupingInput, Participant } from '../../src/core/grouping/model.ts';
import { createRandom, type Random } from '../../src/core/grouping/random.ts';
import { type WeeklySlot, weeklySlotAt } from '../../src/core/grouping/weekly-slot.ts';

type Block = { days: readonly number[]; start: number; hours: number; weight: number };
type Pattern = 'student' | 'clinical' | 'day' | 'evening' | 'night' | 'faculty';

const weekdays = [0, 1, 2, 3, 4];
const weekend = [5, 6];
const patterns: Record<Pattern, readonly Block[]> = {
  student: [
    { days: weekdays, start: 12, hours: 1, weight: 6 },
    { days: weekdays, start: 17, hours: 3, weight: 4 },
    { days: weekdays, start: 19, hours: 2, weight: 2 },
    { days: weekend, start: 10, hours: 4, weight: 2 },
  ],
  clinical: [
    { days: weekdays, start: 12, hours: 1, weight: 4 },
    { days: weekdays, start: 17, hours: 3, weight: 4 },
    { days: weekdays, start: 7, hours: 1, weight: 2 },
    { days: weekend, start: 9, hours: 4, weight: 2 },
  ],
  day: [
    { days: weekdays, start: 7, hours: 1, weight: 3 },
    { days: weekdays, start: 12, hours: 1, weight: 3 },
    { days: weekdays, start: 17, hours: 3, weight: 4 },
    { days: weekend, start: 9, hours: 4, weight: 2 },
  ],
  evening: [
    { days: weekdays, start: 9, hours: 4, weight: 4 },
    { days: weekdays, start: 12, hours: 2, weight: 3 },
    { days: weekend, start: 10, hours: 4, weight: 2 },
  ],
  night: [
    { days: weekdays, start: 13, hours: 4, weight: 4 },
    { days: weekdays, start: 17, hours: 2, weight: 2 },
    { days: weekend, start: 14, hours: 4, weight: 2 },
  ],
  faculty: [
    { days: weekdays, start: 12, hours: 1, weight: 5 },
    { days: weekdays, start: 16, hours: 3, weight: 4 },
    { days: weekdays, start: 7, hours: 2, weight: 2 },
    { days: [5], start: 10, hours: 3, weight: 1 },
  ],
};

export const topics = [
  'burnout',
  'sleep and shift work',
  'moral distress',
  'grief and loss',
  'boundaries',
  'imposter feelings',
  'self-compassion',
  'conflict at work',
  'mindfulness',
  'compassion fatigue',
  'work-life balance',
  'difficult conversations',
];

function pick<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random.next() * total;
  for (const [value, weight] of entries) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

function availabilityFor(random: Random, pattern: Pattern): WeeklySlot[] {
  const blocks = patterns[pattern];
  const target = 6 + random.below(15);
  const slots = new Set<number>();
  for (let attempt = 0; attempt < 60 && slots.size < target; attempt++) {
    const block = pick(
      random,
      blocks.map((candidate) => [candidate, candidate.weight] as const),
    );
    const day = block.days[random.below(block.days.length)]!;
    for (let hour = block.start; hour < block.start + block.hours && slots.size < 20; hour++)
      slots.add(day * 24 + hour);
  }
  return [...slots].sort((a, b) => a - b).map(weeklySlotAt);
}

function patternFor(random: Random, level: string, isFacilitator: boolean): Pattern {
  if (isFacilitator || level === 'faculty') return 'faculty';
  if (level === 'student-1' || level === 'student-2') return 'student';
  if (level === 'student-3' || level === 'student-4') return random.next() < 0.6 ? 'student' : 'clinical';
  return pick(random, [
    ['day', level === 'resident' ? 5 : 6],
    ['evening', 2],
    ['night', level === 'resident' ? 3 : 2],
  ]);
}

export type RosterOptions = {
  /** Share of people who were in a group last term (they get a previousGroupId). Default 0.4. */
  returningShare?: number;
  /** Conflict pairs per person. Default 0.02. */
  conflictRate?: number;
};

export function generateRoster(count: number, seed: number, options: RosterOptions = {}): GroupingInput {
  const random = createRandom(seed);
  const facilitatorCount = Math.max(1, Math.round(count / 9));
  const participants: Participant[] = [];
  for (let index = 0; index < count; index++) {
    const isFacilitator = index < facilitatorCount;
    const level = isFacilitator
      ? random.next() < 0.85
        ? 'faculty'
        : 'practitioner'
      : pick(random, [
          ['student-1', 20],
          ['student-2', 18],
          ['student-3', 15],
          ['student-4', 12],
          ['resident', 17],
          ['practitioner', 13],
          ['faculty', 5],
        ]);
    const discipline = pick(random, [
      ['medicine', 30],
      ['nursing', 30],
      ['pharmacy', 14],
      ['psychology', 10],
      ['social work', 9],
      ['physiotherapy', 7],
    ]);
    const interestCount = 2 + random.below(3);
    const interests = new Set<string>();
    while (interests.size < interestCount) {
      interests.add(
        pick(
          random,
          topics.map((topic, rank) => [topic, 12 - rank * 0.7] as const),
        ),
      );
    }
    participants.push({
      id: `p${String(index + 1).padStart(5, '0')}`,
      name: `Person ${index + 1}`,
      level,
      discipline,
      availability: availabilityFor(random, patternFor(random, level, isFacilitator)),
      interests: [...interests],
      isFacilitator,
      ...(isFacilitator
        ? { facilitatorExperience: Math.min(30, Math.floor(-Math.log(1 - random.next()) * 7)) }
        : {}),
    });
  }
  // Shuffle so facilitators are not all first.
  for (let index = participants.length - 1; index > 0; index--) {
    const other = random.below(index + 1);
    [participants[index], participants[other]] = [participants[other]!, participants[index]!];
  }

  const returning = participants.filter(() => random.next() < (options.returningShare ?? 0.4));
  for (let start = 0; start < returning.length; start += 9) {
    for (const participant of returning.slice(start, start + 9))
      participant.previousGroupId = `prev-${start / 9 + 1}`;
  }

  const conflicts: ConflictOfInterest[] = [];
  const facilitators = participants.filter((participant) => participant.isFacilitator);
  const supervisees = participants.filter((participant) =>
    ['resident', 'student-3', 'student-4'].includes(participant.level),
  );
  const pairs = Math.round(count * (options.conflictRate ?? 0.02));
  const seen = new Set<string>();
  for (let attempt = 0; conflicts.length < pairs && attempt < pairs * 20; attempt++) {
    const isSupervision = random.next() < 0.7 && facilitators.length > 0 && supervisees.length > 0;
    const first = isSupervision
      ? facilitators[random.below(facilitators.length)]!
      : participants[random.below(participants.length)]!;
    const second = isSupervision
      ? supervisees[random.below(supervisees.length)]!
      : participants[random.below(participants.length)]!;
    const key = [first.id, second.id].sort().join('|');
    if (first.id === second.id || seen.has(key)) continue;
    seen.add(key);
    conflicts.push({
      participantIds: [first.id, second.id],
      kind: isSupervision ? 'supervision' : 'request',
    });
  }
  return { participants, conflicts, seed: 1 };
}
