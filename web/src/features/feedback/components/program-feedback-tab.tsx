import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { describeDateTime } from '../../../lib/format.ts';
import {
  type CommentRelease,
  type ProgramFeedback,
  type RatingFigure,
  usePostFeedbackResponse,
  useProgramFeedback,
} from '../api/feedback.ts';
import { FeedbackNotes } from './feedback-notes.tsx';
import { RecommendedNext } from './recommended-next.tsx';

function Hidden({ explanation }: { explanation: string }) {
  return (
    <Text span size="sm" c="dimmed">
      {explanation}
    </Text>
  );
}

function Distribution({ caption, bands }: { caption: string; bands: ProgramFeedback['usefulness'] }) {
  return (
    <Table withTableBorder>
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Rating</Table.Th>
          <Table.Th scope="col">Answers</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {bands.map(({ rating, figure }) => (
          <Table.Tr key={rating}>
            <Table.Th scope="row">{rating}</Table.Th>
            <Table.Td>
              {figure.status === 'released' ? figure.figures.answers : <Hidden explanation="hidden" />}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Means({ figure }: { figure: RatingFigure }) {
  if (figure.status === 'suppressed') return <Hidden explanation={figure.explanation} />;
  return (
    <Text>
      Usefulness {figure.figures.usefulnessMean.toFixed(1)} / 5 · felt safe to share{' '}
      {figure.figures.feltSafeMean.toFixed(1)} / 5 · {figure.figures.answers} answers from {figure.people}{' '}
      people
    </Text>
  );
}

function Comments({ title, release }: { title: string; release: CommentRelease }) {
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      {release.status === 'withheld' ? (
        <Hidden explanation={release.message} />
      ) : (
        <List size="sm">
          {release.comments.map((comment) => (
            // Folded comments are distinct, so their text is a key.
            <List.Item key={comment.text}>
              {comment.text}
              {comment.count > 1 ? (
                <Text span size="sm" c="dimmed">
                  {' '}
                  — written {comment.count} times
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function YouSaidWeDidForm({ programId }: { programId: string }) {
  const post = usePostFeedbackResponse(programId);
  const [youSaid, setYouSaid] = useState('');
  const [weDid, setWeDid] = useState('');
  const errors = fieldErrors(post.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate(
      { youSaid, weDid },
      {
        onSuccess: () => {
          setYouSaid('');
          setWeDid('');
        },
      },
    );
  };
  return (
    <Card withBorder>
      <form onSubmit={submit}>
        <Stack>
          <Title order={3} size="h4">
            Post a “you said, we did” note
          </Title>
          <Text size="sm">Everyone enrolled gets a notice, and the note shows on the program page.</Text>
          <Textarea
            label="You said"
            value={youSaid}
            onChange={(e) => setYouSaid(e.currentTarget.value)}
            error={errors.youSaid}
          />
          <Textarea
            label="We did"
            value={weDid}
            onChange={(e) => setWeDid(e.currentTarget.value)}
            error={errors.weDid}
          />
          {post.isSuccess ? (
            <Alert color="tend" role="status">
              Posted; participants have been told.
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={post.isPending}>
              Post note
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The coordinator's Feedback tab: results through the privacy gate, a recommendation, and the answer back. */
export function ProgramFeedbackTab({ programId }: { programId: string }) {
  const feedback = useProgramFeedback(programId);
  if (feedback.isPending) return <Loader role="status" aria-label="Loading feedback" />;
  if (feedback.error) return <Alert color="red">{feedback.error.message}</Alert>;
  const data = feedback.data;
  return (
    <Stack>
      <Text size="sm">
        Figures about fewer than {data.minimumGroupSize} people are hidden, and so is any figure that would
        let someone work one out by subtraction.
      </Text>
      <Text size="sm" c="dimmed">
        Each meeting's feedback period closes a week after it ends; the figures then include its answers and
        stay as released until the next meeting's period closes, so nobody can tell one answer by looking
        twice. {data.releasedAt ? `These figures were released ${describeDateTime(data.releasedAt)}.` : ''}{' '}
        {data.nextReleaseAt ? `Next release: ${describeDateTime(data.nextReleaseAt)}.` : ''}
      </Text>
      <Card withBorder>
        <Title order={2} size="h3" mb="xs">
          Whole program
        </Title>
        <Means figure={data.overall} />
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Distribution caption="How useful was the meeting?" bands={data.usefulness} />
        <Distribution caption="Did you feel safe to share?" bands={data.feltSafe} />
      </SimpleGrid>
      {data.topics.length > 0 ? (
        <Card withBorder>
          <Title order={2} size="h3" mb="xs">
            By topic
          </Title>
          <Stack gap="xs">
            {data.topics.map((topic) => (
              <div key={topic.topicId}>
                <Text fw={600}>{topic.title}</Text>
                <Means figure={topic.figure} />
              </div>
            ))}
          </Stack>
        </Card>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Comments title="What to keep" release={data.keep} />
        <Comments title="What to change" release={data.change} />
      </SimpleGrid>
      <RecommendedNext programId={programId} feedback={data} />
      <YouSaidWeDidForm programId={programId} />
      <FeedbackNotes programId={programId} />
    </Stack>
  );
}
