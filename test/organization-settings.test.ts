import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let admin: TestClient;

beforeAll(async () => {
  context = await createTestApp();
  admin = await signedInClient(context.app, 'admin');
});
afterAll(() => context.close());

async function settings() {
  return (await admin.request('GET', '/api/organization/settings')).json();
}

describe('organisation settings: comment minimum and working-condition units', () => {
  it('shows the defaults before an admin has chosen', async () => {
    const current = await settings();
    expect(current.commentMinimum).toBe(10);
    expect(current.units).toContain('Outpatient clinics');
  });

  it('saves a comment minimum and a trimmed unit list that reporters and leaders then get', async () => {
    const saved = await admin.request('PUT', '/api/organization/settings', {
      commentMinimum: 12,
      units: ['  Ward 4 ', 'Pharmacy', 'Night team'],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ commentMinimum: 12, units: ['Ward 4', 'Pharmacy', 'Night team'] });
    expect(await settings()).toMatchObject({
      commentMinimum: 12,
      units: ['Ward 4', 'Pharmacy', 'Night team'],
    });

    const participant = await signedInClient(context.app, 'participant');
    const form = (await participant.request('GET', '/api/working-condition-reports/form')).json();
    expect(form.units).toEqual(['Ward 4', 'Pharmacy', 'Night team', 'Not stated']);
    const leader = await signedInClient(context.app, 'leader');
    const summary = (await leader.request('GET', '/api/working-condition-reports/summary')).json();
    expect(summary.categories[0].comments).toMatchObject({ status: 'withheld', minimumRespondents: 12 });
  });

  it.each([
    ['below 3', { commentMinimum: 2 }, 'body.commentMinimum', /at least 5, the minimum reporting group size/],
    ['below the reporting size', { commentMinimum: 4 }, 'body.commentMinimum', /at least 5/],
    ['not whole', { commentMinimum: 7.5 }, 'body.commentMinimum', /whole number/],
    ['too large', { commentMinimum: 501 }, 'body.commentMinimum', /at most 500/],
    [
      'below a raised reporting size',
      { minimumReportingGroupSize: 8, commentMinimum: 6 },
      'body.commentMinimum',
      /at least 8/,
    ],
    [
      'exceeded by the reporting size alone',
      { minimumReportingGroupSize: 20 },
      'body.minimumReportingGroupSize',
      /comment minimum \(12\)/,
    ],
    ['an empty unit list', { units: [] }, 'body.units', /at least one/],
    ['a blank unit', { units: ['Ward 4', '   '] }, 'body.units.1', /required/],
    ['a unit listed twice', { units: ['Ward 4', 'ward 4 '] }, 'body.units.1', /twice/],
    ['"Not stated" as a unit', { units: ['Ward 4', 'Not stated'] }, 'body.units.1', /always offered/],
    ['an over-long unit', { units: ['x'.repeat(81)] }, 'body.units.0', /at most 80/],
    [
      'more than 50 units',
      { units: Array.from({ length: 51 }, (_, n) => `Unit ${n}`) },
      'body.units',
      /at most 50/,
    ],
    ['a unit that is not text', { units: [4] }, 'body.units.0', /./],
  ])('rejects %s with a 400 naming the field, and saves nothing', async (_case, body, field, message) => {
    const before = await settings();
    const response = await admin.request('PUT', '/api/organization/settings', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[field]).toMatch(message);
    expect(await settings()).toEqual(before);
  });

  it('lets the reporting size rise with the comment minimum in one request', async () => {
    const saved = await admin.request('PUT', '/api/organization/settings', {
      minimumReportingGroupSize: 15,
      commentMinimum: 15,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ minimumReportingGroupSize: 15, commentMinimum: 15 });
  });

  it('denies everyone but admins', async () => {
    for (const role of ['participant', 'facilitator', 'coordinator', 'leader'] as const) {
      const client = await signedInClient(context.app, role);
      const response = await client.request('PUT', '/api/organization/settings', { commentMinimum: 30 });
      expect(response.statusCode).toBe(403);
    }
    expect((await settings()).commentMinimum).toBe(15);
  });
});
