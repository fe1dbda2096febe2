import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiResponse, api } from '../../../lib/api.ts';

/** One of the person's own posts, in any group, also one they have left. */
export type OwnPost = ApiResponse<'GET', '/api/me/posts'>['posts'][number];

/** Where the browser downloads everything Tend holds about the person (the cookie authorises it). */
export const ownDataDownloadPath = '/api/me/data';

export function useOwnPosts() {
  return useQuery({
    queryKey: ['own-posts'],
    queryFn: async () => (await api('GET', '/api/me/posts')).posts,
  });
}

export function useDeleteOwnPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (post: Pick<OwnPost, 'id' | 'groupId'>) =>
      api('DELETE', '/api/groups/{groupId}/posts/{postId}', {
        path: { groupId: post.groupId, postId: post.id },
      }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useAccountClosingStatement() {
  return useQuery({
    queryKey: ['account-closing'],
    queryFn: async () => (await api('GET', '/api/me/account-closing')).statement,
  });
}

export function useCloseAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      api('POST', '/api/me/account-closing', { body: { password, isConfirmed: true } }),
    // The session is gone: reloading what the app knows shows the sign-in page.
    onSuccess: () => queryClient.resetQueries(),
  });
}
