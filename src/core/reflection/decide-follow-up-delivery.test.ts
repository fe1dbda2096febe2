import { describe, expect, it } from 'vitest';
import { decideFollowUpDelivery, defaultNudgePreference } from './decide-follow-up-delivery.ts';

const now = new Date('2027-01-20T12:00:00Z');
const base = {
  kind: 'prompt' as const,
  now,
  isAnswered: false,
  isWithdrawn: false,
  isSupersededByLaterStep: false,
  preference: defaultNudgePreference,
  lastSentAt: null,
};

describe('decideFollowUpDelivery', () => {
  it('sends a due prompt to someone who has not answered', () => {
    expect(decideFollowUpDelivery(base)).toEqual({ action: 'send' });
  });

  it('never nudges someone who withdrew, already answered, or opted out', () => {
    expect(decideFollowUpDelivery({ ...base, isWithdrawn: true })).toEqual({
      action: 'skip',
      reason: 'withdrawn',
    });
    expect(decideFollowUpDelivery({ ...base, isAnswered: true })).toEqual({
      action: 'skip',
      reason: 'answered',
    });
    expect(decideFollowUpDelivery({ ...base, preference: { frequency: 'none', pausedUntil: null } })).toEqual(
      {
        action: 'skip',
        reason: 'opted-out',
      },
    );
  });

  it('holds nudges while paused and sends again once the pause ends', () => {
    const pausedUntil = new Date('2027-01-21T00:00:00Z');
    const preference = { frequency: 'every' as const, pausedUntil };
    expect(decideFollowUpDelivery({ ...base, preference })).toEqual({ action: 'skip', reason: 'paused' });
    expect(decideFollowUpDelivery({ ...base, preference, now: new Date('2027-01-21T00:00:01Z') })).toEqual({
      action: 'send',
    });
  });

  it('with fewer nudges, sends at most one a week', () => {
    const preference = { frequency: 'fewer' as const, pausedUntil: null };
    expect(
      decideFollowUpDelivery({ ...base, preference, lastSentAt: new Date('2027-01-15T12:00:00Z') }),
    ).toEqual({ action: 'skip', reason: 'fewer' });
    expect(
      decideFollowUpDelivery({ ...base, preference, lastSentAt: new Date('2027-01-13T12:00:00Z') }),
    ).toEqual({ action: 'send' });
  });

  it('skips an older prompt when a later one for the same meeting is already due', () => {
    expect(decideFollowUpDelivery({ ...base, isSupersededByLaterStep: true })).toEqual({
      action: 'skip',
      reason: 'superseded',
    });
  });

  it('sends a catch-up summary even though it cannot be answered', () => {
    expect(decideFollowUpDelivery({ ...base, kind: 'catch-up', isAnswered: true })).toEqual({
      action: 'send',
    });
  });
});
