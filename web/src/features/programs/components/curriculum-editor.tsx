import { ActionIcon, Alert, Button, Card, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { type Program, useTopicLibrary, useUpdateProgram } from '../api/programs.ts';

/** Picks and orders the program's topics from the library; meeting n takes topic n. */
export function CurriculumEditor({ program }: { program: Program }) {
  const library = useTopicLibrary(true);
  const update = useUpdateProgram(program.id);
  const [topicIds, setTopicIds] = useState(program.topicIds);
  useEffect(() => setTopicIds(program.topicIds), [program.topicIds]);
  const titleOf = (ref: string) => library.data?.find((entry) => entry.ref === ref)?.topic.title ?? ref;
  const move = (index: number, by: number) => {
    const next = [...topicIds];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + by, 0, item);
    setTopicIds(next);
  };
  if (library.isPending) return <Loader role="status" aria-label="Loading the topic library" />;
  const available = (library.data ?? []).filter((entry) => !topicIds.includes(entry.ref));
  return (
    <Stack>
      <Title order={2} size="h3">
        Curriculum
      </Title>
      <Text size="sm">
        Meeting 1 takes the first topic, meeting 2 the second, and so on; with fewer topics than meetings the
        list starts again.
      </Text>
      {topicIds.length === 0 ? <Text>No topics chosen yet.</Text> : null}
      {topicIds.length > 0 && topicIds.length < program.meetingCount ? (
        <Alert color="yellow" title="Fewer topics than meetings">
          This program has {program.meetingCount} meetings but {topicIds.length}{' '}
          {topicIds.length === 1 ? 'topic' : 'topics'}:{' '}
          {program.meetingCount - topicIds.length === 1
            ? `meeting ${program.meetingCount}`
            : `meetings ${topicIds.length + 1} to ${program.meetingCount}`}{' '}
          would repeat topics from the start ({titleOf(topicIds[0] ?? '')} again). Add{' '}
          {program.meetingCount - topicIds.length} more or plan fewer meetings.
        </Alert>
      ) : null}
      {topicIds.map((ref, index) => (
        <Card key={ref} withBorder padding="xs">
          <Group justify="space-between">
            <Text>
              {index + 1}. {titleOf(ref)}
            </Text>
            <Group gap="xs">
              <ActionIcon
                variant="default"
                aria-label={`Move ${titleOf(ref)} up`}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="default"
                aria-label={`Move ${titleOf(ref)} down`}
                disabled={index === topicIds.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓
              </ActionIcon>
              <Button
                size="xs"
                variant="subtle"
                color="red.8"
                onClick={() => setTopicIds(topicIds.filter((id) => id !== ref))}
              >
                Remove
              </Button>
            </Group>
          </Group>
        </Card>
      ))}
      <Select
        label="Add a topic"
        placeholder="Choose from the library"
        data={available.map((entry) => ({
          value: entry.ref,
          label: `${entry.topic.title}${entry.source === 'tend' ? '' : ` (${entry.source})`}`,
        }))}
        value={null}
        onChange={(ref) => ref && setTopicIds([...topicIds, ref])}
        searchable
      />
      {update.error ? (
        <Alert color="red" role="alert">
          {update.error.message}
        </Alert>
      ) : null}
      {update.isSuccess ? (
        <Alert color="tend" role="status">
          Curriculum saved.
        </Alert>
      ) : null}
      <Group>
        <Button onClick={() => update.mutate({ topicIds })} loading={update.isPending}>
          Save curriculum
        </Button>
      </Group>
    </Stack>
  );
}
