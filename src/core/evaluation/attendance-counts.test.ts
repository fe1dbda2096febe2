import { describe, expect, it } from 'vitest';
import { releaseAttendanceCounts } from './attendance-counts.ts';

const people = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

describe('attendance counts for an export', () => {
  it('shows counts with enough people behind them and on the other side', () => {
    const records = [
      ...people('p', 6).map((userId) => ({ userId, status: 'present' as const })),
      ...people('a', 5).map((userId) => ({ userId, status: 'absent' as const })),
    ];
    const [meeting] = releaseAttendanceCounts([{ meetingId: 'm1', records }], 5).meetings;
    expect(meeting?.recorded).toEqual({ count: 11 });
    expect(meeting?.present).toEqual({ count: 6 });
    expect(meeting?.absent).toEqual({ count: 5 });
    expect(meeting?.excused.count).toBeNull();
  });

  it('hides a count that would tell about fewer people than the minimum', () => {
    const records = [
      ...people('p', 8).map((userId) => ({ userId, status: 'present' as const })),
      { userId: 'x', status: 'absent' as const },
    ];
    const [meeting] = releaseAttendanceCounts([{ meetingId: 'm1', records }], 5).meetings;
    expect(meeting?.recorded).toEqual({ count: 9 });
    // "8 present" of 9 recorded would say one person was absent.
    expect(meeting?.present.count).toBeNull();
    expect(meeting?.absent).toMatchObject({ count: null, explanation: expect.any(String) });
  });
});
