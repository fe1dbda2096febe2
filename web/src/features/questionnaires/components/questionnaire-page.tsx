import { Alert, Anchor, Button, Group, Loader, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeDateTime } from '../../../lib/format.ts';
import { type Questionnaire, useQuestionnaire, useSaveAnswers } from '../api/questionnaires.ts';

/** /questionnaires/:windowId — one item per row, a radio scale each; save and finish later, or submit. */
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
  return <QuestionnaireForm questionnaire={questionnaire.data} windowId={windowId} />;
}

function QuestionnaireForm({ questionnaire, windowId }: { questionnaire: Questionnaire; windowId: string }) {
  const [answers, setAnswers] = useState<Record<string, number>>(questionnaire.answers);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useSaveAnswers(windowId);
  useEffect(() => setAnswers(questionnaire.answers), [questionnaire.answers]);
  const { instrument } = questionnaire;
  const isReadOnly = questionnaire.status === 'submitted' || !questionnaire.isOpen;
  const unanswered = instrument.items.filter((item) => answers[item.number] === undefined).length;

  const submit = (mode: 'draft' | 'submit') => {
    setNotice(null);
    save.mutate(
      { answers, mode },
      {
        onSuccess: () =>
          setNotice(
            mode === 'draft'
              ? 'Saved. You can come back and finish later.'
              : 'Thank you — your answers are in.',
          ),
      },
    );
  };

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
      {instrument.alteredWording ? (
        <Alert color="gray">Altered wording: {instrument.alteredWording}</Alert>
      ) : null}
      <Text>{instrument.instructions}</Text>

      {questionnaire.status === 'submitted' ? (
        <Alert color="green" title="Submitted">
          You answered this questionnaire.{' '}
          <Anchor component={Link} to="/my-results">
            See your results
          </Anchor>
          .
        </Alert>
      ) : null}

      <Stack gap="xs">
        {instrument.items.map((item) => (
          <Paper key={item.number} withBorder p="sm">
            <Radio.Group
              label={`${item.number}. ${item.text}`}
              value={answers[item.number] === undefined ? null : String(answers[item.number])}
              onChange={(value) => setAnswers((current) => ({ ...current, [item.number]: Number(value) }))}
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

      {save.error ? (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      ) : null}
      {notice ? (
        <Alert color="green" role="status">
          {notice}{' '}
          {notice.startsWith('Thank') ? (
            <Anchor component={Link} to="/my-results">
              See your results
            </Anchor>
          ) : null}
        </Alert>
      ) : null}

      {!isReadOnly ? (
        <Group>
          <Button
            variant="default"
            onClick={() => submit('draft')}
            loading={save.isPending && save.variables?.mode === 'draft'}
          >
            Save and finish later
          </Button>
          <Button
            onClick={() => submit('submit')}
            loading={save.isPending && save.variables?.mode === 'submit'}
          >
            Submit answers
          </Button>
          {unanswered > 0 ? (
            <Text size="sm">
              {unanswered} unanswered: you can still submit, but a part with a missing answer is reported as
              incomplete.
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
