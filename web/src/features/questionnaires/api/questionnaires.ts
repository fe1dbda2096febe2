import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';

export type OwnAssessment = ApiResponse<'GET', '/api/me/assessments'>['assessments'][number];
export type AssessmentWindow = OwnAssessment['window'];
export type ResponseStatus = OwnAssessment['status'];
export type Questionnaire = ApiResponse<'GET', '/api/me/assessments/{windowId}'>;
export type SubscaleScore = NonNullable<Questionnaire['scores']>[number];
export type OwnResults = ApiResponse<'GET', '/api/me/results'>;
export type PersonalResult = OwnResults['results'][number];
export type SupportMessage = NonNullable<OwnResults['support']>;

export function useOwnAssessments() {
  return useQuery({
    queryKey: ['my-assessments'],
    queryFn: () => api('GET', '/api/me/assessments'),
  });
}

export function useQuestionnaire(windowId: string) {
  return useQuery({
    queryKey: ['my-assessments', windowId],
    queryFn: () => api('GET', '/api/me/assessments/{windowId}', { path: { windowId } }),
  });
}

export function useSaveAnswers(windowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      answers,
      mode,
    }: {
      answers: ApiBody<'PUT', '/api/me/assessments/{windowId}/draft'>['answers'];
      mode: 'draft' | 'submit';
    }) =>
      mode === 'draft'
        ? api('PUT', '/api/me/assessments/{windowId}/draft', { path: { windowId }, body: { answers } })
        : api('POST', '/api/me/assessments/{windowId}/submit', { path: { windowId }, body: { answers } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['my-assessments'] });
      void queryClient.invalidateQueries({ queryKey: ['my-results'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export function useOwnResults(enabled = true) {
  return useQuery({
    queryKey: ['my-results'],
    enabled,
    queryFn: () => api('GET', '/api/me/results'),
  });
}
