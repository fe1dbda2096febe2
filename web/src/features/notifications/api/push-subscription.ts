import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, api } from '../../../lib/api.ts';

const devicesKey = ['push-devices'];
const thisDeviceKey = ['push-this-device'];

/** Whether this browser can receive push at all (a service worker and the Push API, over https or localhost). */
export function isPushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

export function usePushDevices() {
  return useQuery({
    queryKey: devicesKey,
    queryFn: () => api('GET', '/api/me/push-subscriptions'),
  });
}

/** This browser's own subscription, if it has one. */
export function useThisDeviceSubscription() {
  return useQuery({
    queryKey: thisDeviceKey,
    enabled: isPushSupported(),
    queryFn: async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return (await registration?.pushManager.getSubscription()) ?? null;
    },
  });
}

function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/**
 * Asks the person (the browser's own prompt) and subscribes this device with the server's key, then
 * hands the subscription to the server. A refusal is an answer, not an error: nothing is sent.
 */
export function useSubscribeThisDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (vapidPublicKey: string) => {
      const permission = await Notification.requestPermission();
      if (permission !== 'granted') {
        throw new Error(
          'Notifications are blocked for Tend in this browser. Allow them in the site settings, then try again.',
        );
      }
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager
        .subscribe({ userVisibleOnly: true, applicationServerKey: decodeBase64Url(vapidPublicKey) })
        .catch((error: Error) => {
          throw new Error(
            `This browser could not set up notifications (${error.message}). Notices still appear here and by e-mail.`,
          );
        });
      // The browser's own JSON of a subscription is what the server takes (endpoint and keys).
      const body = subscription.toJSON() as ApiBody<'PUT', '/api/me/push-subscriptions'>;
      return api('PUT', '/api/me/push-subscriptions', { body });
    },
    onSuccess: (devices) => {
      queryClient.setQueryData(devicesKey, devices);
      return queryClient.invalidateQueries({ queryKey: thisDeviceKey });
    },
  });
}

export function useUnsubscribeThisDevice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (subscription: PushSubscription) => {
      const devices = await api('DELETE', '/api/me/push-subscriptions', {
        body: { endpoint: subscription.endpoint },
      });
      await subscription.unsubscribe();
      return devices;
    },
    onSuccess: (devices) => {
      queryClient.setQueryData(devicesKey, devices);
      return queryClient.invalidateQueries({ queryKey: thisDeviceKey });
    },
  });
}
