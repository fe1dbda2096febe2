import { Alert, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { TimeZoneNote } from '../../../components/time-zone-note.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { describeDateTime, viewerTimeZone } from '../../../lib/format.ts';
import { useMoveConversation } from '../api/supervision.ts';

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** The date and time an instant shows on the viewer's clock, as the date and time inputs want them. */
function localParts(iso: string): { date: string; time: string } {
  const instant = new Date(iso);
  return {
    date: `${instant.getFullYear()}-${twoDigits(instant.getMonth() + 1)}-${twoDigits(instant.getDate())}`,
    time: `${twoDigits(instant.getHours())}:${twoDigits(instant.getMinutes())}`,
  };
}

/** Move one conversation still ahead to a new time, on the viewer's clock; the colleague is told. */
export function MoveConversationForm({
  conversation,
  onDone,
}: {
  conversation: { id: string; sequence: number; startsAt: string };
  onDone: () => void;
}) {
  const [when, setWhen] = useState(() => localParts(conversation.startsAt));
  const move = useMoveConversation(conversation.id);
  const errors = fieldErrors(move.error);
  const headingId = `move-${conversation.id}`;
  return (
    <form
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        move.mutate({ ...when, timeZone: viewerTimeZone() }, { onSuccess: onDone });
      }}
    >
      <Stack gap="xs">
        <Title order={4} size="h5" id={headingId}>
          Move conversation {conversation.sequence} (now {describeDateTime(conversation.startsAt)})
        </Title>
        <TimeZoneNote timeZone={viewerTimeZone()} whose="device" />
        <Group align="flex-start">
          <TextInput
            type="date"
            label="New date"
            required
            value={when.date}
            error={errors.date}
            onChange={(event) => {
              const date = event.currentTarget.value;
              setWhen((current) => ({ ...current, date }));
            }}
          />
          <TextInput
            type="time"
            label="New time"
            required
            value={when.time}
            error={errors.time ?? errors.timeZone}
            onChange={(event) => {
              const time = event.currentTarget.value;
              setWhen((current) => ({ ...current, time }));
            }}
          />
        </Group>
        {move.error ? (
          <Alert color="red" role="alert">
            {move.error.message}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" size="xs" loading={move.isPending}>
            Move and tell my colleague
          </Button>
          <Button type="button" size="xs" variant="default" onClick={onDone}>
            Keep the time
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
