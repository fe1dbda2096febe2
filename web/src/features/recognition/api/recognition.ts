import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type RecognitionKind = 'accomplishment' | 'gratitude' | 'effort';
export type RecognitionVisibility = 'private' | 'group' | 'organization';

export const kindLabels: Record<RecognitionKind, string> = {
  gratitude: 'Thank you',
  accomplishment: 'Celebrating an accomplishment',
  effort: 'Recognising effort, whatever the outcome',
};

type Person = { id: string; name: string };

export type Recognition = {
  id: string;
  kind: RecognitionKind;
  message: string;
  visibility: RecognitionVisibility;
  group: Person | null;
  sender: Person;
  recipient: Person;
  createdAt: string;
};

export function useRecognitions() {
  return useQuery({
    queryKey: ['recognitions'],
    queryFn: () =>
      apiRequest<{ received: Recognition[]; sent: Recognition[]; wall: Recognition[] }>(
        'GET',
        '/api/recognitions',
      ),
  });
}

export function useSendRecognition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recognition: {
      recipientId: string;
      kind: RecognitionKind;
      message: string;
      visibility: RecognitionVisibility;
      groupId: string | null;
    }) => apiRequest<{ id: string }>('POST', '/api/recognitions', recognition),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['recognitions'] }),
  });
}

export function useRecognitionPreferences() {
  return useQuery({
    queryKey: ['recognition-preferences'],
    queryFn: () =>
      apiRequest<{ acceptsPublicRecognition: boolean }>('GET', '/api/me/recognition-preferences'),
  });
}

export function useSetAcceptsPublicRecognition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (acceptsPublicRecognition: boolean) =>
      apiRequest<{ acceptsPublicRecognition: boolean }>('PUT', '/api/me/recognition-preferences', {
        acceptsPublicRecognition,
      }),
    onSuccess: (preferences) => {
      queryClient.setQueryData(['recognition-preferences'], preferences);
      return queryClient.invalidateQueries({ queryKey: ['recognitions'] });
    },
  });
}
