import { Alert, Button, Card, Group, Loader, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useFileReport, useReportForm } from '../api/working-conditions.ts';
import { ActionsList } from './actions-list.tsx';

/** Anonymous reports of systemic stressors, and what leadership is doing about them. */
export function SpeakUpPage() {
  const form = useReportForm();
  const file = useFileReport();
  const [category, setCategory] = useState<string | null>(null);
  const [unit, setUnit] = useState<string | null>('Not stated');
  const [text, setText] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = { ...fieldErrors(file.error), ...missing };
  if (form.isPending) return <Loader role="status" aria-label="Loading the form" />;
  if (form.error) return <Alert color="red">{form.error.message}</Alert>;
  const categoryLabels = Object.fromEntries(form.data.categories.map((entry) => [entry.value, entry.label]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const gaps: Record<string, string> = {};
    if (!category) gaps.category = 'Pick a category';
    if (!unit) gaps.unit = 'Pick a unit, or Not stated';
    setMissing(gaps);
    if (!category || !unit) return;
    file.mutate(
      { category, unit, text },
      {
        onSuccess: () => {
          setText('');
          setCategory(null);
        },
      },
    );
  };

  return (
    <Stack maw={820}>
      <Title order={1}>Speak up</Title>
      <Text>
        Report something about how work is organised that wears people down — not a person, but a condition
        leadership can change. Reports are anonymous: Tend stores no name, no account and no exact time with
        them, only the week.
      </Text>
      <Card withBorder>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2} size="h3">
              Report a working condition
            </Title>
            <Alert color="red" title="Keep it anonymous" role="note">
              {form.data.warning}
            </Alert>
            <Select
              label="Category"
              data={form.data.categories}
              value={category}
              onChange={setCategory}
              error={errors.category}
              withAsterisk
            />
            <Select
              label="Unit"
              description="Choose Not stated if naming your unit could identify you."
              data={form.data.units}
              value={unit}
              onChange={setUnit}
              error={errors.unit}
              withAsterisk
            />
            <Textarea
              label="What is happening?"
              description="Describe the condition, not the people."
              autosize
              minRows={3}
              maxLength={2000}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              error={errors.text}
            />
            {file.error && Object.keys(fieldErrors(file.error)).length === 0 ? (
              <Alert color="red" role="alert">
                {file.error.message}
              </Alert>
            ) : null}
            {file.isSuccess ? (
              <Alert color="tend" role="status">
                Thank you. Your report is counted for the week of {file.data.week}; nothing links it to you.
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={file.isPending}>
                Send anonymously
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <section aria-labelledby="leadership-actions-heading">
        <Title order={2} id="leadership-actions-heading" mb="xs">
          What leadership is doing
        </Title>
        <ActionsList categoryLabels={categoryLabels} />
      </section>
    </Stack>
  );
}
