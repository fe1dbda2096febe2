/** How often a person wants to be nudged about follow-ups, and whether nudges are paused. */
import { and, eq } from 'drizzle-orm';
import type { NudgePreference } from '../../core/reflection/decide-follow-up-delivery.ts';
import type { Database } from '../../db/connect.ts';
import { nudgePreferences } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';

export async function readNudgePreference(db: Database, member: SignedInMember) {
  const [row] = await db
    .select()
    .from(nudgePreferences)
    .where(
      and(
        eq(nudgePreferences.organizationId, member.organizationId),
        eq(nudgePreferences.userId, member.userId),
      ),
    );
  return presentPreference(row ?? { frequency: 'every', pausedUntil: null });
}

export async function saveNudgePreference(db: Database, member: SignedInMember, preference: NudgePreference) {
  const [row] = await db
    .insert(nudgePreferences)
    .values({ organizationId: member.organizationId, userId: member.userId, ...preference })
    .onConflictDoUpdate({
      target: [nudgePreferences.organizationId, nudgePreferences.userId],
      set: preference,
    })
    .returning();
  if (!row) throw new Error('upsert returned no preference');
  return presentPreference(row);
}

function presentPreference(row: NudgePreference) {
  return { frequency: row.frequency, pausedUntil: row.pausedUntil?.toISOString() ?? null };
}
