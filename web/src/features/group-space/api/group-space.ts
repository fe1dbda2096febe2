import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PresentedPost } from '../../../../../src/core/group-space/present-post.ts';
import { apiRequest } from '../../../lib/api-client.ts';

/** A post as the server presents it to this reader (the author is null when anonymous to them). */
export type GroupPost = PresentedPost;

export type GroupThread = GroupPost & { replies: GroupPost[] };

export type GroupSpace = {
  group: { id: string; name: string; programTitle: string };
  isFacilitator: boolean;
  guidelines: string[];
  posts: GroupThread[];
  reports: { postId: string; count: number; reasons: string[] }[];
};

const spaceKey = (groupId: string) => ['group-space', groupId];

export function useGroupSpace(groupId: string) {
  return useQuery({
    queryKey: spaceKey(groupId),
    queryFn: () => apiRequest<GroupSpace>('GET', `/api/groups/${groupId}/space`),
  });
}

/** Every change to the space refetches it: what each person may see is decided by the server. */
function useSpaceMutation<Input>(groupId: string, send: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: spaceKey(groupId) }),
  });
}

export function useCreatePost(groupId: string) {
  return useSpaceMutation(groupId, (post: { body: string; isAnonymous: boolean; parentId?: string }) =>
    apiRequest<{ id: string }>('POST', `/api/groups/${groupId}/posts`, post),
  );
}

export function useEditPost(groupId: string) {
  return useSpaceMutation(groupId, ({ postId, body }: { postId: string; body: string }) =>
    apiRequest('PATCH', `/api/groups/${groupId}/posts/${postId}`, { body }),
  );
}

export function useDeletePost(groupId: string) {
  return useSpaceMutation(groupId, (postId: string) =>
    apiRequest('DELETE', `/api/groups/${groupId}/posts/${postId}`),
  );
}

export function useReportPost(groupId: string) {
  return useSpaceMutation(groupId, ({ postId, reason }: { postId: string; reason: string }) =>
    apiRequest('POST', `/api/groups/${groupId}/posts/${postId}/reports`, { reason }),
  );
}

export function useHidePost(groupId: string) {
  return useSpaceMutation(groupId, ({ postId, reason }: { postId: string; reason: string }) =>
    apiRequest('PUT', `/api/groups/${groupId}/posts/${postId}/hidden`, { reason }),
  );
}

export function useUnhidePost(groupId: string) {
  return useSpaceMutation(groupId, (postId: string) =>
    apiRequest('DELETE', `/api/groups/${groupId}/posts/${postId}/hidden`),
  );
}

export function useDismissReports(groupId: string) {
  return useSpaceMutation(groupId, (postId: string) =>
    apiRequest('POST', `/api/groups/${groupId}/posts/${postId}/reports/dismiss`),
  );
}
