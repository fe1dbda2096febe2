import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';
import { type FormingOptions, groupsKey, useGroupsMutation } from './groups.ts';

/** One staged change to published groups: a person into a group, or (null) out of every group. */
export type GroupMove = ApiBody<'POST', '/api/programs/{programId}/groups/changes'>['moves'][number];
/** `scoreChange` is the change of the penalty: lower is better, so negative is an improvement. */
export type ChangePreview = ApiResponse<'POST', '/api/programs/{programId}/groups/changes/preview'>;
export type ChangeProblem = ChangePreview['problems'][number];
export type PlacementProposal = ApiResponse<'GET', '/api/programs/{programId}/groups/placements/{userId}'>;
export type ReformPreview = ApiResponse<'POST', '/api/programs/{programId}/groups/form/preview'>;

/** The live rule check of the staged moves; idle while nothing is staged. */
export function useChangePreview(programId: string, moves: GroupMove[]) {
  return useQuery({
    queryKey: [...groupsKey(programId), 'changes', moves],
    queryFn: () =>
      api('POST', '/api/programs/{programId}/groups/changes/preview', {
        path: { programId },
        body: { moves },
      }),
    enabled: moves.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useSaveGroupChanges(programId: string) {
  return useGroupsMutation(programId, (moves: GroupMove[]) =>
    api('POST', '/api/programs/{programId}/groups/changes', { path: { programId }, body: { moves } }),
  );
}

/** The engine's proposal for a person in no group: every group, checked, best first. */
export function usePlacementProposal(programId: string, userId: string | null) {
  return useQuery({
    queryKey: [...groupsKey(programId), 'placement', userId],
    queryFn: () =>
      api('GET', '/api/programs/{programId}/groups/placements/{userId}', {
        path: { programId, userId: userId ?? '' },
      }),
    enabled: userId !== null,
    retry: false,
  });
}

export function useTellUnplaced(programId: string) {
  return useGroupsMutation(programId, async () => {
    const { told } = await api('POST', '/api/programs/{programId}/groups/unplaced/notices', {
      path: { programId },
    });
    const overview = await api('GET', '/api/programs/{programId}/groups', { path: { programId } });
    return Object.assign(overview, { told });
  });
}

export function useReformPreview(programId: string) {
  return useMutation({
    mutationFn: (options: FormingOptions & { keepManualMoves: boolean }) =>
      api('POST', '/api/programs/{programId}/groups/form/preview', { path: { programId }, body: options }),
  });
}
