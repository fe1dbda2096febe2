import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrganizationSettings } from '../src/server/services/organization.ts';
import { demoOrganizationId } from './helpers/meeting-fixtures.ts';
import { createPublishedProgram, enrolmentBody } from './helpers/programs.ts';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let participant: TestClient;
let programId: string;
let organizationZone: string;
beforeAll(async () => {
  context = await createTestApp();
  const coordinator = await signedInClient(context.app, 'coordinator');
  programId = await createPublishedProgram(coordinator, context.clock.now);
  participant = await signedInClient(context.app, 'participant');
  const { db } = context.connection;
  organizationZone = (await findOrganizationSettings(db, await demoOrganizationId(db))).timeZone;
});
afterAll(() => context.close());

describe('entering availability in a stated time zone', () => {
  it("offers the organisation's zone before anything is entered, not the browser's", async () => {
    const own = (await participant.request('GET', `/api/programs/${programId}/enrollment`)).json();
    expect(own.enrollment).toBeNull();
    expect(own.defaults.timeZone).toBe(organizationZone);
  });

  it('keeps the zone a person chose and shows their hours back in it', async () => {
    const elsewhere = organizationZone === 'Europe/Paris' ? 'America/Toronto' : 'Europe/Paris';
    const enrolled = await participant.request(
      'PUT',
      `/api/programs/${programId}/enrollment`,
      enrolmentBody({ timeZone: elsewhere, availability: ['tue-12', 'sat-09'] }),
    );
    expect(enrolled.statusCode).toBe(200);
    const own = (await participant.request('GET', `/api/programs/${programId}/enrollment`)).json();
    expect(own.enrollment.timeZone).toBe(elsewhere);
    expect([...own.enrollment.availability].sort()).toEqual(['sat-09', 'tue-12']);
    // The organisation's zone is still offered as the default to switch back to.
    expect(own.defaults.timeZone).toBe(organizationZone);
  });

  it('refuses an unknown time zone, naming the field', async () => {
    const response = await participant.request(
      'PUT',
      `/api/programs/${programId}/enrollment`,
      enrolmentBody({ timeZone: 'Mars/Olympus_Mons' }),
    );
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields ?? {})).toContain('body.timeZone');
  });
});
