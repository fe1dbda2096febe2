import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeedbackSummary } from '../../../../../src/core/feedback/summarize-feedback.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { viewerTimeZone } from '../../../lib/format.ts';

export type FeedbackAnswers = {
  usefulness: number;
  feltSafe: number;
  keep: string;
  change: string;
  topicsWanted: string[];
  preferredTimes: string[];
};

export type FeedbackForm = {
  meeting: {
    id: string;
    sequence: number;
    startsAt: string;
    groupName: string;
    programId: string;
    programTitle: string;
    topicTitle: string | null;
  };
  isOpen: boolean;
  closedReason: string | null;
  timeZone: string;
  topicChoices: { id: string; title: string }[];
  feedback: (FeedbackAnswers & { updatedAt: string }) | null;
};

/** The released summary, as the server's core builds it: one definition for both sides. */
export type { FoldedCommentRelease as CommentRelease } from '../../../../../src/core/feedback/fold-comments.ts';
export type { ReleasedFigure } from '../../../../../src/core/feedback/summarize-feedback.ts';
export type ProgramFeedback = FeedbackSummary & {
  program: { id: string; title: string };
  timeZone: string;
};

export type FeedbackResponse = { id: string; youSaid: string; weDid: string; postedAt: string };

export function useFeedbackForm(meetingId: string) {
  return useQuery({
    queryKey: ['feedback-form', meetingId],
    // Preferred times are shown and ticked in the viewer's own time zone.
    queryFn: () =>
      apiRequest<FeedbackForm>(
        'GET',
        `/api/meetings/${meetingId}/feedback?timeZone=${encodeURIComponent(viewerTimeZone())}`,
      ),
    retry: false,
  });
}

export function useSaveFeedback(meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: FeedbackAnswers) =>
      apiRequest<FeedbackForm>('PUT', `/api/meetings/${meetingId}/feedback`, {
        ...answers,
        timeZone: viewerTimeZone(),
      }),
    onSuccess: (form) => client.setQueryData(['feedback-form', meetingId], form),
  });
}

export function useProgramFeedback(programId: string) {
  return useQuery({
    queryKey: ['program-feedback', programId],
    queryFn: () => apiRequest<ProgramFeedback>('GET', `/api/programs/${programId}/feedback`),
  });
}

export function useFeedbackResponses(programId: string) {
  return useQuery({
    queryKey: ['feedback-responses', programId],
    queryFn: () =>
      apiRequest<{ responses: FeedbackResponse[] }>('GET', `/api/programs/${programId}/feedback-responses`),
  });
}

export function usePostFeedbackResponse(programId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: { youSaid: string; weDid: string }) =>
      apiRequest<FeedbackResponse>('POST', `/api/programs/${programId}/feedback-responses`, note),
    onSuccess: () => client.invalidateQueries({ queryKey: ['feedback-responses', programId] }),
  });
}

export type ProgramGroup = { id: string; name: string; slot: string | null; commonSlots: string[] };

/** The program's published groups, to apply a recommended time to one of them. */
export function useProgramGroups(programId: string) {
  return useQuery({
    queryKey: ['groups', programId],
    queryFn: () =>
      apiRequest<{ status: 'draft' | 'published'; groups: ProgramGroup[] }>(
        'GET',
        `/api/programs/${programId}/groups`,
      ),
  });
}

/** Moves a group's meetings still ahead to a weekly time; its members are told. */
export function useSetGroupTime(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, slot }: { groupId: string; slot: string }) =>
      apiRequest<{ movedCount: number; keptCount: number }>('PUT', `/api/groups/${groupId}/time`, { slot }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['groups', programId] }),
  });
}

/** Adds a recommended topic at the end of the program's curriculum. */
export function useAddTopicToCurriculum(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (topicId: string) => {
      const program = await apiRequest<{ topicIds: string[] }>('GET', `/api/programs/${programId}`);
      if (program.topicIds.includes(topicId)) return { isAlreadyThere: true };
      await apiRequest('PATCH', `/api/programs/${programId}`, { topicIds: [...program.topicIds, topicId] });
      return { isAlreadyThere: false };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['programs'] }),
  });
}
