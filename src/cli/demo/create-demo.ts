import type { Database } from '../../db/connect.ts';
import {
  createDemoOrganization,
  ensureDemoOrganization,
  removeDemoOrganization,
} from '../../server/services/demo-organization.ts';
import { createDemoTerm } from './demo-term.ts';

export type DemoOptions = {
  /** False leaves the organisation with its people only, for journeys that build their own term. */
  withTerm: boolean;
  now: Date;
};

/** `tend demo`: the demo organisation beside any others; false when it is already there. */
export async function createDemo(db: Database, options: DemoOptions): Promise<boolean> {
  return withTerm(db, await createDemoOrganization(db), options);
}

/** `npm start` in development: the demo on a database that has no organisation yet. */
export async function ensureDemo(db: Database, options: DemoOptions): Promise<boolean> {
  return withTerm(db, await ensureDemoOrganization(db), options);
}

/** A demo whose term could not be made is removed again, so the next start makes a whole one. */
async function withTerm(db: Database, organizationId: string | null, options: DemoOptions): Promise<boolean> {
  if (organizationId === null) return false;
  if (!options.withTerm) return true;
  try {
    await createDemoTerm(db, organizationId, options.now);
  } catch (error) {
    await removeDemoOrganization(db);
    throw error;
  }
  return true;
}
