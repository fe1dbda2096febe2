import { Alert, Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { type PushChoices, useNotificationPreferences, useSetPushChoices } from '../api/notifications.ts';
import {
  isPushSupported,
  usePushDevices,
  useSubscribeThisDevice,
  useThisDeviceSubscription,
  useUnsubscribeThisDevice,
} from '../api/push-subscription.ts';

const choices: { key: keyof PushChoices; label: string; description: string }[] = [
  {
    key: 'meetings',
    label: 'Meetings',
    description: 'Reminders before your group meets, and when a meeting moves or is cancelled.',
  },
  {
    key: 'followUps',
    label: 'Follow-up reflections',
    description: 'When a short reflection is waiting for you.',
  },
  {
    key: 'actions',
    label: "Leadership's actions",
    description: 'When leadership posts what it is doing about reported working conditions.',
  },
];

/** Push notifications on this device, and which kinds of notice may use them (for all of a person's devices). */
export function PushSettings() {
  const preferences = useNotificationPreferences();
  const setChoices = useSetPushChoices();
  const devices = usePushDevices();
  const thisDevice = useThisDeviceSubscription();
  const subscribe = useSubscribeThisDevice();
  const unsubscribe = useUnsubscribeThisDevice();
  const error = setChoices.error ?? devices.error ?? subscribe.error ?? unsubscribe.error;
  const subscription = thisDevice.data ?? null;
  const deviceCount = devices.data?.deviceCount ?? 0;

  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Notifications on your devices
      </Title>
      <Text size="sm">
        Push notifications show the notice's title and a line about it on your lock screen, so they say only
        what the notice says about you, never another person.
        {deviceCount > 0 ? ` ${deviceCount} of your devices receive them.` : ''}
      </Text>
      {error ? (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      ) : null}
      {!isPushSupported() ? (
        <Text size="sm">This browser cannot receive push notifications; notices still appear here.</Text>
      ) : (
        <Group>
          {subscription ? (
            <Button
              variant="light"
              loading={unsubscribe.isPending}
              onClick={() => unsubscribe.mutate(subscription)}
            >
              Stop notifications on this device
            </Button>
          ) : (
            <Button
              loading={subscribe.isPending}
              disabled={!devices.data}
              onClick={() => devices.data && subscribe.mutate(devices.data.vapidPublicKey)}
            >
              Get notifications on this device
            </Button>
          )}
        </Group>
      )}
      {preferences.data
        ? choices.map((choice) => (
            <Switch
              key={choice.key}
              label={choice.label}
              description={choice.description}
              checked={preferences.data.push[choice.key]}
              disabled={setChoices.isPending}
              onChange={(event) => setChoices.mutate({ [choice.key]: event.currentTarget.checked })}
            />
          ))
        : null}
    </Stack>
  );
}
