import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';

export type Recognition = ApiResponse<'GET', '/api/recognitions'>['received'][number];
export type RecognitionKind = Recognition['kind'];
export type RecognitionVisibility = Recognition['visibility'];

export const kindLabels: Record<RecognitionKind, string> = {
  gratitude: 'Thank you',
  accomplishment: 'Celebrating an accomplishment',
  effort: 'Recognising effort, whatever the outcome',
};

export function useRecognitions() {
  return useQuery({
    queryKey: ['recognitions'],
    queryFn: () => api('GET', '/api/recognitions'),
  });
}

export function useSendRecognition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recognition: ApiBody<'POST', '/api/recognitions'>) =>
      api('POST', '/api/recognitions', { body: recognition }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['recognitions'] }),
  });
}

export function useRecognitionPreferences() {
  return useQuery({
    queryKey: ['recognition-preferences'],
    queryFn: () => api('GET', '/api/me/recognition-preferences'),
  });
}

export function useSetAcceptsPublicRecognition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (acceptsPublicRecognition: boolean) =>
      api('PUT', '/api/me/recognition-preferences', { body: { acceptsPublicRecognition } }),
    onSuccess: (preferences) => {
      queryClient.setQueryData(['recognition-preferences'], preferences);
      return queryClient.invalidateQueries({ queryKey: ['recognitions'] });
    },
  });
}
