import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Progress,
  Radio,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeDateTime } from '../../../lib/format.ts';
import {
  type Questionnaire,
  type SubscaleScore,
  useOwnResults,
  useQuestionnaire,
  useSaveAnswers,
} from '../api/questionnaires.ts';
import { SupportMessage } from './support-message.tsx';
import { type SaveState, useAnswerAutosave } from './use-answer-autosave.ts';

/**
 * /questionnaires/:windowId — one item per row, a radio scale each. Every answer is saved as it is
 * given (kept on the device first, so a reload, a closed tab or a lost connection loses nothing);
 * progress shows how far along the person is, and coming back continues where they left off.
 */
export function QuestionnairePage() {
  const { windowId = '' } = useParams();
  const questionnaire = useQuestionnaire(windowId);
  if (questionnaire.isPending) return <Loader role="status" aria-label="Loading the questionnaire" />;
  if (questionnaire.error) {
    return (
      <Alert color="red" role="alert">
        {questionnaire.error.message}
      </Alert>
    );
  }
  return <QuestionnaireForm key={windowId} questionnaire={questionnaire.data} windowId={windowId} />;
}

function describeSaveState(status: SaveState, wasRestored: boolean): string {
  switch (status.state) {
    case 'idle':
      return wasRestored ? 'Answers kept on this device are being saved.' : 'Each answer is saved as you go.';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'All answers saved.';
    case 'offline':
      return 'Offline: your answers are kept on this device and saved when you are back online.';
    case 'failed':
      return `Not saved: ${status.message} Your answers are kept on this device.`;
  }
}

function ScoreSummary({ scores }: { scores: SubscaleScore[] }) {
  return (
    <List spacing="xs">
      {scores.map((score) => (
        <List.Item key={score.subscaleId}>
          <Text span fw={600}>
            {score.name}:
          </Text>{' '}
          {score.status === 'complete'
            ? `${score.score} (${score.band.label}). ${score.band.meaning}`
            : `not scored — ${score.missingItems.length === 1 ? 'item' : 'items'} ${score.missingItems.join(', ')} had no answer.`}
        </List.Item>
      ))}
    </List>
  );
}

/** Right after submitting, and whenever the page is opened again: the scores, support if it may help, and the way to all results. */
function SubmittedResults({ questionnaire }: { questionnaire: Questionnaire }) {
  const suggestsSupport = questionnaire.scores?.some(
    (score) => score.status === 'complete' && score.suggestsSupport,
  );
  const results = useOwnResults(Boolean(suggestsSupport));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="your-results-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="your-results-heading">
          Your results
        </Title>
        <Text>Only you can see these.</Text>
        {questionnaire.scores ? <ScoreSummary scores={questionnaire.scores} /> : null}
        {results.data?.support ? <SupportMessage support={results.data.support} /> : null}
        <Group>
          <Button component={Link} to="/my-results">
            See all your results
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function QuestionnaireForm({ questionnaire, windowId }: { questionnaire: Questionnaire; windowId: string }) {
  const isEditable = questionnaire.status !== 'submitted' && questionnaire.isOpen;
  const autosave = useAnswerAutosave(windowId, questionnaire.answers, isEditable);
  const { answers, status, wasRestored } = autosave;
  const submit = useSaveAnswers(windowId);
  const [notice, setNotice] = useState<string | null>(null);
  const { instrument } = questionnaire;
  const total = instrument.items.length;
  const answered = instrument.items.filter((item) => answers[item.number] !== undefined).length;
  const firstUnanswered = instrument.items.find((item) => answers[item.number] === undefined);
  // Where the person left off, when they come back to a questionnaire they started.
  const [isReturning] = useState(() => isEditable && answered > 0 && firstUnanswered !== undefined);
  const isReadOnly = !isEditable || submit.isSuccess;

  useEffect(() => {
    if (questionnaire.status === 'submitted') autosave.finish();
  }, [questionnaire.status, autosave.finish]);

  const continueAt = (itemNumber: number) => {
    const item = document.getElementById(`item-${itemNumber}`);
    item?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    item?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus({ preventScroll: true });
  };

  const finishLater = async () => {
    setNotice(null);
    await autosave.flush();
    setNotice(
      autosave.hasUnsent()
        ? 'Your answers are kept on this device and saved when you are back online. You can finish later.'
        : 'Saved. You can come back and finish later.',
    );
  };

  const send = () => {
    setNotice(null);
    autosave.hold();
    submit.mutate({ answers, mode: 'submit' }, { onSuccess: autosave.finish, onError: autosave.resume });
  };

  const progressId = `progress-${windowId}`;
  return (
    <Stack maw={880}>
      <Title order={1}>{questionnaire.window.title}</Title>
      <Text>
        {instrument.name}
        {questionnaire.isOpen
          ? ` · open until ${describeDateTime(questionnaire.window.closesAt)}`
          : ' · closed'}
      </Text>
      <Alert color="blue" title="Your answers are yours">
        Only you see your answers and scores. Coordinators and leaders see figures about larger groups only.
      </Alert>

      {questionnaire.status === 'submitted' || submit.isSuccess ? (
        <>
          <Alert color="green" title="Submitted" role="status">
            Thank you — your answers are in.
          </Alert>
          {questionnaire.status === 'submitted' ? (
            <SubmittedResults questionnaire={questionnaire} />
          ) : (
            <Loader role="status" aria-label="Loading your results" size="sm" />
          )}
        </>
      ) : null}

      {!isReadOnly && isReturning && firstUnanswered ? (
        <Alert color="blue" title="Welcome back">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              You answered {answered} of {total}. Your answers are saved; carry on where you left off.
            </Text>
            <Button size="sm" variant="default" onClick={() => continueAt(firstUnanswered.number)}>
              Continue at question {firstUnanswered.number}
            </Button>
          </Stack>
        </Alert>
      ) : null}

      {instrument.alteredWording ? (
        <Alert color="gray">Altered wording: {instrument.alteredWording}</Alert>
      ) : null}
      <Text>{instrument.instructions}</Text>

      {!isReadOnly ? (
        // Stays in view under the header while scrolling: how far along, and whether it is saved.
        <Box
          pos="sticky"
          top={60}
          py="xs"
          style={{ zIndex: 2, background: 'var(--mantine-color-body)' }}
          data-testid="questionnaire-progress"
        >
          <Group justify="space-between" gap="xs">
            <Text fw={600} id={progressId}>
              {answered} of {total} answered
            </Text>
            <Text size="sm">{describeSaveState(status, wasRestored)}</Text>
          </Group>
          <Progress.Root mt={4}>
            <Progress.Section
              value={total === 0 ? 0 : (100 * answered) / total}
              aria-labelledby={progressId}
            />
          </Progress.Root>
          {/* Read out only when it matters: not at every answer, but when saving stops. */}
          <VisuallyHidden role="status">
            {status.state === 'offline' || status.state === 'failed' ? describeSaveState(status, false) : ''}
          </VisuallyHidden>
        </Box>
      ) : null}

      <Stack gap="xs">
        {instrument.items.map((item) => (
          <Paper key={item.number} withBorder p="sm" id={`item-${item.number}`}>
            <Radio.Group
              label={`${item.number}. ${item.text}`}
              value={answers[item.number] === undefined ? null : String(answers[item.number])}
              onChange={(value) => autosave.answer(item.number, Number(value))}
              readOnly={isReadOnly}
            >
              <Group mt="xs" gap="md">
                {item.options.map((option) => (
                  <Radio
                    key={option.value}
                    value={String(option.value)}
                    label={option.label}
                    disabled={isReadOnly}
                  />
                ))}
              </Group>
            </Radio.Group>
          </Paper>
        ))}
      </Stack>

      {submit.error ? (
        <Alert color="red" role="alert">
          {submit.error.message} Your answers are kept on this device.
        </Alert>
      ) : null}
      {submit.isPaused ? (
        <Alert color="yellow" role="status">
          You are offline. Your answers are sent as soon as the connection is back.
        </Alert>
      ) : null}
      {notice ? (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      ) : null}

      {!isReadOnly ? (
        <Group>
          <Button variant="default" onClick={() => void finishLater()}>
            Save and finish later
          </Button>
          <Button onClick={send} loading={submit.isPending}>
            Submit answers
          </Button>
          {total - answered > 0 ? (
            <Text size="sm">
              {total - answered} unanswered: you can still submit, but a part with a missing answer is
              reported as incomplete.
            </Text>
          ) : null}
        </Group>
      ) : null}

      <Stack gap={2} component="footer" aria-label="Attribution">
        {instrument.attribution.map((line) => (
          <Text key={line} size="sm">
            {line}
          </Text>
        ))}
        {instrument.links.map((link) => (
          <Anchor key={link.url} href={link.url} size="sm" target="_blank" rel="noreferrer">
            {link.label}
          </Anchor>
        ))}
      </Stack>
    </Stack>
  );
}
