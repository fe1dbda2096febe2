export const roles = ['admin', 'coordinator', 'facilitator', 'participant', 'leader'] as const;
export type Role = (typeof roles)[number];

export const levels = [
  'student-1',
  'student-2',
  'student-3',
  'student-4',
  'resident',
  'practitioner',
  'faculty',
] as const;
export type Level = (typeof levels)[number];

/** The words people read for each level, on the server and in the web app alike. */
export const levelLabels: Record<Level, string> = {
  'student-1': 'Student, year 1',
  'student-2': 'Student, year 2',
  'student-3': 'Student, year 3',
  'student-4': 'Student, year 4',
  resident: 'Resident',
  practitioner: 'Practitioner',
  faculty: 'Faculty',
};

export function describeLevel(level: Level): string {
  return levelLabels[level];
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function isLevel(value: string): value is Level {
  return (levels as readonly string[]).includes(value);
}
