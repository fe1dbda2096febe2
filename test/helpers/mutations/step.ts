import type { Role } from '../../../src/core/accounts/roles.ts';
import type { SeededApp } from '../seeded-app.ts';

/** Who sends a request: a role's demo sign-in, someone by e-mail address, or a browser signed in as nobody. */
export type Sender = Role | 'anonymous' | `${string}@${string}`;

/**
 * One write a person makes through the API, in the order a term would see it. The runner
 * (test/mutation-responses.test.ts) sends it on the seeded app, expects the route's success status,
 * and checks what the service returned against the route's response schema.
 */
export type Step = {
  /** `METHOD /api/path/:param`, as the route is registered. */
  route: string;
  as: Sender;
  /** Route parameters filled from an id of another name, e.g. `{ programId: 'formedProgramId' }`. */
  params?: Record<string, string>;
  query?: string;
  body?: (seeded: SeededApp) => unknown;
  /** Anything to do first that is not itself a step (e.g. enrol many people). */
  before?: (seeded: SeededApp) => Promise<void>;
  /** Keeps ids that later steps name, from the answer (already checked against its schema). */
  keep?: (answer: unknown, ids: SeededApp['ids']) => void;
};
