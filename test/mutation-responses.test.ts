import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/core/accounts/roles.ts';
import { answerDrift, jsonAnswerOf, routeName } from './helpers/answer-contract.ts';
import { meetingsAndCareSteps } from './helpers/mutations/meetings-and-care.ts';
import { lastSteps, peopleSteps } from './helpers/mutations/people-and-settings.ts';
import { programSteps } from './helpers/mutations/programs-and-groups.ts';
import type { Sender, Step } from './helpers/mutations/step.ts';
import { startOidcProvider, type TestOidcProvider } from './helpers/oidc-provider.ts';
import { type SamlIdentityProvider, startSamlIdentityProvider } from './helpers/saml-idp.ts';
import { openSeededApp, type SeededApp } from './helpers/seeded-app.ts';
import { TestClient } from './helpers/test-app.ts';

/**
 * Every route that changes something and answers JSON (POST, PUT, PATCH, DELETE) is sent once on a
 * seeded organisation, by someone allowed to, with what a person would send; what its service
 * returned must pass the route's response schema whole: not refused (the route would answer 500),
 * no key the schema would drop. Routes are found from the app itself, so a new one without a step
 * fails here until it has one, or a line below saying why it cannot be reached.
 */

/** Writes that answer JSON but no step here sends; each says why. Keep it short. */
const notReached: Record<string, string> = {};

let seeded: SeededApp;
let samlIdp: SamlIdentityProvider;
let oidcProvider: TestOidcProvider;
let steps: Step[];
const senders = new Map<Sender, TestClient>();

beforeAll(async () => {
  seeded = await openSeededApp({ SSO_ENCRYPTION_KEY: randomBytes(32).toString('hex') });
  samlIdp = await startSamlIdentityProvider();
  oidcProvider = await startOidcProvider({
    redirectUri: `${seeded.config.publicUrl}/api/sso/oidc/callback`,
    postLogoutRedirectUri: `${seeded.config.publicUrl}/sign-in`,
    people: [],
  });
  steps = [
    ...programSteps,
    ...meetingsAndCareSteps,
    // Last but signing out: connecting an identity provider changes how people sign in.
    ...peopleSteps({
      samlMetadataXml: samlIdp.metadataXml,
      oidc: {
        issuer: oidcProvider.issuer,
        clientId: oidcProvider.clientId,
        clientSecret: oidcProvider.clientSecret,
      },
    }),
    ...lastSteps,
  ];
}, 60_000);

afterAll(async () => {
  await seeded?.close();
  await samlIdp?.close();
  await oidcProvider?.close();
});

/** Routes that change something and say what they answer in JSON. */
function jsonWrites() {
  return seeded.app.apiRoutes.filter((route) => route.method !== 'GET' && jsonAnswerOf(route) !== null);
}

async function senderFor(who: Sender): Promise<TestClient> {
  const known = senders.get(who) ?? seeded.clients.get(who as Role);
  if (known) return known;
  const client = new TestClient(seeded.app, '10.31.0.1');
  if (who === 'anonymous') await client.loadSession();
  else if ((await client.signIn(who)).statusCode !== 204) throw new Error(`${who} could not sign in`);
  senders.set(who, client);
  return client;
}

describe('real answers of every route that writes', () => {
  it('has a step, or a reason it has none, for every route that writes and answers JSON', () => {
    const sent = new Set(steps.map((step) => step.route));
    const missing = jsonWrites()
      .map(routeName)
      .filter((name) => !sent.has(name) && !(name in notReached));
    expect(missing, 'routes that write and answer JSON with no step sending them').toEqual([]);
    const registered = seeded.app.apiRoutes.map(routeName);
    for (const name of [...sent, ...Object.keys(notReached)]) expect(registered, name).toContain(name);
  });

  it('every answer its service gives passes the route\u2019s schema whole', async () => {
    const routes = new Map(jsonWrites().map((route) => [routeName(route), route]));
    const problems: string[] = [];
    for (const step of steps) {
      const route = routes.get(step.route);
      const answer = route && jsonAnswerOf(route);
      if (!route || !answer) {
        problems.push(`${step.route}: no such route that writes and answers JSON`);
        continue;
      }
      await step.before?.(seeded);
      const url =
        route.url.replace(/:(\w+)/g, (_, name: string) => {
          const value = seeded.ids[step.params?.[name] ?? name];
          if (!value) throw new Error(`${step.route}: no id for ${name}`);
          return value;
        }) + (step.query ?? '');
      const client = await senderFor(step.as);
      const response = await client.request(route.method, url, await step.body?.(seeded));
      if (response.statusCode !== answer.status) {
        problems.push(`${step.route} as ${step.as}: answered ${response.statusCode} ${response.body}`);
        continue;
      }
      const drift = answerDrift(answer.schema, seeded.sent());
      if (drift) problems.push(`${step.route} as ${step.as}: ${drift}`);
      step.keep?.(response.json(), seeded.ids);
    }
    expect(problems, 'writes that failed, or answered what their schema does not say').toEqual([]);
  }, 120_000);
});
