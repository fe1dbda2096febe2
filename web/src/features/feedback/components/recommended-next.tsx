import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import {
  type ProgramFeedback,
  useAddTopicToCurriculum,
  useProgramGroups,
  useSetGroupTime,
} from '../api/feedback.ts';

type Recommendation = ProgramFeedback['recommendations'][number];

function TopicRecommendation({ programId, item }: { programId: string; item: Recommendation }) {
  const add = useAddTopicToCurriculum(programId);
  return (
    <Card withBorder padding="xs">
      <Stack gap={4}>
        <Text size="sm">{item.explanation}</Text>
        <Group>
          <Button
            size="xs"
            variant="light"
            loading={add.isPending}
            disabled={add.isSuccess}
            onClick={() => add.mutate(item.id)}
          >
            Add {item.label} to the curriculum
          </Button>
        </Group>
        {add.isSuccess ? (
          <Text size="sm" role="status">
            {add.data.isAlreadyThere
              ? `${item.label} is already in the curriculum.`
              : `${item.label} is now the last topic of the curriculum.`}
          </Text>
        ) : null}
        {add.error ? (
          <Alert color="red" role="alert">
            {add.error.message}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}

function TimeRecommendation({
  programId,
  item,
  timeZone,
}: {
  programId: string;
  item: Recommendation;
  timeZone: string;
}) {
  const groups = useProgramGroups(programId);
  const setTime = useSetGroupTime(programId);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);
  const published = groups.data?.status === 'published' ? groups.data.groups : [];
  const chosen = published.find((group) => group.id === groupId);
  return (
    <Card withBorder padding="xs">
      <Stack gap={4}>
        <Text size="sm">{item.explanation}</Text>
        {published.length === 0 ? (
          <Text size="sm" c="dimmed">
            Once groups are published, this time can be applied to one of them.
          </Text>
        ) : (
          <Group align="end">
            <Select
              size="xs"
              label={`Group to meet ${item.label}`}
              placeholder="Choose a group"
              data={published.map((group) => ({ value: group.id, label: group.name }))}
              value={groupId}
              onChange={setGroupId}
            />
            <Button size="xs" disabled={!chosen} onClick={() => setIsConfirming(true)}>
              Apply this time<VisuallyHidden>: {item.label}</VisuallyHidden>
            </Button>
          </Group>
        )}
        {setTime.isSuccess ? (
          <Text size="sm" role="status">
            {setTime.data.movedCount === 1 ? '1 meeting moved' : `${setTime.data.movedCount} meetings moved`}
            {setTime.data.keptCount > 0
              ? `; ${setTime.data.keptCount} whose new time had passed kept theirs`
              : ''}
            . The group's members have been told.
          </Text>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={isConfirming && chosen !== undefined}
        title={`Move ${chosen?.name ?? 'the group'} to ${item.label}?`}
        confirmLabel="Move the meetings"
        cancelLabel="Keep the current time"
        isPending={setTime.isPending}
        error={setTime.error}
        onConfirm={() =>
          chosen &&
          setTime.mutate({ groupId: chosen.id, slot: item.id }, { onSuccess: () => setIsConfirming(false) })
        }
        onCancel={() => setIsConfirming(false)}
      >
        Each meeting still ahead moves to {item.label} ({timeZone}) in its own week. Everyone in the group is
        told the new time, and their calendars follow.{' '}
        {chosen && !chosen.commonSlots.includes(item.id)
          ? 'Not everyone in this group said at enrolment that they can meet then.'
          : 'Everyone in this group said at enrolment that they can meet then.'}
      </ConfirmDialog>
    </Card>
  );
}

/** The recommended next topics and times, each one click from being acted on. */
export function RecommendedNext({ programId, feedback }: { programId: string; feedback: ProgramFeedback }) {
  const topics = feedback.recommendations.filter((item) => item.kind === 'topic');
  const times = feedback.recommendations.filter((item) => item.kind === 'time');
  return (
    <Card withBorder>
      <Title order={2} size="h3" mb="xs">
        Recommended next
      </Title>
      <Text size="sm" mb="xs">
        From what participants asked for at enrolment and in feedback, and the hours they gave (organisation
        time, {feedback.timeZone}).
      </Text>
      {feedback.recommendations.length === 0 ? (
        <Text>Not enough people have told us their interests and times yet to recommend anything.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap="xs">
            <Title order={3} size="h4">
              Topics
            </Title>
            {topics.map((item) => (
              <TopicRecommendation key={item.id} programId={programId} item={item} />
            ))}
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h4">
              Meeting times
            </Title>
            {times.map((item) => (
              <TimeRecommendation
                key={item.id}
                programId={programId}
                item={item}
                timeZone={feedback.timeZone}
              />
            ))}
          </Stack>
        </SimpleGrid>
      )}
    </Card>
  );
}
