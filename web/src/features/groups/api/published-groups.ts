import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { type FormingOptions, type GroupsOverview, groupsKey, useGroupsMutation } from './groups.ts';

/** One staged change to published groups: a person into a group, or (null) out of every group. */
export type GroupMove = { userId: string; toGroupId: string | null };

export type ChangeProblem = { groupId: string | null; rule: string; ruleLabel: string; message: string };

export type ChangePreview = {
  isAllowed: boolean;
  problems: ChangeProblem[];
  /** Change of the penalty: lower is better, so negative is an improvement. */
  scoreChange: number;
  groups: { id: string; memberCount: number; facilitatorCount: number }[];
};

export type PlacementProposal = {
  person: { id: string; name: string };
  proposedGroupId: string | null;
  reason: string | null;
  candidates: {
    groupId: string;
    groupName: string;
    slot: string | null;
    memberCount: number;
    facilitatorCount: number;
    isLegal: boolean;
    isFreeAtGroupHour: boolean;
    violations: string[];
    scoreChange: number;
  }[];
};

export type ReformPreview = {
  isPublished: boolean;
  /** Meetings that have begun; once one has, the groups are not re-formed (decision 014). */
  meetingsHeld: number;
  canReform: boolean;
  moves: { id: string; name: string; from: string | null; to: string | null }[];
  unplacedCount: number;
};

/** The live rule check of the staged moves; idle while nothing is staged. */
export function useChangePreview(programId: string, moves: GroupMove[]) {
  return useQuery({
    queryKey: [...groupsKey(programId), 'changes', moves],
    queryFn: () =>
      apiRequest<ChangePreview>('POST', `/api/programs/${programId}/groups/changes/preview`, { moves }),
    enabled: moves.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useSaveGroupChanges(programId: string) {
  return useGroupsMutation(programId, (moves: GroupMove[]) =>
    apiRequest<GroupsOverview>('POST', `/api/programs/${programId}/groups/changes`, { moves }),
  );
}

/** The engine's proposal for a person in no group: every group, checked, best first. */
export function usePlacementProposal(programId: string, userId: string | null) {
  return useQuery({
    queryKey: [...groupsKey(programId), 'placement', userId],
    queryFn: () =>
      apiRequest<PlacementProposal>('GET', `/api/programs/${programId}/groups/placements/${userId}`),
    enabled: userId !== null,
    retry: false,
  });
}

export function useTellUnplaced(programId: string) {
  return useGroupsMutation(programId, async () => {
    const { told } = await apiRequest<{ told: number }>(
      'POST',
      `/api/programs/${programId}/groups/unplaced/notices`,
    );
    const overview = await apiRequest<GroupsOverview>('GET', `/api/programs/${programId}/groups`);
    return Object.assign(overview, { told });
  });
}

export function useReformPreview(programId: string) {
  return useMutation({
    mutationFn: (options: FormingOptions & { keepManualMoves: boolean }) =>
      apiRequest<ReformPreview>('POST', `/api/programs/${programId}/groups/form/preview`, options),
  });
}
