/**
 * What a coordinator's home says about each program: where it stands (its phase) and what needs doing
 * next — publish it, form or publish groups, place the people left out, schedule or close a
 * questionnaire window, read new feedback, close a finished program. Plain rules over counts the
 * service reads in one query; dates are the organisation's calendar dates (yyyy-mm-dd).
 */
import { daysBetween } from '../scheduling/local-date.ts';

export type ProgramPhase =
  | 'draft'
  | 'enrolment-not-open'
  | 'enrolment-open'
  | 'before-term'
  | 'running'
  | 'finished'
  | 'closed';

export type ProgramDates = {
  status: 'draft' | 'published' | 'closed';
  enrolmentOpens: string;
  enrolmentCloses: string;
  termStart: string;
  termEnd: string;
};

export function programPhase(program: ProgramDates, today: string): ProgramPhase {
  if (program.status === 'draft') return 'draft';
  if (program.status === 'closed') return 'closed';
  if (today > program.termEnd) return 'finished';
  // A term under way is running, even while late enrolment stays open.
  if (today >= program.termStart) return 'running';
  if (today < program.enrolmentOpens) return 'enrolment-not-open';
  if (today <= program.enrolmentCloses) return 'enrolment-open';
  return 'before-term';
}

export type ProgramFacts = ProgramDates & {
  /** Participants and facilitators enrolled (not waitlisted, not withdrawn). */
  enrolled: number;
  draftGroups: number;
  publishedGroups: number;
  /** Enrolled people in none of the program's groups. */
  unplaced: number;
  /** Windows for this program, or for the whole organisation, that are open now or still to open. */
  currentOrComingWindows: number;
  /** Whether an end-of-term window was ever scheduled for this program. */
  hasEndOfTermWindow: boolean;
  /** This program's own windows still open. */
  openProgramWindows: number;
  /** Whether enough feedback arrived since the last "you said, we did" note to be shown (the minimum size). */
  hasFeedbackToRead: boolean;
};

export type ProgramTaskKind =
  | 'publish-program'
  | 'form-groups'
  | 'publish-groups'
  | 'place-unplaced'
  | 'schedule-questionnaire'
  | 'schedule-end-of-term'
  | 'close-windows'
  | 'read-feedback'
  | 'close-program';

export type ProgramTask = { kind: ProgramTaskKind; text: string };

/** Days before the term ends that an end-of-term questionnaire is suggested. */
export const endOfTermNoticeDays = 21;

function people(count: number): string {
  return count === 1 ? '1 person' : `${count} people`;
}

/** The program's to-do list, most pressing first; empty when nothing waits on the coordinator. */
export function decideProgramTasks(facts: ProgramFacts, today: string): ProgramTask[] {
  const phase = programPhase(facts, today);
  const tasks: ProgramTask[] = [];
  if (phase === 'closed') return tasks;
  if (phase === 'draft') {
    tasks.push({ kind: 'publish-program', text: 'Still a draft: publish it so people can enrol.' });
    return tasks;
  }
  const groupCount = facts.draftGroups + facts.publishedGroups;
  const enrolmentClosed = phase === 'before-term' || phase === 'running';
  if (enrolmentClosed && groupCount === 0 && facts.enrolled > 0) {
    tasks.push({
      kind: 'form-groups',
      text: `Enrolment has closed with ${people(facts.enrolled)}: form the groups.`,
    });
  }
  if (facts.draftGroups > 0 && phase !== 'finished') {
    tasks.push({
      kind: 'publish-groups',
      text:
        facts.publishedGroups === 0
          ? 'Groups are formed but not published: nobody knows their group yet.'
          : `${facts.draftGroups === 1 ? '1 group is' : `${facts.draftGroups} groups are`} not published yet.`,
    });
  }
  if (groupCount > 0 && facts.unplaced > 0 && phase !== 'finished') {
    tasks.push({
      kind: 'place-unplaced',
      text: `${people(facts.unplaced)} enrolled ${facts.unplaced === 1 ? 'is' : 'are'} not in a group.`,
    });
  }
  if (phase !== 'finished' && facts.currentOrComingWindows === 0) {
    tasks.push({
      kind: 'schedule-questionnaire',
      text: 'No questionnaire is open or scheduled for its people: schedule a baseline.',
    });
  }
  if (
    phase === 'running' &&
    !facts.hasEndOfTermWindow &&
    daysBetween(today, facts.termEnd) <= endOfTermNoticeDays
  ) {
    tasks.push({
      kind: 'schedule-end-of-term',
      text: `The term ends on ${facts.termEnd}: schedule the end-of-term questionnaire.`,
    });
  }
  if (phase === 'finished' && facts.openProgramWindows > 0) {
    tasks.push({
      kind: 'close-windows',
      text: `The term has ended but ${
        facts.openProgramWindows === 1
          ? 'a questionnaire window is'
          : `${facts.openProgramWindows} windows are`
      } still open: close ${facts.openProgramWindows === 1 ? 'it' : 'them'} to see the outcomes.`,
    });
  }
  if (facts.hasFeedbackToRead) {
    tasks.push({
      kind: 'read-feedback',
      text: 'New session feedback since your last “you said, we did” note: read it and answer.',
    });
  }
  if (phase === 'finished' && facts.openProgramWindows === 0) {
    tasks.push({ kind: 'close-program', text: 'The term has ended: close the program when you are done.' });
  }
  return tasks;
}
