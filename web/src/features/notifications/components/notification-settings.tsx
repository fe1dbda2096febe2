import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Loader,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { describeDateTime } from '../../../lib/format.ts';
import {
  useCreateCalendarFeed,
  useNotificationPreferences,
  useRevokeCalendarFeed,
  useSetEmailEnabled,
} from '../api/notifications.ts';
import { PushSettings } from './push-settings.tsx';

/** E-mail on or off, push notifications, and the private calendar subscription address (shown once, copyable, revocable). */
export function NotificationSettings() {
  const preferences = useNotificationPreferences();
  const setEmailEnabled = useSetEmailEnabled();
  const createFeed = useCreateCalendarFeed();
  const revokeFeed = useRevokeCalendarFeed();
  const [feedUrl, setFeedUrl] = useState<string | null>(null);
  const error = preferences.error ?? setEmailEnabled.error ?? createFeed.error ?? revokeFeed.error;
  const feed = preferences.data?.calendarFeed ?? null;

  return (
    <Card withBorder padding="lg">
      <Stack>
        <Title order={2} size="h3">
          Settings
        </Title>
        {preferences.isPending ? <Loader role="status" aria-label="Loading your settings" /> : null}
        {error ? (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        ) : null}
        {preferences.data ? (
          <Switch
            label="Send me these notices by e-mail too"
            description="Notices always appear here; e-mails never name other people in your group."
            checked={preferences.data.isEmailEnabled}
            disabled={setEmailEnabled.isPending}
            onChange={(event) => setEmailEnabled.mutate(event.currentTarget.checked)}
          />
        ) : null}

        <PushSettings />

        <Stack gap="xs">
          <Title order={3} size="h4">
            Calendar subscription
          </Title>
          <Text size="sm">
            Add your meetings to your own calendar (Google, Outlook, Apple): subscribe to a private address
            and moved or cancelled meetings update by themselves. Anyone with the address can see your meeting
            times, so keep it to yourself; make a new one or turn it off if it gets out.
          </Text>
          {feed && !feedUrl ? (
            <Text size="sm">
              Your subscription address was made on {describeDateTime(feed.createdAt)}. It is shown only once;
              make a new one to see it again (the old one then stops working).
            </Text>
          ) : null}
          {feedUrl ? (
            <Alert color="blue" title="Your calendar subscription address" role="status">
              <Stack gap="xs">
                <Text size="sm">
                  Copy it now: it is not shown again. Paste it into your calendar as a subscription.
                </Text>
                <Code block>{feedUrl}</Code>
                <Group>
                  <CopyButton value={feedUrl}>
                    {({ copied, copy }) => (
                      <Button size="xs" onClick={copy}>
                        {copied ? 'Copied' : 'Copy address'}
                      </Button>
                    )}
                  </CopyButton>
                  <Button
                    size="xs"
                    variant="light"
                    component="a"
                    href={feedUrl.replace(/^https?:\/\//, 'webcal://')}
                  >
                    Open in my calendar app
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : null}
          <Group>
            <Button
              variant={feed ? 'light' : 'filled'}
              loading={createFeed.isPending}
              onClick={() => createFeed.mutate(undefined, { onSuccess: ({ url }) => setFeedUrl(url) })}
            >
              {feed ? 'Make a new address' : 'Make my subscription address'}
            </Button>
            {feed ? (
              <Button
                variant="subtle"
                color="red"
                loading={revokeFeed.isPending}
                onClick={() => revokeFeed.mutate(undefined, { onSuccess: () => setFeedUrl(null) })}
              >
                Turn the subscription off
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
}
