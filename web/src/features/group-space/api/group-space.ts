import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';
import { useSearchablePages } from '../../../lib/searchable-pages.ts';

export type GroupSpace = ApiResponse<'GET', '/api/groups/{groupId}/space'>;
export type GroupThread = GroupSpace['posts'][number];
/** A post as the server presents it to this reader (the author is null when anonymous to them). */
export type GroupPost = GroupThread['replies'][number];

const spaceKey = (groupId: string) => ['group-space', groupId];

/** The space with its posts a page at a time, newest first; each page repeats the group, guidelines and reports. */
export function useGroupSpace(groupId: string, search = '') {
  return useSearchablePages(spaceKey(groupId), search, (page) =>
    api('GET', '/api/groups/{groupId}/space', { path: { groupId }, query: { limit: 30, ...page } }),
  );
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
  return useSpaceMutation(groupId, (post: ApiBody<'POST', '/api/groups/{groupId}/posts'>) =>
    api('POST', '/api/groups/{groupId}/posts', { path: { groupId }, body: post }),
  );
}

export function useEditPost(groupId: string) {
  return useSpaceMutation(
    groupId,
    ({ postId, ...edit }: { postId: string } & ApiBody<'PATCH', '/api/groups/{groupId}/posts/{postId}'>) =>
      api('PATCH', '/api/groups/{groupId}/posts/{postId}', { path: { groupId, postId }, body: edit }),
  );
}

export function useDeletePost(groupId: string) {
  return useSpaceMutation(groupId, (postId: string) =>
    api('DELETE', '/api/groups/{groupId}/posts/{postId}', { path: { groupId, postId } }),
  );
}

export function useReportPost(groupId: string) {
  return useSpaceMutation(
    groupId,
    ({
      postId,
      ...report
    }: { postId: string } & ApiBody<'POST', '/api/groups/{groupId}/posts/{postId}/reports'>) =>
      api('POST', '/api/groups/{groupId}/posts/{postId}/reports', {
        path: { groupId, postId },
        body: report,
      }),
  );
}

export function useHidePost(groupId: string) {
  return useSpaceMutation(
    groupId,
    ({
      postId,
      ...hiding
    }: { postId: string } & ApiBody<'PUT', '/api/groups/{groupId}/posts/{postId}/hidden'>) =>
      api('PUT', '/api/groups/{groupId}/posts/{postId}/hidden', { path: { groupId, postId }, body: hiding }),
  );
}

export function useUnhidePost(groupId: string) {
  return useSpaceMutation(groupId, (postId: string) =>
    api('DELETE', '/api/groups/{groupId}/posts/{postId}/hidden', { path: { groupId, postId } }),
  );
}

export function useDismissReports(groupId: string) {
  return useSpaceMutation(groupId, (postId: string) =>
    api('POST', '/api/groups/{groupId}/posts/{postId}/reports/dismiss', { path: { groupId, postId } }),
  );
}
