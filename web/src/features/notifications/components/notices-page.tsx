import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { SearchField } from '../../../components/search-field.tsx';
import { ShowMoreButton } from '../../../components/show-more-button.tsx';
import { describeDateTime } from '../../../lib/format.ts';
import { type Notice, useMarkNoticesRead, useNotices } from '../api/notifications.ts';
import { NotificationSettings } from './notification-settings.tsx';

/** /notices: what Tend told you, newest first, and how you want to hear it. */
export function NoticesPage() {
  const [search, setSearch] = useState('');
  const notices = useNotices(search);
  const markRead = useMarkNoticesRead();
  const unreadCount = notices.data?.pages[0]?.unreadCount ?? 0;
  const shown = notices.data?.pages.flatMap((page) => page.notifications);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Notices</Title>
        <Button
          variant="light"
          disabled={unreadCount === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          Mark all read
        </Button>
      </Group>
      <SearchField label="Search your notices" onSearch={setSearch} />
      {notices.isPending ? <Loader role="status" aria-label="Loading your notices" /> : null}
      {notices.error ? (
        <Alert color="red" role="alert">
          {notices.error.message}
        </Alert>
      ) : null}
      {markRead.error ? (
        <Alert color="red" role="alert">
          {markRead.error.message}
        </Alert>
      ) : null}
      {shown && shown.length > 0 ? (
        <Text size="sm" role="status">
          {unreadCount === 0 ? 'Nothing unread.' : `${unreadCount} unread`}
        </Text>
      ) : null}
      {shown?.length === 0 && search ? <Text>No notices contain “{search}”.</Text> : null}
      {shown?.length === 0 && !search ? (
        <Text>No notices yet. Enrolments, group assignments, meeting changes and reminders appear here.</Text>
      ) : null}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shown?.map((notice) => (
          <li key={notice.id}>
            <NoticeCard notice={notice} onMarkRead={() => markRead.mutate({ ids: [notice.id] })} />
          </li>
        ))}
      </Stack>
      <ShowMoreButton query={notices} label="Show older notices" />
      <NotificationSettings />
    </Stack>
  );
}

function NoticeCard({ notice, onMarkRead }: { notice: Notice; onMarkRead: () => void }) {
  const isUnread = notice.readAt === null;
  return (
    <Card
      withBorder
      padding="md"
      style={isUnread ? { borderLeft: '4px solid var(--mantine-primary-color-filled)' } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h4">
            {notice.link ? (
              <Anchor component={Link} to={notice.link} onClick={isUnread ? onMarkRead : undefined}>
                {notice.title}
              </Anchor>
            ) : (
              notice.title
            )}
          </Title>
          {isUnread ? <Badge>Unread</Badge> : null}
        </Group>
        <Text size="sm">{notice.body}</Text>
        <Group justify="space-between">
          <Text size="xs">{describeDateTime(notice.createdAt)}</Text>
          {isUnread ? (
            <Button size="xs" variant="subtle" onClick={onMarkRead}>
              Mark read
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
