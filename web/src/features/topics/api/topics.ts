import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiResponse, api } from '../../../lib/api.ts';

export type TopicEntry = ApiResponse<'GET', '/api/topics'>['topics'][number];
export type Topic = TopicEntry['topic'];

export function useTopics() {
  return useQuery({
    queryKey: ['topics'],
    queryFn: async () => (await api('GET', '/api/topics')).topics,
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
        ? api('PUT', '/api/topics/{topicId}', { path: { topicId: entry.ref }, body: { topic, isShared } })
        : api('POST', '/api/topics', { body: { topic, isShared, basedOn: entry?.ref ?? null } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['topics'] }),
  });
}
