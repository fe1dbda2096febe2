import { describe, expect, it } from 'vitest';
import { apiUrl } from '../web/src/lib/api.ts';

describe("the web client's addresses", () => {
  it('fills path parameters and appends the query, as the hand-written addresses did', () => {
    expect(apiUrl('/api/me/follow-ups/{followUpId}', { path: { followUpId: 'abc' } })).toBe(
      '/api/me/follow-ups/abc',
    );
    expect(apiUrl('/api/me/journal', { query: { timeZone: 'America/Toronto' } })).toBe(
      `/api/me/journal?timeZone=${encodeURIComponent('America/Toronto')}`,
    );
    expect(
      apiUrl('/api/outcomes', {
        query: { instrumentId: 'who-5', breakdown: 'program', programId: undefined },
      }),
    ).toBe('/api/outcomes?instrumentId=who-5&breakdown=program');
  });

  it('refuses a path whose parameter is missing', () => {
    expect(() => apiUrl('/api/groups/{groupId}/space')).toThrow(/groupId/);
  });
});
