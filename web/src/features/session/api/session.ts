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

/**
 * Signing out of a shared device also stops its push notifications: the next person to pick it up must
 * not see the last one's notices on the lock screen. Best effort; sign-out goes ahead regardless.
 */
async function stopPushOnThisDevice(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    const subscription = await registration?.pushManager?.getSubscription();
    if (!subscription) return;
    await apiRequest('DELETE', '/api/me/push-subscriptions', { endpoint: subscription.endpoint });
    await subscription.unsubscribe();
  } catch {
    // Offline or unsupported: the device stays subscribed until someone else subscribes on it or its push
    // service drops it.
  }
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await stopPushOnThisDevice();
      await apiRequest<void>('DELETE', '/api/session');
    },
    onSuccess: () => queryClient.resetQueries(),
  });
}
