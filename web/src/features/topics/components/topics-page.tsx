import {
  Accordion,
  Alert,
  Badge,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useSession } from '../../session/api/session.ts';
import { type TopicEntry, useTopics } from '../api/topics.ts';
import { TopicEditor } from './topic-editor.tsx';

const sourceLabels = { tend: 'Tend library', organization: 'Our library', shared: 'Shared' } as const;

export function TopicsPage() {
  const topics = useTopics();
  const isCoordinator = useSession().data?.member?.role === 'coordinator';
  const [editing, setEditing] = useState<{ entry: TopicEntry | null } | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Topic library</Title>
        {isCoordinator ? <Button onClick={() => setEditing({ entry: null })}>Write a topic</Button> : null}
      </Group>
      <Text>
        Each topic is one meeting: a briefing, an opening check-in, guided discussion prompts, one practice,
        and follow-up reflection.
      </Text>
      {topics.isPending ? <Loader role="status" aria-label="Loading topics" /> : null}
      {topics.error ? <Alert color="red">{topics.error.message}</Alert> : null}
      <Accordion variant="separated">
        {topics.data?.map((entry) => (
          <Accordion.Item key={entry.ref} value={entry.ref}>
            <Accordion.Control>
              <Group>
                <Text fw={600}>{entry.topic.title}</Text>
                <Badge variant="outline">
                  {entry.sharedBy ? `Shared by ${entry.sharedBy}` : sourceLabels[entry.source]}
                </Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                <Text>{entry.topic.summary}</Text>
                <Text fw={600}>Discussion prompts</Text>
                <List type="ordered" size="sm">
                  {entry.topic.discussionPrompts.map((prompt) => (
                    <List.Item key={prompt.text}>{prompt.text}</List.Item>
                  ))}
                </List>
                <Text fw={600}>Follow-up reflection</Text>
                <List size="sm">
                  {entry.topic.followUpPrompts.map((prompt) => (
                    <List.Item key={prompt}>{prompt}</List.Item>
                  ))}
                </List>
                {isCoordinator ? (
                  <Group>
                    <Button size="xs" variant="light" onClick={() => setEditing({ entry })}>
                      {entry.source === 'organization' ? 'Edit' : 'Edit a copy'}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Topic" size="xl">
        {editing ? <TopicEditor entry={editing.entry} onSaved={() => setEditing(null)} /> : null}
      </Modal>
    </Stack>
  );
}
