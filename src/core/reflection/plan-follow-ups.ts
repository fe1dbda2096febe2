import { millisecondsPerDay } from '../scheduling/durations.ts';
/**
 * After a meeting, who hears what and when: everyone who attended gets the topic's reflection
 * prompts on the program's schedule; everyone who missed it gets the catch-up summary once, when
 * the first prompt would have gone out. People with no attendance record get nothing.
 */

export type AttendanceStatus = 'present' | 'absent' | 'excused';
export type FollowUpKind = 'prompt' | 'catch-up';

export type FollowUpTopic = {
  followUpPrompts: readonly string[];
  catchUpSummary: string;
};

export type PlannedFollowUp = {
  step: number;
  kind: FollowUpKind;
  prompt: string;
  dueAt: Date;
};

/** The default schedule: the next day, a week later, a month later. */
export const defaultFollowUpDays: readonly number[] = [1, 7, 30];
export const followUpDaysLimits = { minSteps: 1, maxSteps: 6, maxDay: 90 } as const;

/** The due times of a schedule: each step's days after the meeting ends. */
export function computeFollowUpSchedule(meetingEndsAt: Date, followUpDays: readonly number[]): Date[] {
  return followUpDays.map((days) => new Date(meetingEndsAt.getTime() + days * millisecondsPerDay));
}

export function planFollowUps(input: {
  meetingEndsAt: Date;
  followUpDays: readonly number[];
  attendance: AttendanceStatus;
  topic: FollowUpTopic;
}): PlannedFollowUp[] {
  const schedule = computeFollowUpSchedule(input.meetingEndsAt, input.followUpDays);
  if (schedule.length === 0) return [];
  if (input.attendance !== 'present') {
    const summary = input.topic.catchUpSummary.trim();
    return summary ? [{ step: 0, kind: 'catch-up', prompt: summary, dueAt: schedule[0] as Date }] : [];
  }
  const prompts = input.topic.followUpPrompts.filter((prompt) => prompt.trim() !== '');
  if (prompts.length === 0) return [];
  // A schedule longer than the topic's prompts comes back to the first prompt.
  return schedule.map((dueAt, step) => ({
    step,
    kind: 'prompt',
    prompt: prompts[step % prompts.length] as string,
    dueAt,
  }));
}

/** Problems with a program's schedule, as messages a coordinator can act on. */
export function findFollowUpDaysProblems(followUpDays: readonly number[]): string[] {
  const problems: string[] = [];
  const { minSteps, maxSteps, maxDay } = followUpDaysLimits;
  if (followUpDays.length < minSteps || followUpDays.length > maxSteps) {
    problems.push(`Give between ${minSteps} and ${maxSteps} follow-up days.`);
  }
  if (followUpDays.some((days) => !Number.isInteger(days) || days < 0 || days > maxDay)) {
    problems.push(`Each follow-up day must be a whole number from 0 to ${maxDay}.`);
  }
  if (followUpDays.some((days, index) => index > 0 && days <= (followUpDays[index - 1] as number))) {
    problems.push('List the follow-up days in increasing order, each once.');
  }
  return problems;
}
