import { describe, expect, it } from 'vitest';
import { measureEngagement } from './measure-engagement.ts';

const people = (count: number, prefix = 'p') =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`);

const reflections = (count: number, practised = count) =>
  people(count).map((userId, index) => ({
    userId,
    skillUsed: index < practised ? ('yes' as const) : ('not-yet' as const),
  }));

describe('measureEngagement', () => {
  it('releases a share only when the people it counts and the rest are both at least the minimum', () => {
    const release = measureEngagement(
      [{ meetingId: 'm1', attendeeIds: people(11), reflections: reflections(6, 1) }],
      5,
    );
    expect(release.cells.find((cell) => cell.id === 'm1:attended')).toMatchObject({
      status: 'released',
      memberCount: 11,
    });
    expect(release.cells.find((cell) => cell.id === 'm1:reflected')).toMatchObject({
      status: 'released',
      memberCount: 6,
      figures: { share: 0.545 },
    });
    // 1 of the 6 who reflected practised: that names a small group either way.
    expect(release.cells.find((cell) => cell.id === 'm1:practised')?.status).toBe('suppressed');
  });

  it('never says "1 of 8 reflected", nor "7 of 8", nor "8 of 8"', () => {
    for (const count of [1, 7, 8]) {
      const release = measureEngagement(
        [{ meetingId: 'm1', attendeeIds: people(8), reflections: reflections(count) }],
        5,
      );
      const reflected = release.cells.find((cell) => cell.id === 'm1:reflected');
      expect(reflected?.status).toBe('suppressed');
    }
    const allOf = measureEngagement(
      [{ meetingId: 'm1', attendeeIds: people(8), reflections: reflections(8) }],
      5,
    );
    expect(allOf.cells.find((cell) => cell.id === 'm1:reflected')).toMatchObject({
      reason: 'rest-below-minimum',
    });
  });

  it('hides a meeting with fewer attendees than the minimum', () => {
    const release = measureEngagement(
      [{ meetingId: 'm1', attendeeIds: people(4), reflections: [{ userId: 'p0', skillUsed: 'yes' }] }],
      5,
    );
    expect(release.released).toEqual([]);
    expect(release.cells[0]).toMatchObject({ status: 'suppressed', reason: 'below-minimum' });
  });

  it('ignores reflections from people who did not attend', () => {
    const release = measureEngagement(
      [{ meetingId: 'm1', attendeeIds: people(5), reflections: [{ userId: 'stranger', skillUsed: 'yes' }] }],
      5,
    );
    expect(release.cells.find((cell) => cell.id === 'm1:reflected')?.status).toBe('suppressed');
  });
});
