import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type Topic = {
  id: string;
  title: string;
  summary: string;
  goals: string[];
  facilitatorBriefing: string[];
  openingCheckIn: string;
  discussionPrompts: { text: string; facilitatorNote?: string; suggestedMinutes?: number }[];
  practice: { name: string; steps: string[]; minutes: number };
  followUpPrompts: string[];
  skill: string;
  catchUpSummary: string;
  audiences: string[];
  tags: string[];
  estimatedMinutes: number;
};

export type TopicEntry = {
  ref: string;
  source: 'tend' | 'organization' | 'shared';
  sharedBy: string | null;
  isShared: boolean;
  basedOn: string | null;
  topic: Topic;
};

export function useTopics() {
  return useQuery({
    queryKey: ['topics'],
    queryFn: async () => (await apiRequest<{ topics: TopicEntry[] }>('GET', '/api/topics')).topics,
  });
}

export function useSaveTopic() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      entry,
      topic,
      isShared,
    }: {
      entry: TopicEntry | null;
      topic: Topic;
      isShared: boolean;
    }) =>
      entry?.source === 'organization'
        ? apiRequest<TopicEntry>('PUT', `/api/topics/${entry.ref}`, { topic, isShared })
        : apiRequest<TopicEntry>('POST', '/api/topics', { topic, isShared, basedOn: entry?.ref ?? null }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['topics'] }),
  });
}
