import { describe, expect, it } from 'vitest';
import { engagementReleasedAt } from './engagement-period.ts';

describe('engagementReleasedAt', () => {
  it('releases a week after the last follow-up step is due', () => {
    const ended = new Date('2027-01-06T18:00:00Z');
    expect(engagementReleasedAt(ended, [1, 7, 30]).toISOString()).toBe('2027-02-12T18:00:00.000Z');
    expect(engagementReleasedAt(ended, [2]).toISOString()).toBe('2027-01-15T18:00:00.000Z');
  });
});
