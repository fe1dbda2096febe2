import { Alert, Anchor, Badge, Button, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeDateTime } from '../../../lib/format.ts';
import { type Reflection, useShareReflection } from '../api/reflections.ts';
import { describeSkillUse } from './skill-use.ts';

/** One reflection in my journal, with the choice to share it with my group (named or anonymous). */
export function ReflectionCard({ reflection }: { reflection: Reflection }) {
  const share = useShareReflection();
  const [asWho, setAsWho] = useState(reflection.isSharedAnonymously ? 'anonymous' : 'named');
  const headingId = `reflection-${reflection.id}`;
  return (
    <Stack gap={6} aria-labelledby={headingId} component="article">
      <Group justify="space-between" align="flex-start">
        <Title order={3} size="h4" id={headingId}>
          {reflection.topicTitle}
        </Title>
        {reflection.isSharedWithGroup ? (
          <Badge color="teal" variant="light">
            Shared {reflection.isSharedAnonymously ? 'anonymously' : 'with your name'}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            Private
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {describeDateTime(reflection.createdAt)} ·{' '}
        <Anchor component={Link} to={`/reflections/${reflection.followUpId}`} size="sm" underline="always">
          Edit
        </Anchor>
      </Text>
      <Text size="sm" fs="italic">
        {reflection.prompt}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{reflection.answer}</Text>
      <Text size="sm">
        Used the skill ({reflection.skill}): {describeSkillUse(reflection.skillUsed)}
      </Text>
      {reflection.intention ? <Text size="sm">Next: {reflection.intention}</Text> : null}
      {share.error ? (
        <Alert color="red" role="alert">
          {share.error.message}
        </Alert>
      ) : null}
      {reflection.isSharedWithGroup ? (
        <Group>
          <Button
            size="xs"
            variant="default"
            loading={share.isPending}
            onClick={() => share.mutate({ id: reflection.id, isShared: false, isAnonymous: false })}
          >
            Stop sharing
          </Button>
        </Group>
      ) : (
        <Group align="flex-end">
          <Radio.Group label="Share with my group as" value={asWho} onChange={setAsWho} size="xs">
            <Group gap="sm" mt={4}>
              <Radio value="named" label="Me, with my name" />
              <Radio value="anonymous" label="A group member (anonymous)" />
            </Group>
          </Radio.Group>
          <Button
            size="xs"
            variant="light"
            loading={share.isPending}
            onClick={() =>
              share.mutate({ id: reflection.id, isShared: true, isAnonymous: asWho === 'anonymous' })
            }
          >
            Share with group
          </Button>
        </Group>
      )}
    </Stack>
  );
}
