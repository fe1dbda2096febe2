import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiQuery, type ApiResponse, api } from '../../../lib/api.ts';
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
      return api('DELETE', '/api/session');
    },
    onSuccess: ({ providerLogoutUrl }) => {
      // Signed in through the organisation's provider: sign out there too, or the next person at this
      // device would be signed straight back in by it.
      if (providerLogoutUrl) window.location.assign(providerLogoutUrl);
      else void queryClient.resetQueries();
    },
  });
}

/** The organisation's identity providers for an address (by domain) or an organisation's address. */
export function useSignInOptions(where: ApiQuery<'GET', '/api/sso/discover'>) {
  const domain = where.email?.match(/@([^@\s]+\.[^@\s]+)$/)?.[1]?.toLowerCase();
  const query = domain
    ? { email: `someone@${domain}` }
    : where.organization
      ? { organization: where.organization }
      : null;
  return useQuery({
    queryKey: ['sign-in-options', query],
    queryFn: () => api('GET', '/api/sso/discover', { query: query ?? {} }),
    enabled: query !== null,
    staleTime: 5 * 60_000,
  });
}
