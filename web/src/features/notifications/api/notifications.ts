import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type Notice = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

export type PushChoices = { meetings: boolean; followUps: boolean; actions: boolean };

export type NotificationPreferences = {
  isEmailEnabled: boolean;
  push: PushChoices;
  calendarFeed: { createdAt: string } | null;
};

const noticesKey = ['notifications'];
const preferencesKey = ['notification-preferences'];

/** Your notices, newest first, with the unread count (also what a menu badge would show). */
export function useNotices() {
  return useQuery({
    queryKey: noticesKey,
    queryFn: () => apiRequest<{ notifications: Notice[]; unreadCount: number }>('GET', '/api/notifications'),
    refetchInterval: 60_000,
  });
}

export function useMarkNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (which: { ids: string[] } | { all: true }) =>
      apiRequest<{ unreadCount: number }>('POST', '/api/notifications/read', which),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: noticesKey }),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: () => apiRequest<NotificationPreferences>('GET', '/api/me/notification-preferences'),
  });
}

export function useSetEmailEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isEmailEnabled: boolean) =>
      apiRequest<NotificationPreferences>('PUT', '/api/me/notification-preferences', { isEmailEnabled }),
    onSuccess: (preferences) => queryClient.setQueryData(preferencesKey, preferences),
  });
}

export function useSetPushChoices() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (push: Partial<PushChoices>) =>
      apiRequest<NotificationPreferences>('PUT', '/api/me/notification-preferences', { push }),
    onSuccess: (preferences) => queryClient.setQueryData(preferencesKey, preferences),
  });
}

/** Makes a new calendar subscription address; the answer is the only time it is shown. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ url: string; createdAt: string }>('POST', '/api/me/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preferencesKey }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>('DELETE', '/api/me/calendar-feed'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: preferencesKey }),
  });
}
