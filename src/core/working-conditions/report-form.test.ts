import { describe, expect, it } from 'vitest';
import { isoWeekStart, isStressorCategory } from './report-form.ts';

describe('isoWeekStart', () => {
  it('buckets every day of a week to its Monday, across months and years', () => {
    expect(isoWeekStart('2026-11-23')).toBe('2026-11-23');
    expect(isoWeekStart('2026-11-29')).toBe('2026-11-23');
    expect(isoWeekStart('2026-12-01')).toBe('2026-11-30');
    expect(isoWeekStart('2027-01-01')).toBe('2026-12-28');
  });
});

describe('isStressorCategory', () => {
  it('accepts the listed categories only', () => {
    expect(isStressorCategory('workload-and-staffing')).toBe(true);
    expect(isStressorCategory('my-manager')).toBe(false);
  });
});
