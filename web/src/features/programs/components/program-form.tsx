import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import type { ProgramFields } from '../api/programs.ts';

/** A calendar date counted from the person's own today (not UTC's, which is a day ahead in the evening in the Americas). */
function addDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()]
    .map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0'))
    .join('-');
}

export function emptyProgram(): ProgramFields {
  return {
    title: '',
    description: '',
    audience: '',
    termStart: addDays(21),
    termEnd: addDays(21 + 7 * 14),
    enrolmentOpens: addDays(0),
    enrolmentCloses: addDays(14),
    capacity: null,
    groupSizeMin: 8,
    groupSizeMax: 10,
    meetingCount: 6,
    meetingMinutes: 60,
    cadenceWeeks: 2,
    holidays: [],
    topicIds: [],
    reminderHours: 24,
    followUpDays: [1, 7, 30],
  };
}

/** Creates or edits a program's term, enrolment window, group size and cadence. */
export function ProgramForm({
  initial,
  submitLabel,
  isPending,
  error,
  onSubmit,
}: {
  initial: ProgramFields;
  submitLabel: string;
  isPending: boolean;
  error: Error | null;
  onSubmit: (fields: ProgramFields) => void;
}) {
  const [fields, setFields] = useState(initial);
  const [holidays, setHolidays] = useState(initial.holidays.join(', '));
  const [followUpDays, setFollowUpDays] = useState(initial.followUpDays.join(', '));
  const errors = fieldErrors(error);
  const set = <K extends keyof ProgramFields>(key: K, value: ProgramFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  const number = (key: keyof ProgramFields) => (value: string | number) =>
    set(key, (value === '' ? 0 : Number(value)) as never);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit({
      ...fields,
      holidays: holidays
        .split(/[,\s]+/)
        .map((day) => day.trim())
        .filter(Boolean),
      followUpDays: followUpDays
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number),
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Program">
      <Stack>
        {error && Object.keys(errors).length === 0 ? (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        ) : null}
        <TextInput
          label="Title"
          required
          value={fields.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errors.title}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={fields.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={errors.description}
        />
        <TextInput
          label="Audience"
          description="Who it is for, e.g. Students years 1–4, Residents, Clinicians"
          value={fields.audience}
          onChange={(e) => set('audience', e.currentTarget.value)}
          error={errors.audience}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Term starts"
            type="date"
            value={fields.termStart}
            onChange={(e) => set('termStart', e.currentTarget.value)}
            error={errors.termStart}
          />
          <TextInput
            label="Term ends"
            type="date"
            value={fields.termEnd}
            onChange={(e) => set('termEnd', e.currentTarget.value)}
            error={errors.termEnd}
          />
          <TextInput
            label="Enrolment opens"
            type="date"
            value={fields.enrolmentOpens}
            onChange={(e) => set('enrolmentOpens', e.currentTarget.value)}
            error={errors.enrolmentOpens}
          />
          <TextInput
            label="Enrolment closes"
            type="date"
            value={fields.enrolmentCloses}
            onChange={(e) => set('enrolmentCloses', e.currentTarget.value)}
            error={errors.enrolmentCloses}
          />
          <NumberInput
            label="Smallest group"
            min={3}
            max={20}
            value={fields.groupSizeMin}
            onChange={number('groupSizeMin')}
            error={errors.groupSizeMin}
          />
          <NumberInput
            label="Largest group"
            min={3}
            max={20}
            value={fields.groupSizeMax}
            onChange={number('groupSizeMax')}
            error={errors.groupSizeMax}
          />
          <NumberInput
            label="Number of meetings"
            min={1}
            max={52}
            value={fields.meetingCount}
            onChange={number('meetingCount')}
            error={errors.meetingCount}
          />
          <NumberInput
            label="Meeting length (minutes)"
            min={15}
            max={240}
            value={fields.meetingMinutes}
            onChange={number('meetingMinutes')}
            error={errors.meetingMinutes}
          />
          <NumberInput
            label="Weeks between meetings"
            description="1 weekly, 2 every two weeks"
            min={1}
            max={8}
            value={fields.cadenceWeeks}
            onChange={number('cadenceWeeks')}
            error={errors.cadenceWeeks}
          />
          <NumberInput
            label="Places"
            description="Leave empty for no limit; later people join a waiting list"
            min={1}
            value={fields.capacity ?? ''}
            onChange={(value) => set('capacity', value === '' ? null : Number(value))}
            error={errors.capacity}
          />
          <NumberInput
            label="Reminder (hours before a meeting)"
            min={1}
            max={168}
            value={fields.reminderHours}
            onChange={number('reminderHours')}
            error={errors.reminderHours}
          />
        </SimpleGrid>
        <TextInput
          label="Holidays (no meetings)"
          description="Dates as yyyy-mm-dd, separated by commas"
          value={holidays}
          onChange={(e) => setHolidays(e.currentTarget.value)}
          error={errors.holidays}
        />
        <TextInput
          label="Follow-up reflections (days after each meeting)"
          description="Attendees get a reflection prompt on each of these days; for example 1, 7, 30"
          value={followUpDays}
          onChange={(e) => setFollowUpDays(e.currentTarget.value)}
          error={errors.followUpDays}
        />
        <Group>
          <Button type="submit" loading={isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
