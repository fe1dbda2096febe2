import { describe, expect, it } from 'vitest';
import { decideAttendanceWindow, hasMeetingEnded } from './attendance-window.ts';

const meeting = {
  startsAt: new Date('2027-01-12T17:00:00Z'),
  endsAt: new Date('2027-01-12T18:00:00Z'),
};

describe('the attendance window', () => {
  it('is not open before the meeting starts, and says when it opens', () => {
    expect(decideAttendanceWindow(meeting, new Date('2027-01-12T16:59:59Z'))).toEqual({
      state: 'not-yet',
      opensAt: meeting.startsAt,
      closesAt: new Date('2027-01-19T18:00:00Z'),
    });
  });

  it('opens at the start and stays open the chosen number of days after the end', () => {
    expect(decideAttendanceWindow(meeting, meeting.startsAt).state).toBe('open');
    expect(decideAttendanceWindow(meeting, new Date('2027-01-15T18:00:00Z'), 3).state).toBe('open');
    expect(decideAttendanceWindow(meeting, new Date('2027-01-15T18:00:01Z'), 3)).toEqual({
      state: 'closed',
      closesAt: new Date('2027-01-15T18:00:00Z'),
    });
  });

  it('closes a week after the end by default', () => {
    expect(decideAttendanceWindow(meeting, new Date('2027-01-19T17:59:00Z')).state).toBe('open');
    expect(decideAttendanceWindow(meeting, new Date('2027-01-19T18:01:00Z')).state).toBe('closed');
  });

  it('counts a meeting as ended only from its end time', () => {
    expect(hasMeetingEnded(meeting, new Date('2027-01-12T17:30:00Z'))).toBe(false);
    expect(hasMeetingEnded(meeting, meeting.endsAt)).toBe(true);
  });
});
