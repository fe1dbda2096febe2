import { Alert, Button, Group, NumberInput, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { type Topic, type TopicEntry, useSaveTopic } from '../api/topics.ts';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'topic'
  );
}

export const blankTopic: Topic = {
  id: '',
  title: '',
  summary: '',
  goals: [],
  facilitatorBriefing: [],
  openingCheckIn: '',
  discussionPrompts: [],
  practice: { name: '', steps: [], minutes: 10 },
  followUpPrompts: [],
  skill: '',
  catchUpSummary: '',
  audiences: ['students', 'residents', 'practitioners', 'faculty'],
  tags: [],
  estimatedMinutes: 60,
};

/** The form's field for each path the server names in a topic ("practice.name", "goals[2]"). */
const formKeyOfPath: Record<string, FormKey> = {
  title: 'title',
  summary: 'summary',
  goals: 'goals',
  facilitatorBriefing: 'briefing',
  openingCheckIn: 'openingCheckIn',
  discussionPrompts: 'prompts',
  'practice.name': 'practiceName',
  'practice.steps': 'practiceSteps',
  'practice.minutes': 'practiceMinutes',
  practice: 'practiceName',
  followUpPrompts: 'followUps',
  skill: 'skill',
  catchUpSummary: 'catchUpSummary',
  tags: 'tags',
};

type FormKey =
  | 'title'
  | 'summary'
  | 'goals'
  | 'briefing'
  | 'openingCheckIn'
  | 'prompts'
  | 'practiceName'
  | 'practiceSteps'
  | 'practiceMinutes'
  | 'followUps'
  | 'skill'
  | 'catchUpSummary'
  | 'tags';

const labels: Record<FormKey, string> = {
  title: 'Title',
  summary: 'Summary',
  goals: 'Goals',
  briefing: 'Facilitator briefing',
  openingCheckIn: 'Opening check-in',
  prompts: 'Discussion prompts',
  practiceName: 'Practice name',
  practiceSteps: 'Practice steps',
  practiceMinutes: 'Practice minutes',
  followUps: 'Follow-up reflection prompts',
  skill: 'Skill practised',
  catchUpSummary: 'Catch-up summary',
  tags: 'Tags',
};

/**
 * The server's problems ("topic.practice.name" → "practice.name: must not be empty") as words beside
 * each field ("Practice name: must not be empty"); a problem with no field of its own goes to the top.
 */
function problemsByField(error: unknown): { byField: Partial<Record<FormKey, string>>; other: string[] } {
  const byField: Partial<Record<FormKey, string>> = {};
  const other: string[] = [];
  for (const [key, message] of Object.entries(fieldErrors(error))) {
    const path = key.replace(/^topic\./, '');
    const [head = '', sub] = path.split(/[.[]/);
    const formKey = formKeyOfPath[sub && head === 'practice' ? `practice.${sub}` : head];
    const words = message.replace(/^[\w.[\]]+: /, '');
    if (!formKey) {
      other.push(message);
      continue;
    }
    const sentence = `${labels[formKey]}: ${words}`;
    byField[formKey] = byField[formKey] ? `${byField[formKey]}; ${words}` : sentence;
  }
  return { byField, other };
}

/** Edits a topic field by field; lists are one item per line. Saving a shipped topic saves your own copy. */
export function TopicEditor({ entry, onSaved }: { entry: TopicEntry | null; onSaved: () => void }) {
  const save = useSaveTopic();
  const initial = entry?.topic ?? blankTopic;
  const [form, setForm] = useState({
    title: initial.title,
    summary: initial.summary,
    goals: initial.goals.join('\n'),
    briefing: initial.facilitatorBriefing.join('\n'),
    openingCheckIn: initial.openingCheckIn,
    prompts: initial.discussionPrompts.map((prompt) => prompt.text).join('\n'),
    practiceName: initial.practice.name,
    practiceSteps: initial.practice.steps.join('\n'),
    practiceMinutes: initial.practice.minutes,
    followUps: initial.followUpPrompts.join('\n'),
    skill: initial.skill,
    catchUpSummary: initial.catchUpSummary,
    tags: initial.tags.join(', '),
    isShared: entry?.source === 'organization' ? entry.isShared : false,
  });
  const problems = problemsByField(save.error);
  const hasFieldProblems = Object.keys(problems.byField).length > 0;
  const set = (key: keyof typeof form) => (value: string | number | boolean) =>
    setForm({ ...form, [key]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    const previousPrompts = initial.discussionPrompts;
    const topic: Topic = {
      ...initial,
      id: entry?.source === 'organization' ? initial.id : slugOf(form.title),
      title: form.title,
      summary: form.summary,
      goals: lines(form.goals),
      facilitatorBriefing: lines(form.briefing),
      openingCheckIn: form.openingCheckIn,
      // Notes and timings stay with a prompt whose wording is unchanged.
      discussionPrompts: lines(form.prompts).map(
        (text) => previousPrompts.find((prompt) => prompt.text === text) ?? { text },
      ),
      practice: { name: form.practiceName, steps: lines(form.practiceSteps), minutes: form.practiceMinutes },
      followUpPrompts: lines(form.followUps),
      skill: form.skill,
      catchUpSummary: form.catchUpSummary,
      tags: form.tags
        .split(',')
        .map((tag) => slugOf(tag))
        .filter((tag) => tag !== 'topic'),
    };
    save.mutate({ entry, topic, isShared: form.isShared }, { onSuccess: onSaved });
  }

  const area = (label: string, key: FormKey, description?: string) => (
    <Textarea
      label={label}
      error={problems.byField[key]}
      description={description}
      autosize
      minRows={2}
      value={String(form[key])}
      onChange={(e) => set(key)(e.currentTarget.value)}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Topic">
      <Stack>
        {save.error ? (
          <Alert color="red" role="alert">
            {hasFieldProblems
              ? ['Please correct the fields marked below.', ...problems.other].join(' ')
              : save.error.message}
          </Alert>
        ) : null}
        <TextInput
          label="Title"
          error={problems.byField.title}
          value={form.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
        />
        {area('Summary', 'summary', 'One sentence')}
        {area('Goals', 'goals', '2 to 4, one per line')}
        {area('Facilitator briefing', 'briefing', '3 to 6 points, one per line')}
        {area('Opening check-in', 'openingCheckIn')}
        {area('Discussion prompts', 'prompts', '4 to 6, in order, one per line')}
        <TextInput
          label="Practice name"
          error={problems.byField.practiceName}
          value={form.practiceName}
          onChange={(e) => set('practiceName')(e.currentTarget.value)}
        />
        {area('Practice steps', 'practiceSteps', '3 to 6, one per line')}
        <NumberInput
          label="Practice minutes"
          error={problems.byField.practiceMinutes}
          min={1}
          max={30}
          value={form.practiceMinutes}
          onChange={(value) => set('practiceMinutes')(Number(value) || 0)}
        />
        {area('Follow-up reflection prompts', 'followUps', '2 to 4, one per line; sent after the meeting')}
        <TextInput
          label="Skill practised"
          error={problems.byField.skill}
          value={form.skill}
          onChange={(e) => set('skill')(e.currentTarget.value)}
        />
        {area('Catch-up summary', 'catchUpSummary', 'For people who missed the meeting')}
        <TextInput
          label="Tags"
          error={problems.byField.tags}
          description="Separated by commas"
          value={form.tags}
          onChange={(e) => set('tags')(e.currentTarget.value)}
        />
        <Switch
          label="Share with other organisations"
          checked={form.isShared}
          onChange={(e) => set('isShared')(e.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {entry && entry.source !== 'organization' ? 'Save as our own copy' : 'Save topic'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
