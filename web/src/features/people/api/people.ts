import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { Role } from '../../session/api/session.ts';

export type Person = {
  id: string;
  name: string;
  email: string;
  role: Role;
  level: string | null;
  discipline: string | null;
  hasPassword: boolean;
  isDisabled: boolean;
  invitation: { sentAt: string; expiresAt: string } | null;
};

export type NewPerson = {
  name: string;
  email: string;
  role: Role;
  level: string | null;
  discipline: string | null;
};

export type ImportReport = {
  created: { row: number; email: string; name: string }[];
  rejected: { row: number; email: string; reasons: string[] }[];
};

const peopleKey = ['people'];

type PeoplePage = { users: Person[]; nextCursor: string | null; notYetActiveCount: number };

/** The people list a page at a time, by name; `search` matches names and e-mail addresses. */
export function usePeople(search: string) {
  const trimmed = search.trim();
  return useInfiniteQuery({
    queryKey: [...peopleKey, trimmed],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ limit: '100' });
      if (trimmed) query.set('search', trimmed);
      if (pageParam) query.set('after', pageParam);
      return apiRequest<PeoplePage>('GET', `/api/users?${query}`);
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (person: NewPerson) => apiRequest<Person>('POST', '/api/users', person),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: { id: string } & Partial<Omit<Person, 'id'>>) =>
      apiRequest<Person>('PATCH', `/api/users/${id}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useImportRoster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => apiRequest<ImportReport>('POST', '/api/users/import', { csv }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

/** E-mails (or e-mails again) the person their link; the link itself never comes back to the admin. */
export function useInvitePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest<{ email: string; expiresAt: string }>('POST', `/api/users/${id}/invitation`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}

export function useInviteEveryone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ invited: number }>('POST', '/api/users/invitations'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKey }),
  });
}
