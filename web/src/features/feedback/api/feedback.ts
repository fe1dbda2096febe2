import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';
import { viewerTimeZone } from '../../../lib/format.ts';

export type FeedbackForm = ApiResponse<'GET', '/api/meetings/{meetingId}/feedback'>;
/** What the form sends; preferred times are in the viewer's own time zone. */
export type FeedbackAnswers = Required<
  Omit<ApiBody<'PUT', '/api/meetings/{meetingId}/feedback'>, 'timeZone'>
>;
export type ProgramFeedback = ApiResponse<'GET', '/api/programs/{programId}/feedback'>;
export type RatingFigure = ProgramFeedback['overall'];
export type CommentRelease = ProgramFeedback['keep'];
export type FeedbackResponse = ApiResponse<'POST', '/api/programs/{programId}/feedback-responses'>;

export function useFeedbackForm(meetingId: string) {
  return useQuery({
    queryKey: ['feedback-form', meetingId],
    // Preferred times are shown and ticked in the viewer's own time zone.
    queryFn: () =>
      api('GET', '/api/meetings/{meetingId}/feedback', {
        path: { meetingId },
        query: { timeZone: viewerTimeZone() },
      }),
    retry: false,
  });
}

export function useSaveFeedback(meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: FeedbackAnswers) =>
      api('PUT', '/api/meetings/{meetingId}/feedback', {
        path: { meetingId },
        body: { ...answers, timeZone: viewerTimeZone() },
      }),
    onSuccess: (form) => client.setQueryData(['feedback-form', meetingId], form),
  });
}

export function useProgramFeedback(programId: string) {
  return useQuery({
    queryKey: ['program-feedback', programId],
    queryFn: () => api('GET', '/api/programs/{programId}/feedback', { path: { programId } }),
  });
}

export function useFeedbackResponses(programId: string) {
  return useQuery({
    queryKey: ['feedback-responses', programId],
    queryFn: () => api('GET', '/api/programs/{programId}/feedback-responses', { path: { programId } }),
  });
}

export function usePostFeedbackResponse(programId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (note: ApiBody<'POST', '/api/programs/{programId}/feedback-responses'>) =>
      api('POST', '/api/programs/{programId}/feedback-responses', { path: { programId }, body: note }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['feedback-responses', programId] }),
  });
}

export type ProgramGroup = ApiResponse<'GET', '/api/programs/{programId}/groups'>['groups'][number];

/** The program's published groups, to apply a recommended time to one of them. */
export function useProgramGroups(programId: string) {
  return useQuery({
    queryKey: ['groups', programId],
    queryFn: () => api('GET', '/api/programs/{programId}/groups', { path: { programId } }),
  });
}

/** Moves a group's meetings still ahead to a weekly time; its members are told. */
export function useSetGroupTime(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, ...time }: { groupId: string } & ApiBody<'PUT', '/api/groups/{groupId}/time'>) =>
      api('PUT', '/api/groups/{groupId}/time', { path: { groupId }, body: time }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['groups', programId] }),
  });
}

/** Adds a recommended topic at the end of the program's curriculum. */
export function useAddTopicToCurriculum(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (topicId: string) => {
      const program = await api('GET', '/api/programs/{programId}', { path: { programId } });
      if (program.topicIds.includes(topicId)) return { isAlreadyThere: true };
      await api('PATCH', '/api/programs/{programId}', {
        path: { programId },
        body: { topicIds: [...program.topicIds, topicId] },
      });
      return { isAlreadyThere: false };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['programs'] }),
  });
}
