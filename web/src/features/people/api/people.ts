import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';

type PeoplePage = ApiResponse<'GET', '/api/users'>;
export type Person = PeoplePage['users'][number];
export type NewPerson = ApiBody<'POST', '/api/users'>;
export type ImportReport = ApiResponse<'POST', '/api/users/import'>;

const peopleKey = ['people'];

/** The people list a page at a time, by name; `search` matches names and e-mail addresses. */
export function usePeople(search: string) {
  const trimmed = search.trim();
  return useInfiniteQuery({
    queryKey: [...peopleKey, trimmed],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api('GET', '/api/users', {
        query: { limit: 100, search: trimmed || undefined, after: pageParam ?? undefined },
      }),
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (person: NewPerson) => api('POST', '/api/users', { body: person }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: { id: string } & ApiBody<'PATCH', '/api/users/{id}'>) =>
      api('PATCH', '/api/users/{id}', { path: { id }, body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useImportRoster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => api('POST', '/api/users/import', { body: { csv } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

/** E-mails (or e-mails again) the person their link; the link itself never comes back to the admin. */
export function useInvitePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('POST', '/api/users/{id}/invitation', { path: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useInviteEveryone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('POST', '/api/users/invitations'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}
