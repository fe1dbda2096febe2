import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api, apiUrl } from '../../../lib/api.ts';
import { viewerTimeZone } from '../../../lib/format.ts';

export type FollowUp = ApiResponse<'GET', '/api/me/follow-ups/{followUpId}'>;
export type Reflection = ApiResponse<'PUT', '/api/me/follow-ups/{followUpId}/reflection'>;
export type DueFollowUp = ApiResponse<'GET', '/api/me/follow-ups'>['followUps'][number];
export type Journal = ApiResponse<'GET', '/api/me/journal'>;
export type ReflectionInput = ApiBody<'PUT', '/api/me/follow-ups/{followUpId}/reflection'>;
export type NudgePreference = ApiResponse<'GET', '/api/me/nudge-preferences'>;

export function journalExportLink(format: 'markdown' | 'pdf'): string {
  return apiUrl(`/api/me/journal/${format}`, { query: { timeZone: viewerTimeZone() } });
}

export function useDueFollowUps() {
  return useQuery({
    queryKey: ['reflections', 'due'],
    queryFn: async () => (await api('GET', '/api/me/follow-ups')).followUps,
  });
}

export function useFollowUp(followUpId: string) {
  return useQuery({
    queryKey: ['reflections', 'follow-up', followUpId],
    queryFn: () => api('GET', '/api/me/follow-ups/{followUpId}', { path: { followUpId } }),
    // A draft being typed must not be replaced by a refetch when the window regains focus.
    refetchOnWindowFocus: false,
  });
}

export function useWriteReflection(followUpId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReflectionInput) =>
      api('PUT', '/api/me/follow-ups/{followUpId}/reflection', { path: { followUpId }, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reflections'] }),
  });
}

export function useJournal() {
  return useQuery({
    queryKey: ['reflections', 'journal'],
    queryFn: () => api('GET', '/api/me/journal', { query: { timeZone: viewerTimeZone() } }),
  });
}

export function useShareReflection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...sharing
    }: { id: string } & ApiBody<'PUT', '/api/me/reflections/{reflectionId}/sharing'>) =>
      api('PUT', '/api/me/reflections/{reflectionId}/sharing', { path: { reflectionId: id }, body: sharing }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reflections'] }),
  });
}

export function useNudgePreference() {
  return useQuery({
    queryKey: ['reflections', 'nudges'],
    queryFn: () => api('GET', '/api/me/nudge-preferences'),
  });
}

export function useSaveNudgePreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preference: NudgePreference) =>
      api('PUT', '/api/me/nudge-preferences', { body: preference }),
    onSuccess: (saved) => queryClient.setQueryData(['reflections', 'nudges'], saved),
  });
}
