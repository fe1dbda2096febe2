import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import { viewerTimeZone } from '../../../lib/format.ts';
import type { SkillUse } from './shared-reflections.ts';

export type Reflection = {
  id: string;
  followUpId: string;
  meetingId: string;
  topicTitle: string;
  skill: string;
  prompt: string;
  answer: string;
  skillUsed: SkillUse;
  intention: string | null;
  isSharedWithGroup: boolean;
  isSharedAnonymously: boolean;
  createdAt: string;
  updatedAt: string;
};

export type FollowUp = {
  id: string;
  kind: 'prompt' | 'catch-up';
  meetingId: string;
  meetingStartsAt: string;
  groupName: string;
  topicTitle: string;
  skill: string;
  prompt: string;
  dueAt: string;
  reflection: Reflection | null;
};

export type DueFollowUp = Pick<FollowUp, 'id' | 'kind' | 'topicTitle' | 'prompt' | 'groupName' | 'dueAt'>;

export type HabitWeek = { weekStart: string; reflectionCount: number; isPractised: boolean };

export type Journal = {
  timeZone: string;
  reflections: Reflection[];
  skillsPractised: { skill: string; count: number }[];
  habit: { weeks: HabitWeek[]; currentStreak: number; longestStreak: number };
};

export type ReflectionInput = { answer: string; skillUsed: SkillUse; intention: string | null };
export type NudgePreference = { frequency: 'every' | 'fewer' | 'none'; pausedUntil: string | null };

export function journalExportLink(format: 'markdown' | 'pdf'): string {
  return `/api/me/journal/${format}?timeZone=${encodeURIComponent(viewerTimeZone())}`;
}

export function useDueFollowUps() {
  return useQuery({
    queryKey: ['reflections', 'due'],
    queryFn: async () =>
      (await apiRequest<{ followUps: DueFollowUp[] }>('GET', '/api/me/follow-ups')).followUps,
  });
}

export function useFollowUp(followUpId: string) {
  return useQuery({
    queryKey: ['reflections', 'follow-up', followUpId],
    queryFn: () => apiRequest<FollowUp>('GET', `/api/me/follow-ups/${followUpId}`),
    // A draft being typed must not be replaced by a refetch when the window regains focus.
    refetchOnWindowFocus: false,
  });
}

export function useWriteReflection(followUpId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReflectionInput) =>
      apiRequest<Reflection>('PUT', `/api/me/follow-ups/${followUpId}/reflection`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reflections'] }),
  });
}

export function useJournal() {
  return useQuery({
    queryKey: ['reflections', 'journal'],
    queryFn: () =>
      apiRequest<Journal>('GET', `/api/me/journal?timeZone=${encodeURIComponent(viewerTimeZone())}`),
  });
}

export function useShareReflection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isShared, isAnonymous }: { id: string; isShared: boolean; isAnonymous: boolean }) =>
      apiRequest<Reflection>('PUT', `/api/me/reflections/${id}/sharing`, { isShared, isAnonymous }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reflections'] }),
  });
}

export function useNudgePreference() {
  return useQuery({
    queryKey: ['reflections', 'nudges'],
    queryFn: () => apiRequest<NudgePreference>('GET', '/api/me/nudge-preferences'),
  });
}

export function useSaveNudgePreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preference: NudgePreference) =>
      apiRequest<NudgePreference>('PUT', '/api/me/nudge-preferences', preference),
    onSuccess: (saved) => queryClient.setQueryData(['reflections', 'nudges'], saved),
  });
}
