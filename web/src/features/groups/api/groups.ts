import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';

export type GroupsOverview = ApiResponse<'GET', '/api/programs/{programId}/groups'>;
/** Penalty points, lower is better and 0 is ideal; `total` is the sum of the weighted parts. */
export type ScoreBreakdown = GroupsOverview['score'];
export type GroupPerson = Omit<GroupsOverview['groups'][number]['members'][number], 'isPinned'>;

type FormRequest = ApiBody<'POST', '/api/programs/{programId}/groups/form'>;
export type Weights = NonNullable<FormRequest['weights']>;
/** Every forming option the coordinator sets (the server fills in any left out). */
export type FormingOptions = Required<
  Pick<FormRequest, 'seed' | 'weights' | 'historyMode' | 'facilitatorsPerGroup'>
>;

/** A group as the coordinator edits it: who is in it and who is pinned to it. */
export type EditedGroup = Required<ApiBody<'PUT', '/api/programs/{programId}/groups'>['groups'][number]>;

export type GroupingEvaluation = ApiResponse<'POST', '/api/programs/{programId}/groups/evaluate'>;
export type RuleViolation = GroupingEvaluation['violations'][number];

export const groupsKey = (programId: string) => ['groups', programId];

export function useGroups(programId: string) {
  return useQuery({
    queryKey: groupsKey(programId),
    queryFn: () => api('GET', '/api/programs/{programId}/groups', { path: { programId } }),
  });
}

/** Scores an edited assignment without saving it; `null` while nothing is edited. */
export function useGroupsEvaluation(programId: string, edited: EditedGroup[] | null) {
  return useQuery({
    queryKey: [...groupsKey(programId), 'evaluation', edited],
    queryFn: () =>
      api('POST', '/api/programs/{programId}/groups/evaluate', {
        path: { programId },
        body: { groups: edited ?? [] },
      }),
    enabled: edited !== null,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useGroupsMutation<Input>(
  programId: string,
  request: (input: Input) => Promise<GroupsOverview>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (overview) => {
      queryClient.setQueryData(groupsKey(programId), overview);
      // The program page's overview lists the groups and their meetings.
      return queryClient.invalidateQueries({ queryKey: ['overview', programId] });
    },
  });
}

export function useFormGroups(programId: string) {
  return useGroupsMutation(
    programId,
    (options: FormingOptions & { keepManualMoves: boolean; confirmMoves: boolean }) =>
      api('POST', '/api/programs/{programId}/groups/form', { path: { programId }, body: options }),
  );
}

export function useSaveGroups(programId: string) {
  return useGroupsMutation(programId, (groups: EditedGroup[]) =>
    api('PUT', '/api/programs/{programId}/groups', { path: { programId }, body: { groups } }),
  );
}

export function usePublishGroups(programId: string) {
  return useGroupsMutation<void>(programId, () =>
    api('POST', '/api/programs/{programId}/groups/publish', { path: { programId } }),
  );
}
