import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { SupportResources } from '../../../components/support-resources.tsx';
import { describeDateTime } from '../../../lib/format.ts';
import { useDeviceDraft } from '../../../lib/use-device-draft.ts';
import { type FollowUp, type ReflectionInput, useFollowUp, useWriteReflection } from '../api/reflections.ts';
import type { SkillUse } from '../api/shared-reflections.ts';
import { skillUseLabels } from './skill-use.ts';

/** /reflections/:followUpId — the page a follow-up e-mail links to: reflect in under two minutes. */
export function ReflectPage({ followUpId }: { followUpId: string }) {
  const followUp = useFollowUp(followUpId);
  if (followUp.isPending) return <Loader role="status" aria-label="Loading the follow-up" />;
  if (followUp.error) {
    return (
      <Alert color="red" role="alert">
        {followUp.error.message}
      </Alert>
    );
  }
  return followUp.data.kind === 'catch-up' ? (
    <CatchUp followUp={followUp.data} />
  ) : (
    <ReflectionForm key={followUp.data.id} followUp={followUp.data} />
  );
}

function CatchUp({ followUp }: { followUp: FollowUp }) {
  return (
    <Stack maw={640}>
      <Title order={1}>What you missed: {followUp.topicTitle}</Title>
      <Text size="sm" c="dimmed">
        {followUp.groupName} · {describeDateTime(followUp.meetingStartsAt)}
      </Text>
      <Text>{followUp.prompt}</Text>
      <Anchor component={Link} to={`/meetings/${followUp.meetingId}`}>
        See the meeting
      </Anchor>
    </Stack>
  );
}

function ReflectionForm({ followUp }: { followUp: FollowUp }) {
  const write = useWriteReflection(followUp.id);
  const saved = followUp.reflection
    ? {
        answer: followUp.reflection.answer,
        skillUsed: followUp.reflection.skillUsed,
        intention: followUp.reflection.intention,
      }
    : null;
  const { draft, setDraft, clearDraft, isStored, wasRestored } = useDeviceDraft<ReflectionInput>(
    `tend.reflection-draft.${followUp.id}`,
    saved ?? { answer: '', skillUsed: 'not-yet', intention: null },
  );
  const isAnswerMissing = write.isError && draft.answer.trim() === '';

  function submit(event: FormEvent) {
    event.preventDefault();
    write.mutate(
      { answer: draft.answer, skillUsed: draft.skillUsed, intention: draft.intention?.trim() || null },
      { onSuccess: () => clearDraft() },
    );
  }

  return (
    <Stack maw={640}>
      <Title order={1}>Reflect: {followUp.topicTitle}</Title>
      <Text size="sm" c="dimmed">
        After {followUp.groupName}, {describeDateTime(followUp.meetingStartsAt)}. Private: only you can read
        it unless you share it with your group from your journal.
      </Text>
      <form onSubmit={submit} noValidate aria-label="Reflection">
        <Stack>
          <Paper withBorder p="md">
            <Text fw={600} id="reflection-prompt">
              {followUp.prompt}
            </Text>
          </Paper>
          <Textarea
            label="Your answer"
            aria-describedby="reflection-prompt"
            autosize
            minRows={4}
            maxLength={4000}
            required
            value={draft.answer}
            onChange={(event) => setDraft({ answer: event.currentTarget.value })}
            error={isAnswerMissing ? 'Write a few words first.' : undefined}
          />
          <Radio.Group
            label={`Did you use the skill this week? (${followUp.skill})`}
            value={draft.skillUsed}
            onChange={(value) => setDraft({ skillUsed: value as SkillUse })}
          >
            <Group mt="xs">
              {(Object.keys(skillUseLabels) as SkillUse[]).map((value) => (
                <Radio key={value} value={value} label={skillUseLabels[value]} />
              ))}
            </Group>
          </Radio.Group>
          <TextInput
            label="One intention for next week (optional)"
            maxLength={200}
            value={draft.intention ?? ''}
            onChange={(event) => setDraft({ intention: event.currentTarget.value })}
          />
          {isStored ? (
            <Text size="sm" c="dimmed" role="status">
              {wasRestored && !write.isPending ? 'Draft restored. ' : ''}Draft saved on this device.
            </Text>
          ) : null}
          {write.isPaused ? (
            <Alert color="yellow" role="status">
              You are offline. Your draft is kept on this device and is saved as soon as the connection is
              back.
            </Alert>
          ) : null}
          {write.error && !isAnswerMissing ? (
            <Alert color="red" role="alert">
              {write.error.message} Your draft is kept on this device; try again when you are back online.
            </Alert>
          ) : null}
          {write.isSuccess ? (
            <Alert color="teal" role="status">
              Saved to your journal.{' '}
              <Anchor component={Link} to="/journal" underline="always">
                Open your journal
              </Anchor>
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={write.isPending}>
              {followUp.reflection ? 'Update reflection' : 'Save reflection'}
            </Button>
          </Group>
        </Stack>
      </form>
      <Paper withBorder p="md" component="section" aria-labelledby="reflection-support-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="reflection-support-heading">
            If this brings up something heavy
          </Title>
          <Text size="sm">Talking with someone can help. These services are confidential.</Text>
          <SupportResources />
        </Stack>
      </Paper>
    </Stack>
  );
}
