/**
 * Learner levels as the grouping engine reads them. Known levels sort in training order and
 * get readable labels; any other level string is kept as written and sorts after them.
 */
export const knownLevels = [
  'student-1',
  'student-2',
  'student-3',
  'student-4',
  'student-5',
  'student-6',
  'resident',
  'fellow',
  'practitioner',
  'faculty',
] as const;

const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** "first-year", "resident", "practitioner", "faculty"; `count` chooses the plural ("2 residents"). */
export function labelLevel(level: string, count = 1): string {
  const student = /^student-(\d)$/.exec(level);
  if (student) {
    const ordinal = ordinals[Number(student[1]) - 1];
    if (ordinal) return `${ordinal}-year`;
  }
  if (level === 'resident' || level === 'fellow' || level === 'practitioner') {
    return count === 1 ? level : `${level}s`;
  }
  return level;
}

/** Sort key: known levels in training order, then the rest alphabetically. */
export function compareLevels(a: string, b: string): number {
  const rankA = (knownLevels as readonly string[]).indexOf(a);
  const rankB = (knownLevels as readonly string[]).indexOf(b);
  if (rankA >= 0 && rankB >= 0) return rankA - rankB;
  if (rankA >= 0) return -1;
  if (rankB >= 0) return 1;
  return a.localeCompare(b);
}
