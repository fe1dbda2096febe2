import { Alert, Card, Loader, Stack, Text, Title } from '@mantine/core';
import { describeDateTime } from '../../../lib/format.ts';
import { type SharedReflection, useSharedReflections } from '../api/shared-reflections.ts';
import { describeSkillUse } from './skill-use.ts';

/** The reflections members chose to share with this group, for the group space. */
export function SharedReflections({ groupId }: { groupId: string }) {
  const reflections = useSharedReflections(groupId);
  return (
    <Stack component="section" aria-labelledby={`shared-reflections-${groupId}`} gap="sm">
      <Title order={2} id={`shared-reflections-${groupId}`}>
        Shared reflections
      </Title>
      {reflections.isPending ? <Loader role="status" aria-label="Loading shared reflections" /> : null}
      {reflections.error ? (
        <Alert color="red" role="alert">
          {reflections.error.message}
        </Alert>
      ) : null}
      {reflections.data?.length === 0 ? (
        <Text c="dimmed">Nobody has shared a reflection with the group yet.</Text>
      ) : null}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {reflections.data?.map((reflection) => (
          <li key={reflection.id}>
            <SharedReflectionCard reflection={reflection} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function SharedReflectionCard({ reflection }: { reflection: SharedReflection }) {
  return (
    <Card withBorder padding="md">
      <Stack gap={4}>
        <Text fw={600}>{reflection.authorName ?? 'A group member'}</Text>
        <Text size="sm" c="dimmed">
          {reflection.topicTitle} · {describeDateTime(reflection.sharedAt)}
        </Text>
        <Text size="sm" fs="italic">
          {reflection.prompt}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{reflection.answer}</Text>
        <Text size="sm">Used the skill: {describeSkillUse(reflection.skillUsed)}</Text>
        {reflection.intention ? <Text size="sm">Next: {reflection.intention}</Text> : null}
      </Stack>
    </Card>
  );
}
