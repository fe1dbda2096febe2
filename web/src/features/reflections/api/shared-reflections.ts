import { useQuery } from '@tanstack/react-query';
import { type ApiResponse, api } from '../../../lib/api.ts';

/** A reflection its author chose to show their group; authorName is null when shared anonymously. */
export type SharedReflection = ApiResponse<
  'GET',
  '/api/groups/{groupId}/shared-reflections'
>['reflections'][number];
export type SkillUse = SharedReflection['skillUsed'];

export function sharedReflectionsKey(groupId: string) {
  return ['reflections', 'shared', groupId] as const;
}

export function useSharedReflections(groupId: string) {
  return useQuery({
    queryKey: sharedReflectionsKey(groupId),
    queryFn: async () =>
      (await api('GET', '/api/groups/{groupId}/shared-reflections', { path: { groupId } })).reflections,
  });
}
