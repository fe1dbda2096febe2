import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workingConditionReports } from '../src/db/schema.ts';
import { demoOrganizationId } from './helpers/meeting-fixtures.ts';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

/**
 * A year of working-condition reports holds thousands of texts: the leaders' summary carries each
 * category's first page of them, and the rest come a page at a time from the same frozen release.
 */
let context: TestContext;
let leader: TestClient;
const week = '2026-11-23';
const texts = Array.from({ length: 45 }, (_, index) => `Rotas published late, week note ${index}`);

beforeAll(async () => {
  context = await createTestApp();
  // A Monday: the week of the reports has ended, so its summary is released on the first read.
  context.clock.now = new Date('2026-11-30T15:00:00Z');
  leader = await signedInClient(context.app, 'leader');
  const organizationId = await demoOrganizationId(context.connection.db);
  await context.connection.db
    .insert(workingConditionReports)
    .values(
      texts.map((text) => ({ organizationId, category: 'scheduling', unit: 'Not stated', week, text })),
    );
});
afterAll(() => context.close());

const commentsUrl = (query: string) => `/api/working-condition-reports/summary/comments?${query}`;

describe('comments of the working-condition summary', () => {
  it('come a page at a time, every released text once, unchanged by reports filed later', async () => {
    const summary = (await leader.request('GET', '/api/working-condition-reports/summary')).json();
    expect(summary.releaseWeek).toBe(week);
    const scheduling = summary.categories.find(
      (entry: { category: string }) => entry.category === 'scheduling',
    );
    expect(scheduling.comments).toMatchObject({ status: 'released', commentCount: 45, nextOffset: 20 });
    expect(scheduling.comments.comments).toHaveLength(20);

    const organizationId = await demoOrganizationId(context.connection.db);
    await context.connection.db.insert(workingConditionReports).values({
      organizationId,
      category: 'scheduling',
      unit: 'Not stated',
      week,
      text: 'Filed after the release',
    });

    const shown = [...scheduling.comments.comments];
    let offset: number | null = scheduling.comments.nextOffset;
    while (offset !== null) {
      const response = await leader.request(
        'GET',
        commentsUrl(`week=${week}&category=scheduling&offset=${offset}&limit=20`),
      );
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json();
      expect(page.commentCount).toBe(45);
      shown.push(...page.comments);
      offset = page.nextOffset;
    }
    expect([...shown].sort()).toEqual([...texts].sort());
  });

  it('answers a category with no released texts with an empty page', async () => {
    const response = await leader.request('GET', commentsUrl(`week=${week}&category=safety`));
    expect(response.json()).toEqual({ comments: [], commentCount: 0, nextOffset: null });
  });

  it('refuses a week with no release, an unknown category and a negative offset, naming each', async () => {
    const noRelease = await leader.request('GET', commentsUrl('week=2025-01-06&category=scheduling'));
    expect(noRelease.statusCode).toBe(404);
    const category = await leader.request('GET', commentsUrl(`week=${week}&category=my-manager`));
    expect(category.statusCode).toBe(400);
    expect(category.json().error.fields).toHaveProperty(['querystring.category']);
    const offset = await leader.request('GET', commentsUrl(`week=${week}&category=scheduling&offset=-1`));
    expect(offset.statusCode).toBe(400);
    expect(offset.json().error.fields).toHaveProperty(['querystring.offset']);
    const date = await leader.request('GET', commentsUrl('week=yesterday&category=scheduling'));
    expect(date.json().error.fields).toHaveProperty(['querystring.week']);
  });
});
