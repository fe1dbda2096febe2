import { describe, expect, it } from 'vitest';
import { measureEngagement } from './measure-engagement.ts';

const people = (count: number, prefix = 'p') =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`);

describe('measureEngagement', () => {
  it('releases the share of attendees who reflected and the share who practised', () => {
    const attendees = people(6);
    const release = measureEngagement(
      [
        {
          meetingId: 'm1',
          attendeeIds: attendees,
          reflections: [
            ...people(5).map((userId, index) => ({
              userId,
              skillUsed: index < 4 ? ('yes' as const) : ('not-yet' as const),
            })),
          ],
        },
      ],
      5,
    );
    const reflected = release.cells.find((cell) => cell.id === 'm1:reflected');
    expect(reflected).toMatchObject({ status: 'released', memberCount: 6, figures: { share: 0.833 } });
    // 5 reflected of 6 attended: the practised figure over those 5 would single out the sixth person by subtraction.
    expect(release.cells.find((cell) => cell.id === 'm1:practised')?.status).toBe('suppressed');
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
    expect(release.cells[0]).toMatchObject({ status: 'released', figures: { share: 0 } });
  });
});
