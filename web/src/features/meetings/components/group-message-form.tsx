import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { type MyGroup, useMessageGroup } from '../api/meetings.ts';

/** A facilitator's message to their group: each member gets it on their own, in Tend and by e-mail. */
export function GroupMessageForm({ group }: { group: MyGroup }) {
  const send = useMessageGroup(group.programId, group.id);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const errors = fieldErrors(send.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate(
      { subject, body },
      {
        onSuccess: () => {
          setSubject('');
          setBody('');
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-label={`Message ${group.name}`}>
      <Stack gap="xs">
        {send.error && Object.keys(errors).length === 0 ? (
          <Alert color="red" role="alert">
            {send.error.message}
          </Alert>
        ) : null}
        {send.isSuccess ? (
          <Alert color="tend" role="status">
            Sent to {send.data.recipients} {send.data.recipients === 1 ? 'person' : 'people'}, each on their
            own.
          </Alert>
        ) : null}
        <TextInput
          label="Subject"
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={errors.subject}
        />
        <Textarea
          label="Message"
          description="Everyone in the group gets it by notice and e-mail; nobody sees who else did."
          autosize
          minRows={3}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
        />
        <Group>
          <Button type="submit" loading={send.isPending}>
            Send to the group
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
