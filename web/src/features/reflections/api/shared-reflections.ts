import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type SkillUse = 'yes' | 'tried' | 'not-yet';

/** A reflection its author chose to show their group; authorName is null when shared anonymously. */
export type SharedReflection = {
  id: string;
  authorName: string | null;
  topicTitle: string;
  prompt: string;
  answer: string;
  skillUsed: SkillUse;
  intention: string | null;
  sharedAt: string;
};

export function sharedReflectionsKey(groupId: string) {
  return ['reflections', 'shared', groupId] as const;
}

export function useSharedReflections(groupId: string) {
  return useQuery({
    queryKey: sharedReflectionsKey(groupId),
    queryFn: async () =>
      (
        await apiRequest<{ reflections: SharedReflection[] }>(
          'GET',
          `/api/groups/${groupId}/shared-reflections`,
        )
      ).reflections,
  });
}
