import { Alert, Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { type MeetingDetail, useChangeMeeting } from '../api/meetings.ts';

function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/**
 * Move the meeting, give it a place or link of its own, or cancel it — with a reason the members read
 * in the notice. Cancelling asks once more before it tells everyone.
 */
export function ChangeMeetingForm({ meeting }: { meeting: MeetingDetail }) {
  const change = useChangeMeeting(meeting.id);
  const [startsAt, setStartsAt] = useState(toLocalInput(meeting.startsAt));
  const [place, setPlace] = useState(meeting.ownPlace?.place ?? '');
  const [videoUrl, setVideoUrl] = useState(meeting.ownPlace?.videoUrl ?? '');
  const [reason, setReason] = useState('');
  const [isConfirmingCancel, setIsConfirmingCancel] = useState(false);
  const errors = fieldErrors(change.error);
  const minutes = (new Date(meeting.endsAt).getTime() - new Date(meeting.startsAt).getTime()) / 60_000;
  const hasStarted = new Date(meeting.startsAt).getTime() <= Date.now();

  function submit(event: FormEvent) {
    event.preventDefault();
    const start = new Date(startsAt);
    change.mutate({
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
      place: place || null,
      videoUrl: videoUrl || null,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
  }
  return (
    <Card withBorder>
      <form onSubmit={submit} noValidate aria-label="Move, change or cancel this meeting">
        <Stack>
          <Title order={2} size="h3">
            Time and place
          </Title>
          <Text size="sm">
            Everyone in the group is told what changed, and why when you say. Leave the place and link empty
            to use the group’s usual ones.
          </Text>
          {change.error && Object.keys(errors).length === 0 ? (
            <Alert color="red" role="alert">
              {change.error.message}
            </Alert>
          ) : null}
          {change.isSuccess ? (
            <Alert color="tend" role="status">
              Saved; the group has been told.
            </Alert>
          ) : null}
          <TextInput
            label="Starts (your time zone)"
            type="datetime-local"
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            error={errors.startsAt}
          />
          <TextInput
            label="Place for this meeting only"
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={errors.place}
          />
          <TextInput
            label="Video link for this meeting only"
            description="Starts with https://"
            value={videoUrl}
            onChange={(e) => setVideoUrl(e.currentTarget.value)}
            error={errors.videoUrl}
          />
          <Textarea
            label="Why (told to the members)"
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Save and tell the group
            </Button>
            {!hasStarted && !isConfirmingCancel ? (
              <Button variant="default" color="red" onClick={() => setIsConfirmingCancel(true)}>
                Cancel this meeting…
              </Button>
            ) : null}
          </Group>
          {isConfirmingCancel ? (
            <Alert color="yellow" title={`Cancel meeting ${meeting.sequence}?`}>
              <Stack gap="xs">
                <Text size="sm">
                  Everyone in {meeting.groupName} is told it will not take place
                  {reason.trim() ? ', with your reason' : ''}, and it leaves their calendars.
                </Text>
                <Group>
                  <Button
                    color="red"
                    loading={change.isPending}
                    onClick={() =>
                      change.mutate({
                        isCancelled: true,
                        ...(reason.trim() ? { reason: reason.trim() } : {}),
                      })
                    }
                  >
                    Yes, cancel the meeting
                  </Button>
                  <Button variant="default" onClick={() => setIsConfirmingCancel(false)}>
                    Keep it
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
