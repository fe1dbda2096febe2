import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  Loader,
  MultiSelect,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { AvailabilityGrid } from '../../../components/availability-grid.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { describeDateTime } from '../../../lib/format.ts';
import {
  type FeedbackAnswers,
  type FeedbackForm,
  useFeedbackForm,
  useSaveFeedback,
} from '../api/feedback.ts';

const ratingLabels = ['1', '2', '3', '4', '5'];

function RatingQuestion({
  label,
  low,
  high,
  value,
  onChange,
  error,
}: {
  label: string;
  low: string;
  high: string;
  value: number;
  onChange: (value: number) => void;
  error?: string | undefined;
}) {
  return (
    <Radio.Group
      label={label}
      description={`1 = ${low}, 5 = ${high}`}
      value={value ? String(value) : ''}
      onChange={(next) => onChange(Number(next))}
      error={error}
      withAsterisk
    >
      <Group mt="xs">
        {ratingLabels.map((rating) => (
          <Radio key={rating} value={rating} label={rating} />
        ))}
      </Group>
    </Radio.Group>
  );
}

function FeedbackFormCard({ form }: { form: FeedbackForm }) {
  const save = useSaveFeedback(form.meeting.id);
  const [answers, setAnswers] = useState<FeedbackAnswers>(
    () =>
      form.feedback ?? {
        usefulness: 0,
        feltSafe: 0,
        keep: '',
        change: '',
        topicsWanted: [],
        preferredTimes: [],
      },
  );
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(save.error), ...missing };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const gaps: Record<string, string> = {};
    if (!answers.usefulness) gaps.usefulness = 'Pick a number from 1 to 5';
    if (!answers.feltSafe) gaps.feltSafe = 'Pick a number from 1 to 5';
    setMissing(gaps);
    if (Object.keys(gaps).length === 0) save.mutate(answers);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <RatingQuestion
          label="How useful was this meeting?"
          low="not useful"
          high="very useful"
          value={answers.usefulness}
          onChange={(usefulness) => setAnswers({ ...answers, usefulness })}
          error={errors.usefulness}
        />
        <RatingQuestion
          label="Did you feel safe to share?"
          low="not at all"
          high="completely"
          value={answers.feltSafe}
          onChange={(feltSafe) => setAnswers({ ...answers, feltSafe })}
          error={errors.feltSafe}
        />
        <Textarea
          label="One thing to keep"
          autosize
          minRows={2}
          maxLength={500}
          value={answers.keep}
          onChange={(event) => setAnswers({ ...answers, keep: event.currentTarget.value })}
          error={errors.keep}
        />
        <Textarea
          label="One thing to change"
          autosize
          minRows={2}
          maxLength={500}
          value={answers.change}
          onChange={(event) => setAnswers({ ...answers, change: event.currentTarget.value })}
          error={errors.change}
        />
        <MultiSelect
          label="Topics you would like next"
          description="Up to five"
          data={form.topicChoices.map((topic) => ({ value: topic.id, label: topic.title }))}
          value={answers.topicsWanted}
          onChange={(topicsWanted) => setAnswers({ ...answers, topicsWanted })}
          maxValues={5}
          searchable
          error={errors.topicsWanted}
        />
        <details>
          <summary>
            <Text span fw={500}>
              Weekly times that would suit you ({answers.preferredTimes.length} ticked, optional)
            </Text>
          </summary>
          <AvailabilityGrid
            value={answers.preferredTimes}
            onChange={(preferredTimes) => setAnswers({ ...answers, preferredTimes })}
            timeZone={form.timeZone}
          />
        </details>
        {errors.preferredTimes ? <Text c="red">{errors.preferredTimes}</Text> : null}
        {save.error && Object.keys(fieldErrors(save.error)).length === 0 ? (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        ) : null}
        {save.isSuccess ? (
          <Alert color="tend" role="status">
            Thank you — your feedback is saved. You can change it until the program ends.
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {form.feedback ? 'Update feedback' : 'Send feedback'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The 30-second form after a meeting, reached from the notice or from the meeting page. */
export function FeedbackPage() {
  const { meetingId = '' } = useParams();
  const form = useFeedbackForm(meetingId);
  if (form.isPending) return <Loader role="status" aria-label="Loading the feedback form" />;
  if (form.error) {
    return (
      <Stack>
        <Title order={1}>Meeting feedback</Title>
        <Alert color="red">{form.error.message}</Alert>
      </Stack>
    );
  }
  const { meeting } = form.data;
  return (
    <Stack maw={760}>
      <Title order={1}>
        Feedback on {meeting.groupName}, meeting {meeting.sequence}
      </Title>
      <Text>
        {meeting.programTitle}
        {meeting.topicTitle ? ` · ${meeting.topicTitle}` : ''} · {describeDateTime(meeting.startsAt)}
      </Text>
      <Text size="sm">
        About thirty seconds. Coordinators see only summaries of at least a few people, and comments only once
        many people have written one — never your own answers.{' '}
        <Anchor component={Link} to={`/meetings/${meeting.id}`}>
          Back to the meeting
        </Anchor>
      </Text>
      <Card withBorder>
        {form.data.isOpen ? (
          <FeedbackFormCard form={form.data} />
        ) : (
          <Alert color="gray" role="status">
            {form.data.closedReason}
          </Alert>
        )}
      </Card>
    </Stack>
  );
}
