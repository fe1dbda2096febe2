import { describe, expect, it } from 'vitest';
import { describeMeetingPlace, resolveMeetingPlace } from './meeting-place.ts';

describe("a meeting's place", () => {
  it("is the group's unless the meeting sets its own", () => {
    const group = { place: 'Room 4.12', videoUrl: 'https://video.example.org/a' };
    expect(resolveMeetingPlace({ place: null, videoUrl: null }, group)).toEqual(group);
    expect(resolveMeetingPlace({ place: 'Library', videoUrl: null }, group)).toEqual({
      place: 'Library',
      videoUrl: 'https://video.example.org/a',
    });
  });

  it('reads as one line, and says when nothing is known yet', () => {
    expect(describeMeetingPlace({ place: 'Room 2', videoUrl: null })).toBe('Room 2');
    expect(describeMeetingPlace({ place: null, videoUrl: 'https://v.example.org/x' })).toBe(
      'Video call: https://v.example.org/x',
    );
    expect(describeMeetingPlace({ place: null, videoUrl: null })).toBe('Place to be announced');
  });
});
