import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instruments } from '../src/core/instruments/catalog.ts';
import { createPublishedProgram, enrolDemoPeople } from './helpers/programs.ts';
import { createTestApp, signedInClient, type TestClient, type TestContext } from './helpers/test-app.ts';

let context: TestContext;
let participant: TestClient;

type FhirItem = { linkId: string; text: string };

/** Every item answered with its scale's first option. */
function answersFor(instrumentId: string): Record<number, number> {
  const instrument = instruments.find((entry) => entry.id === instrumentId);
  if (!instrument) throw new Error(`no instrument ${instrumentId}`);
  return Object.fromEntries(
    instrument.items.map((item) => {
      const scale = instrument.responseScales.find((entry) => entry.id === item.responseScaleId);
      return [item.number, scale?.options[0]?.value as number];
    }),
  );
}

beforeAll(async () => {
  context = await createTestApp({ PUBLIC_URL: 'https://tend.example.org/' });
  const coordinator = await signedInClient(context.app, 'coordinator');
  const programId = await createPublishedProgram(coordinator, context.clock.now);
  const people = await enrolDemoPeople(context.app, programId, 1);
  participant = people.get('participant1@demo.tend.test') as TestClient;
  const hours = (count: number) => new Date(context.clock.now.getTime() + count * 3_600_000).toISOString();
  const windows = [
    { instrumentId: 'proqol-5', helperTerm: 'nurse', title: 'ProQOL for nurses' },
    { instrumentId: 'proqol-5', helperTerm: null, title: 'ProQOL' },
    { instrumentId: 'brief-resilience-scale', helperTerm: null, title: 'BRS' },
    { instrumentId: 'who-5', helperTerm: 'health care provider', title: 'WHO-5' },
  ];
  for (const window of windows) {
    const scheduled = await coordinator.request('POST', '/api/assessment-windows', {
      ...window,
      programId,
      kind: 'end-of-term',
      opensAt: hours(-1),
      closesAt: hours(24 * 7),
    });
    if (scheduled.statusCode !== 201) throw new Error(`window not scheduled: ${scheduled.body}`);
    const windowId = scheduled.json().windows[0].id;
    const submitted = await participant.request('POST', `/api/me/assessments/${windowId}/submit`, {
      answers: answersFor(window.instrumentId),
    });
    if (submitted.statusCode !== 200) throw new Error(`not submitted: ${submitted.body}`);
  }
});
afterAll(() => context.close());

describe('FHIR export', () => {
  it('points every QuestionnaireResponse at the url of the Questionnaire served there, with the same item texts', async () => {
    const { assessments } = (await participant.request('GET', '/api/me/assessments')).json();
    const answered = assessments.filter((entry: { status: string }) => entry.status === 'submitted');
    expect(answered).toHaveLength(4);
    const urls = new Set<string>();
    for (const { window } of answered) {
      const response = (await participant.request('GET', `/api/me/assessments/${window.id}/fhir`)).json();
      expect(response.resourceType).toBe('QuestionnaireResponse');
      const canonical: string = response.questionnaire;
      expect(canonical.startsWith('https://tend.example.org/api/instruments/')).toBe(true);
      urls.add(canonical);
      // Fetch the Questionnaire from the very address the response names.
      const served = await participant.request('GET', canonical.slice('https://tend.example.org'.length));
      expect(served.statusCode).toBe(200);
      const questionnaire = served.json();
      expect(questionnaire.resourceType).toBe('Questionnaire');
      expect(questionnaire.url).toBe(canonical);
      expect(response.item.length).toBeGreaterThan(0);
      for (const item of response.item as FhirItem[]) {
        const asked = (questionnaire.item as FhirItem[]).find((entry) => entry.linkId === item.linkId);
        expect(item.text).toBe(asked?.text);
      }
    }
    // Each rendering is its own Questionnaire: ProQOL for nurses is not plain ProQOL.
    expect(urls).toEqual(
      new Set([
        'https://tend.example.org/api/instruments/proqol-5/fhir?helperTerm=nurse',
        'https://tend.example.org/api/instruments/proqol-5/fhir',
        'https://tend.example.org/api/instruments/brief-resilience-scale/fhir',
        'https://tend.example.org/api/instruments/who-5/fhir?helperTerm=health%20care%20provider',
      ]),
    );
  });
});
