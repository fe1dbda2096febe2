import { addDays, weekDayOf } from '../scheduling/local-date.ts';

/** Systemic stressors named in the evidence on clinician burnout; "other" catches the rest. */
export const stressorCategories = [
  'workload-and-staffing',
  'scheduling',
  'autonomy',
  'administrative-burden',
  'leadership-support',
  'safety',
  'other',
] as const;
export type StressorCategory = (typeof stressorCategories)[number];

export const stressorCategoryLabels: Record<StressorCategory, string> = {
  'workload-and-staffing': 'Workload and staffing',
  scheduling: 'Scheduling',
  autonomy: 'Autonomy',
  'administrative-burden': 'Administrative burden',
  'leadership-support': 'Leadership support',
  safety: 'Safety',
  other: 'Other',
};

export function isStressorCategory(value: string): value is StressorCategory {
  return (stressorCategories as readonly string[]).includes(value);
}

/**
 * Units a reporter picks from when the organisation has not listed its own. Free text is not
 * offered: a unit typed by hand can be unique to one person and would split the counts.
 */
export const defaultUnits = [
  'Inpatient wards',
  'Outpatient clinics',
  'Emergency and acute care',
  'Operating theatres and procedures',
  'Primary and community care',
  'Education and training',
  'Administration and support',
] as const;

/** Chosen when a reporter would rather not name a unit; always offered. */
export const unitNotStated = 'Not stated';

export const reportTextLimit = 2000;

/** Shown above the form: the report is anonymous only if its text is. */
export const identifyingDetailsWarning =
  'Do not include names, dates, shifts, patient details or anything else that could identify you or ' +
  'anyone else. Tend stores no name, account or exact time with your report — only the week — but ' +
  'what you write is shown to leaders as you wrote it once enough reports in the same category exist.';

/** The Monday (ISO week start) of the week containing `localDate` (yyyy-mm-dd). */
export function isoWeekStart(localDate: string): string {
  const offset = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(weekDayOf(localDate));
  return addDays(localDate, -offset);
}
