import type { Database } from '../../db/connect.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { formGroupsInWorker } from '../grouping/form-groups-in-worker.ts';
import { buildGroupingInput, readAssignment } from './grouping-input.ts';
import {
  buildFormingInput,
  countMeetingsHeld,
  type FormingOptions,
  type ReformingChoices,
} from './groups.ts';
import { findProgram } from './programs.ts';

/**
 * Who would move if the groups were re-formed now with these options, without saving anything:
 * the list a coordinator confirms before re-forming published groups. The engine is deterministic
 * for a seed, so re-forming with the same options moves exactly these people. Once a meeting has
 * happened the groups cannot be re-formed (decision 014): the preview says so instead of listing moves.
 */
export async function previewReform(
  db: Database,
  member: SignedInMember,
  programId: string,
  options: FormingOptions & Pick<ReformingChoices, 'keepManualMoves'>,
  now: Date,
) {
  const program = await findProgram(db, member.organizationId, programId);
  const saved = await readAssignment(db, programId);
  const isPublished = saved.some((group) => group.status === 'published');
  const meetingsHeld = await countMeetingsHeld(db, programId, now);
  if (meetingsHeld > 0) return { isPublished, meetingsHeld, canReform: false, moves: [], unplacedCount: 0 };
  const { names } = await buildGroupingInput(db, program);
  const result = await formGroupsInWorker(await buildFormingInput(db, program, options));
  const before = new Map(saved.flatMap((group) => group.memberIds.map((id) => [id, group] as const)));
  // Forming names groups by their order; an old group is "the same" as the new one sharing most members.
  const sameAs = new Map<string, string>();
  for (const [index, group] of result.groups.entries()) {
    let best: { name: string; shared: number } = { name: `Group ${index + 1}`, shared: 0 };
    for (const old of saved) {
      const shared = group.memberIds.filter((id) => old.memberIds.includes(id)).length;
      if (shared > best.shared) best = { name: old.name, shared };
    }
    sameAs.set(group.id, best.name);
  }
  const after = new Map(
    result.groups.flatMap((group) => group.memberIds.map((id) => [id, sameAs.get(group.id) ?? ''] as const)),
  );
  const everyone = new Set([...before.keys(), ...after.keys()]);
  const moves = [...everyone]
    .map((id) => ({
      id,
      name: names.get(id) ?? 'Withdrawn person',
      from: before.get(id)?.name ?? null,
      to: after.get(id) ?? null,
    }))
    .filter((move) => move.from !== move.to)
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    isPublished,
    meetingsHeld,
    canReform: true,
    moves,
    unplacedCount: result.unplaced.length,
  };
}
