import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { describeHiddenFigure } from '../../../../../src/core/evaluation/describe-hidden-figure.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { describeDateTime } from '../../../lib/format.ts';
import {
  type ScheduleInput,
  useCloseWindow,
  useInstruments,
  usePrograms,
  useScheduleWindow,
  useWindows,
  type WindowKind,
} from '../api/outcomes.ts';

const kindLabels: Record<WindowKind, string> = {
  'baseline-at-enrolment': 'Baseline at enrolment',
  'end-of-term': 'End of term',
  'every-3-months': 'Every 3 months',
  'every-6-months': 'Every 6 months',
};

const localInput = (date: Date) =>
  new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** /assessment-windows (coordinators): schedule instruments, see response counts above the minimum, close windows. */
export function AssessmentWindowsPage() {
  const windows = useWindows();
  const programs = usePrograms();
  const close = useCloseWindow();
  const [closing, setClosing] = useState<{ id: string; title: string } | null>(null);
  const programTitle = (id: string | null) =>
    id === null
      ? 'Whole organisation'
      : (programs.data?.programs.find((program) => program.id === id)?.title ?? 'Program');
  return (
    <Stack>
      <Title order={1}>Assessment windows</Title>
      <Text>
        Schedule a validated questionnaire for a program or the whole organisation. People are reminded once
        per window; a baseline at enrolment opens for each person when they join. Results appear on Outcomes
        once a window closes.
      </Text>
      <ScheduleForm />
      <Title order={2}>Scheduled</Title>
      {windows.isPending ? <Loader role="status" aria-label="Loading windows" /> : null}
      {windows.error ? (
        <Alert color="red" role="alert">
          {windows.error.message}
        </Alert>
      ) : null}
      {close.error ? (
        <Alert color="red" role="alert">
          {close.error.message}
        </Alert>
      ) : null}
      {windows.data && windows.data.windows.length === 0 ? <Text>Nothing scheduled yet.</Text> : null}
      {windows.data && windows.data.windows.length > 0 ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Window</Table.Th>
              <Table.Th scope="col">Instrument</Table.Th>
              <Table.Th scope="col">For</Table.Th>
              <Table.Th scope="col">Open</Table.Th>
              <Table.Th scope="col">Responses</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {windows.data.windows.map((window) => (
              <Table.Tr key={window.id}>
                <Table.Td>
                  {window.title}
                  <Text size="xs">{kindLabels[window.kind]}</Text>
                </Table.Td>
                <Table.Td>{window.instrumentName}</Table.Td>
                <Table.Td>{programTitle(window.programId)}</Table.Td>
                <Table.Td>
                  {describeDateTime(window.opensAt)} – {describeDateTime(window.closedAt ?? window.closesAt)}
                </Table.Td>
                <Table.Td>
                  {window.submittedCount ??
                    describeHiddenFigure(
                      window.submittedCountHiddenReason ?? 'below-minimum',
                      windows.data.minimumGroupSize,
                    )}
                </Table.Td>
                <Table.Td>
                  {window.isClosed ? (
                    <Text size="sm">Closed</Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setClosing({ id: window.id, title: window.title })}
                    >
                      Close now<VisuallyHidden>: {window.title}</VisuallyHidden>
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <ConfirmDialog
        opened={closing !== null}
        title={`Close ${closing?.title ?? 'this window'} now?`}
        confirmLabel="Close the window"
        cancelLabel="Keep it open"
        isPending={close.isPending}
        error={close.error}
        onConfirm={() => closing && close.mutate(closing.id, { onSuccess: () => setClosing(null) })}
        onCancel={() => setClosing(null)}
      >
        Nobody can answer after it closes, and a closed window cannot be opened again. Its results appear on
        Outcomes once enough people have answered.
      </ConfirmDialog>
    </Stack>
  );
}

function ScheduleForm() {
  const instruments = useInstruments();
  const programs = usePrograms();
  const schedule = useScheduleWindow();
  const now = new Date();
  const [form, setForm] = useState<ScheduleInput>({
    instrumentId: 'proqol-5',
    programId: null,
    title: '',
    helperTerm: null,
    kind: 'end-of-term',
    opensAt: localInput(now),
    closesAt: localInput(new Date(now.getTime() + 14 * 86_400_000)),
    occurrences: 1,
    remindersEnabled: true,
    reminderAfterDays: 3,
  });
  const errors = fieldErrors(schedule.error);
  const instrument = instruments.data?.instruments.find((entry) => entry.id === form.instrumentId);
  const isRepeating = form.kind === 'every-3-months' || form.kind === 'every-6-months';
  const update = (changes: Partial<ScheduleInput>) => setForm((current) => ({ ...current, ...changes }));
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-labelledby="schedule-title"
      onSubmit={(event) => {
        event.preventDefault();
        schedule.mutate(
          {
            ...form,
            opensAt: new Date(form.opensAt).toISOString(),
            closesAt: new Date(form.closesAt).toISOString(),
          },
          { onSuccess: () => update({ title: '' }) },
        );
      }}
    >
      <Stack>
        <Title order={2} id="schedule-title">
          Schedule a questionnaire
        </Title>
        <Group grow align="flex-start">
          <Select
            label="Instrument"
            data={(instruments.data?.instruments ?? []).map((entry) => ({
              value: entry.id,
              label: entry.name,
            }))}
            value={form.instrumentId}
            onChange={(value) => update({ instrumentId: value ?? 'proqol-5' })}
            allowDeselect={false}
            error={errors.instrumentId}
          />
          <Select
            label="For"
            data={[
              { value: '', label: 'Whole organisation' },
              ...(programs.data?.programs ?? []).map((program) => ({
                value: program.id,
                label: program.title,
              })),
            ]}
            value={form.programId ?? ''}
            onChange={(value) => update({ programId: value ? value : null })}
            allowDeselect={false}
            error={errors.programId}
          />
        </Group>
        {instrument ? <Text size="sm">{instrument.licenceSummary}</Text> : null}
        {instrument?.useCondition ? <Alert color="yellow">{instrument.useCondition}</Alert> : null}
        <Group grow align="flex-start">
          <TextInput
            label="Title"
            required
            value={form.title}
            onChange={(event) => update({ title: event.currentTarget.value })}
            error={errors.title}
          />
          <Select
            label="When"
            data={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))}
            value={form.kind}
            onChange={(value) => update({ kind: (value ?? 'end-of-term') as WindowKind })}
            allowDeselect={false}
          />
          {isRepeating ? (
            <NumberInput
              label="Occurrences"
              min={1}
              max={12}
              value={form.occurrences}
              onChange={(value) => update({ occurrences: Number(value) || 1 })}
              error={errors.occurrences}
            />
          ) : null}
        </Group>
        {instrument?.hasHelperTerm ? (
          <TextInput
            label="Word for the people answering"
            description='Replaces "[helper]" in the wording, e.g. nurse, resident, pharmacy student'
            value={form.helperTerm ?? ''}
            onChange={(event) => update({ helperTerm: event.currentTarget.value || null })}
            error={errors.helperTerm}
          />
        ) : null}
        <Group grow align="flex-start">
          <TextInput
            type="datetime-local"
            label="Opens"
            value={form.opensAt}
            onChange={(event) => update({ opensAt: event.currentTarget.value })}
            error={errors.opensAt}
          />
          <TextInput
            type="datetime-local"
            label="Closes"
            value={form.closesAt}
            onChange={(event) => update({ closesAt: event.currentTarget.value })}
            error={errors.closesAt}
          />
          <NumberInput
            label="Remind after (days)"
            min={0}
            max={90}
            value={form.reminderAfterDays}
            onChange={(value) => update({ reminderAfterDays: Number(value) || 0 })}
          />
        </Group>
        <Checkbox
          label="Send one reminder to people who have not answered"
          checked={form.remindersEnabled}
          onChange={(event) => update({ remindersEnabled: event.currentTarget.checked })}
        />
        {schedule.error ? (
          <Alert color="red" role="alert">
            {schedule.error.message}
          </Alert>
        ) : null}
        {schedule.isSuccess ? (
          <Alert color="green" role="status">
            Scheduled.
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={schedule.isPending}>
            Schedule
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
