import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** Penalty points, lower is better and 0 is ideal; `total` is the sum of the weighted parts. */
export type ScoreBreakdown = {
  total: number;
  level: number;
  discipline: number;
  interests: number;
  experience: number;
  history: number;
};

export type GroupPerson = {
  id: string;
  name: string;
  level: string | null;
  discipline: string | null;
  isFacilitator: boolean;
};

export type GroupsOverview = {
  status: 'draft' | 'published';
  groups: {
    id: string;
    name: string;
    /** A weekly hour such as 'tue-12' (Tuesdays 12:00–13:00, organisation time), or null. */
    slot: string | null;
    commonSlots: string[];
    members: (GroupPerson & { isPinned: boolean })[];
    /** Facilitators among the members: the member count includes them. */
    facilitatorCount?: number;
    score: ScoreBreakdown;
    explanation: string;
    violations: string[];
  }[];
  unassigned: (GroupPerson & {
    reason: string;
    /** Published groups only: a group that can take them now. */
    proposedGroupId?: string | null;
    /** Published groups only: they were told privately why they are in no group. */
    isTold?: boolean;
  })[];
  score: ScoreBreakdown;
  violations: string[];
  isValid: boolean;
  diagnoses: { code: string; message: string }[];
  levelMix: string | null;
};

export type Weights = {
  level: number;
  discipline: number;
  interests: number;
  experience: number;
  history: number;
};

export type FormingOptions = {
  seed: number;
  weights: Weights;
  historyMode: 'new-combinations' | 'stable';
  facilitatorsPerGroup: { min: number; max: number };
};

/** A group as the coordinator edits it: who is in it and who is pinned to it. */
export type EditedGroup = {
  id: string;
  name: string;
  slot: string | null;
  memberIds: string[];
  pinnedIds: string[];
};

export type RuleViolation = {
  rule: string;
  groupId: string | null;
  participantIds: string[];
  message: string;
};

export type GroupingEvaluation = {
  groups: {
    id: string;
    slot: string | null;
    commonSlots: string[];
    memberIds: string[];
    facilitatorIds: string[];
    score: ScoreBreakdown;
    violations: RuleViolation[];
    explanation: string;
  }[];
  unassignedIds: string[];
  score: ScoreBreakdown;
  violations: RuleViolation[];
  isValid: boolean;
};

export const groupsKey = (programId: string) => ['groups', programId];

export function useGroups(programId: string) {
  return useQuery({
    queryKey: groupsKey(programId),
    queryFn: () => apiRequest<GroupsOverview>('GET', `/api/programs/${programId}/groups`),
  });
}

/** Scores an edited assignment without saving it; `null` while nothing is edited. */
export function useGroupsEvaluation(programId: string, edited: EditedGroup[] | null) {
  return useQuery({
    queryKey: [...groupsKey(programId), 'evaluation', edited],
    queryFn: () =>
      apiRequest<GroupingEvaluation>('POST', `/api/programs/${programId}/groups/evaluate`, {
        groups: edited,
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
      apiRequest<GroupsOverview>('POST', `/api/programs/${programId}/groups/form`, options),
  );
}

export function useSaveGroups(programId: string) {
  return useGroupsMutation(programId, (groups: EditedGroup[]) =>
    apiRequest<GroupsOverview>('PUT', `/api/programs/${programId}/groups`, { groups }),
  );
}

export function usePublishGroups(programId: string) {
  return useGroupsMutation<void>(programId, () =>
    apiRequest<GroupsOverview>('POST', `/api/programs/${programId}/groups/publish`),
  );
}
