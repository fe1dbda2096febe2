import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, rememberCsrfToken } from '../../../lib/api-client.ts';

export type Role = 'admin' | 'coordinator' | 'facilitator' | 'participant' | 'leader';

export type Member = {
  userId: string;
  organizationId: string;
  name: string;
  email: string;
  role: Role;
  level: string | null;
  discipline: string | null;
};

type SessionResponse = { csrfToken: string; member: Member | null };

export const sessionQueryKey = ['session'];

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async () => {
      const session = await apiRequest<SessionResponse>('GET', '/api/session');
      rememberCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      apiRequest<void>('POST', '/api/session', credentials),
    onSuccess: () => queryClient.resetQueries(),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('DELETE', '/api/session'),
    onSuccess: () => queryClient.resetQueries(),
  });
}
