import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';
import { rememberCsrfToken } from '../../../lib/api-client.ts';

type SessionResponse = ApiResponse<'GET', '/api/session'>;
export type Member = NonNullable<SessionResponse['member']>;
export type Role = Member['role'];

export const sessionQueryKey = ['session'];

export function useSession() {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async () => {
      const session = await api('GET', '/api/session');
      rememberCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: ApiBody<'POST', '/api/session'>) =>
      api('POST', '/api/session', { body: credentials }),
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
    await api('DELETE', '/api/me/push-subscriptions', { body: { endpoint: subscription.endpoint } });
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
      await api('DELETE', '/api/session');
    },
    onSuccess: () => queryClient.resetQueries(),
  });
}
