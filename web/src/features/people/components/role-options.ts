export const roleOptions = [
  { value: 'participant', label: 'Participant' },
  { value: 'facilitator', label: 'Facilitator' },
  { value: 'coordinator', label: 'Coordinator' },
  { value: 'leader', label: 'Leader' },
  { value: 'admin', label: 'Administrator' },
];

export const levelOptions = [
  { value: 'student-1', label: 'Student, year 1' },
  { value: 'student-2', label: 'Student, year 2' },
  { value: 'student-3', label: 'Student, year 3' },
  { value: 'student-4', label: 'Student, year 4' },
  { value: 'resident', label: 'Resident' },
  { value: 'practitioner', label: 'Practitioner' },
  { value: 'faculty', label: 'Faculty' },
];

export function labelOf(options: { value: string; label: string }[], value: string | null): string {
  return options.find((option) => option.value === value)?.label ?? '—';
}
