import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** One of the person's own posts, in any group, also one they have left. */
export type OwnPost = {
  id: string;
  groupId: string;
  groupName: string;
  programTitle: string;
  isReply: boolean;
  isAnonymous: boolean;
  isHidden: boolean;
  isStillMember: boolean;
  body: string;
  /** An instant, or only the day (YYYY-MM-DD) for an anonymous post. */
  createdAt: string;
};

/** Where the browser downloads everything Tend holds about the person (the cookie authorises it). */
export const ownDataDownloadPath = '/api/me/data';

export function useOwnPosts() {
  return useQuery({
    queryKey: ['own-posts'],
    queryFn: async () => (await apiRequest<{ posts: OwnPost[] }>('GET', '/api/me/posts')).posts,
  });
}

export function useDeleteOwnPost() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (post: Pick<OwnPost, 'id' | 'groupId'>) =>
      apiRequest<void>('DELETE', `/api/groups/${post.groupId}/posts/${post.id}`),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useAccountClosingStatement() {
  return useQuery({
    queryKey: ['account-closing'],
    queryFn: async () =>
      (await apiRequest<{ statement: string[] }>('GET', '/api/me/account-closing')).statement,
  });
}

export function useCloseAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      apiRequest<void>('POST', '/api/me/account-closing', { password, isConfirmed: true }),
    // The session is gone: reloading what the app knows shows the sign-in page.
    onSuccess: () => queryClient.resetQueries(),
  });
}
