import { describe, expect, it } from 'vitest';
import { formGroups } from '../../core/grouping/form-groups.ts';
import type { GroupingInput, Participant } from '../../core/grouping/model.ts';
import { formGroupsInWorker, startGroupingWorkerAhead } from './form-groups-in-worker.ts';

function cohort(): GroupingInput {
  const levels = ['student-1', 'student-2', 'student-3', 'resident', 'practitioner'];
  const participants: Participant[] = Array.from({ length: 36 }, (_, index) => ({
    id: `p${index}`,
    level: index < 4 ? 'faculty' : (levels[index % levels.length] ?? 'resident'),
    discipline: index % 3 === 0 ? 'nursing' : 'medicine',
    availability: index % 2 === 0 ? ['tue-12', 'wed-18'] : ['tue-12', 'thu-08'],
    interests: [index % 4 === 0 ? 'sleep' : 'burnout'],
    isFacilitator: index < 4,
    facilitatorExperience: index,
  }));
  return { participants, seed: 7, effort: 0.2 };
}

describe('formGroupsInWorker', () => {
  it('returns exactly what the engine returns when called directly', async () => {
    const input = cohort();
    const fromWorker = await formGroupsInWorker(input);
    expect(fromWorker).toEqual(formGroups(input));
    expect(fromWorker.groups.length).toBeGreaterThan(0);
  });

  it('forms with a worker started ahead, then again with the worker it kept', async () => {
    const input = cohort();
    const expected = formGroups(input);
    startGroupingWorkerAhead();
    startGroupingWorkerAhead();
    expect(await formGroupsInWorker(input)).toEqual(expected);
    expect(await formGroupsInWorker(input)).toEqual(expected);
  });

  it('forms two programs at once, each with its own answer', async () => {
    const first = cohort();
    const second = { ...cohort(), seed: 11 };
    const [fromFirst, fromSecond] = await Promise.all([
      formGroupsInWorker(first),
      formGroupsInWorker(second),
    ]);
    expect(fromFirst).toEqual(formGroups(first));
    expect(fromSecond).toEqual(formGroups(second));
  });

  it('a forming cancelled midway rejects, and the next forming still answers', async () => {
    const controller = new AbortController();
    const cancelled = formGroupsInWorker(cohort(), { signal: controller.signal });
    controller.abort();
    await expect(cancelled).rejects.toThrow('cancelled');
    expect(await formGroupsInWorker(cohort())).toEqual(formGroups(cohort()));
  });

  it('rejects without starting when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(formGroupsInWorker(cohort(), { signal: controller.signal })).rejects.toThrow('cancelled');
  });
});
