import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../../lib/api-client.ts';
import { type NextTermDates, type Program, useCopyProgram } from '../api/programs.ts';

/** The same dates a year on: a sensible first guess the coordinator corrects. */
function aYearLater(date: string): string {
  const [year = '2000', rest = ''] = date.split(/-(.*)/s);
  return `${Number(year) + 1}-${rest}`;
}

/**
 * "Copy for next term": a draft with this program's curriculum, settings, cadence and prompts and
 * the dates the coordinator gives; nobody's enrolment, group or feedback goes with it.
 */
export function CopyProgramButton({ program }: { program: Program }) {
  const [isOpen, dialog] = useDisclosure();
  const copy = useCopyProgram(program.id);
  const navigate = useNavigate();
  const [form, setForm] = useState<NextTermDates>({
    title: `${program.title} (next term)`,
    termStart: aYearLater(program.termStart),
    termEnd: aYearLater(program.termEnd),
    enrolmentOpens: aYearLater(program.enrolmentOpens),
    enrolmentCloses: aYearLater(program.enrolmentCloses),
  });
  const errors = fieldErrors(copy.error);
  const field = (key: keyof NextTermDates, label: string, type: 'text' | 'date' = 'date') => (
    <TextInput
      label={label}
      type={type}
      required
      value={form[key]}
      error={errors[key]}
      onChange={(event) => setForm({ ...form, [key]: event.currentTarget.value })}
    />
  );
  function submit(event: FormEvent) {
    event.preventDefault();
    copy.mutate(form, {
      onSuccess: ({ id }) => {
        dialog.close();
        navigate(`/programs/${id}`);
      },
    });
  }
  return (
    <>
      <Button variant="default" onClick={dialog.open}>
        Copy for next term
      </Button>
      <Modal
        opened={isOpen}
        onClose={dialog.close}
        title="Copy for next term"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={submit} noValidate aria-label="Copy for next term">
          <Stack>
            <Text size="sm">
              The copy keeps the curriculum, group sizes, cadence, meeting length, reminders and follow-up
              prompts. Nobody's enrolment, group or feedback is copied. It starts as a draft; add the new
              term's holidays in its settings.
            </Text>
            {copy.error && Object.keys(errors).length === 0 ? (
              <Alert color="red" role="alert">
                {copy.error.message}
              </Alert>
            ) : null}
            {field('title', 'Title', 'text')}
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              {field('termStart', 'Term starts')}
              {field('termEnd', 'Term ends')}
              {field('enrolmentOpens', 'Enrolment opens')}
              {field('enrolmentCloses', 'Enrolment closes')}
            </SimpleGrid>
            <Group>
              <Button type="submit" loading={copy.isPending}>
                Create the copy
              </Button>
              <Button variant="default" onClick={dialog.close}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
