import { describe, expect, it } from 'vitest';
import { moveSeriesToSlot } from './move-series-to-slot.ts';

const hour = 3_600_000;

describe('moveSeriesToSlot', () => {
  // Tuesdays 12:00 in Toronto (EST, UTC−5) in January 2027.
  const meetings = [
    { id: 'past', startsAt: new Date('2027-01-05T17:00:00Z'), endsAt: new Date('2027-01-05T18:00:00Z') },
    { id: 'this-week', startsAt: new Date('2027-01-12T17:00:00Z'), endsAt: new Date('2027-01-12T18:00:00Z') },
    { id: 'next', startsAt: new Date('2027-01-19T17:00:00Z'), endsAt: new Date('2027-01-19T18:30:00Z') },
    {
      id: 'cancelled',
      startsAt: new Date('2027-01-26T17:00:00Z'),
      endsAt: new Date('2027-01-26T18:00:00Z'),
      isCancelled: true,
    },
  ].map((meeting) => ({ isCancelled: false, ...meeting }));

  it('moves each meeting ahead to the new day and hour of its own week, keeping its length', () => {
    const now = new Date('2027-01-08T12:00:00Z');
    const move = moveSeriesToSlot({ meetings, slot: 'thu-18', timeZone: 'America/Toronto', now });
    expect(move.moved).toEqual([
      {
        id: 'this-week',
        startsAt: new Date('2027-01-14T23:00:00Z'),
        endsAt: new Date('2027-01-15T00:00:00Z'),
      },
      { id: 'next', startsAt: new Date('2027-01-21T23:00:00Z'), endsAt: new Date('2027-01-22T00:30:00Z') },
    ]);
    expect(move.kept).toEqual([]);
  });

  it('leaves alone a meeting whose new time this week has passed, and says why', () => {
    const now = new Date(new Date('2027-01-11T17:00:00Z').getTime() + hour);
    const move = moveSeriesToSlot({ meetings, slot: 'mon-09', timeZone: 'America/Toronto', now });
    expect(move.kept).toEqual([{ id: 'this-week', reason: 'its new time this week has already passed' }]);
    expect(move.moved.map((meeting) => meeting.id)).toEqual(['next']);
  });

  it('moves nothing for a slot that is not a weekly hour', () => {
    const move = moveSeriesToSlot({
      meetings,
      slot: 'someday',
      timeZone: 'America/Toronto',
      now: new Date(0),
    });
    expect(move).toEqual({ moved: [], kept: [] });
  });
});
