import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';
import { useSearchablePages } from '../../../lib/searchable-pages.ts';

export type Notice = ApiResponse<'GET', '/api/notifications'>['notifications'][number];
export type NotificationPreferences = ApiResponse<'GET', '/api/me/notification-preferences'>;
export type PushChoices = NotificationPreferences['push'];

const noticesKey = ['notifications'];
const preferencesKey = ['notification-preferences'];

/**
 * Your notices a page at a time, newest first (those containing `search`, if any); each page carries
 * the unread count of all of them (also what a menu badge would show).
 */
export function useNotices(search = '') {
  return useSearchablePages(
    noticesKey,
    search,
    (page) => api('GET', '/api/notifications', { query: { limit: 50, ...page } }),
    { refetchInterval: 60_000 },
  );
}

export function useMarkNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (which: ApiBody<'POST', '/api/notifications/read'>) =>
      api('POST', '/api/notifications/read', { body: which }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: () => api('GET', '/api/me/notification-preferences'),
  });
}

export function useSetEmailEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isEmailEnabled: boolean) =>
      api('PUT', '/api/me/notification-preferences', { body: { isEmailEnabled } }),
    onSuccess: (preferences) => queryClient.setQueryData(preferencesKey, preferences),
  });
}

export function useSetPushChoices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (push: Partial<PushChoices>) =>
      api('PUT', '/api/me/notification-preferences', { body: { push } }),
    onSuccess: (preferences) => queryClient.setQueryData(preferencesKey, preferences),
  });
}

/** Makes a new calendar subscription address; the answer is the only time it is shown. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('POST', '/api/me/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preferencesKey }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api('DELETE', '/api/me/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preferencesKey }),
  });
}
