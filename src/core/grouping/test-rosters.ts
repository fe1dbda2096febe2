import type { Participant } from './model.ts';
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
