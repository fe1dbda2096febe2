import { describe, expect, it } from 'vitest';
import { decideProgramTasks, type ProgramFacts, programPhase } from './program-tasks.ts';

const base: ProgramFacts = {
  status: 'published',
  enrolmentOpens: '2027-01-01',
  enrolmentCloses: '2027-01-20',
  termStart: '2027-02-01',
  termEnd: '2027-05-01',
  enrolled: 20,
  draftGroups: 0,
  publishedGroups: 2,
  unplaced: 0,
  currentOrComingWindows: 1,
  hasEndOfTermWindow: false,
  openProgramWindows: 0,
  hasFeedbackToRead: false,
};
const kinds = (facts: Partial<ProgramFacts>, today: string) =>
  decideProgramTasks({ ...base, ...facts }, today).map((task) => task.kind);

describe('programPhase', () => {
  it('follows the calendar from enrolment to the end of term', () => {
    expect(programPhase(base, '2026-12-31')).toBe('enrolment-not-open');
    expect(programPhase(base, '2027-01-20')).toBe('enrolment-open');
    expect(programPhase(base, '2027-01-25')).toBe('before-term');
    expect(programPhase(base, '2027-05-01')).toBe('running');
    expect(programPhase(base, '2027-05-02')).toBe('finished');
    expect(programPhase({ ...base, enrolmentCloses: '2027-03-01' }, '2027-02-10')).toBe('running');
    expect(programPhase({ ...base, status: 'draft' }, '2027-03-01')).toBe('draft');
    expect(programPhase({ ...base, status: 'closed' }, '2027-03-01')).toBe('closed');
  });
});

describe('decideProgramTasks', () => {
  it('asks for nothing while a running program is on track', () => {
    expect(kinds({}, '2027-03-01')).toEqual([]);
  });

  it('asks to publish a draft, and nothing else yet', () => {
    expect(kinds({ status: 'draft', currentOrComingWindows: 0 }, '2027-01-05')).toEqual(['publish-program']);
  });

  it('asks to form groups once enrolment has closed, then to publish them and place the unplaced', () => {
    expect(kinds({ publishedGroups: 0 }, '2027-01-25')).toEqual(['form-groups']);
    expect(kinds({ publishedGroups: 0 }, '2027-01-10')).toEqual([]);
    expect(kinds({ publishedGroups: 0, draftGroups: 2, unplaced: 3 }, '2027-01-25')).toEqual([
      'publish-groups',
      'place-unplaced',
    ]);
    expect(decideProgramTasks({ ...base, unplaced: 1 }, '2027-03-01')[0]?.text).toBe(
      '1 person enrolled is not in a group.',
    );
  });

  it('asks for a questionnaire window to open, an end-of-term one near the end, and to close them after', () => {
    expect(kinds({ currentOrComingWindows: 0 }, '2027-01-10')).toEqual(['schedule-questionnaire']);
    expect(kinds({}, '2027-04-15')).toEqual(['schedule-end-of-term']);
    expect(kinds({ hasEndOfTermWindow: true }, '2027-04-15')).toEqual([]);
    expect(kinds({ openProgramWindows: 1, currentOrComingWindows: 0 }, '2027-05-10')).toEqual([
      'close-windows',
    ]);
    expect(kinds({ currentOrComingWindows: 0 }, '2027-05-10')).toEqual(['close-program']);
  });

  it('points to feedback once enough arrived to be shown', () => {
    expect(kinds({ hasFeedbackToRead: true }, '2027-03-01')).toEqual(['read-feedback']);
  });
});
