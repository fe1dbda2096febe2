import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { useOverview, useSendProgramMessage } from '../api/programs.ts';

/**
 * The coordinator's message to one group, everyone enrolled, or the enrolled not yet in a group. Each
 * person gets their own notice and e-mail; nobody sees who else did.
 */
export function ProgramMessageForm({ programId }: { programId: string }) {
  const overview = useOverview(programId);
  const send = useSendProgramMessage(programId);
  const [audience, setAudience] = useState<string>('enrolled');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [isConfirming, setIsConfirming] = useState(false);
  const errors = fieldErrors(send.error);
  const groups = overview.data?.groups.filter((group) => group.status === 'published') ?? [];
  const options = [
    { value: 'enrolled', label: 'Everyone enrolled' },
    { value: 'unplaced', label: 'Enrolled, not in a group yet' },
    ...groups.map((group) => ({ value: `group:${group.id}`, label: `Group: ${group.name}` })),
  ];
  const audienceLabel = options.find((option) => option.value === audience)?.label ?? '';

  function submit(event: FormEvent) {
    event.preventDefault();
    setIsConfirming(true);
  }
  function confirm() {
    const [kind = 'enrolled', groupId] = audience.split(':');
    send.mutate(
      {
        audience: { kind: kind as 'group' | 'enrolled' | 'unplaced', ...(groupId ? { groupId } : {}) },
        subject,
        body,
      },
      {
        onSuccess: () => {
          setSubject('');
          setBody('');
        },
        onSettled: () => setIsConfirming(false),
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby="program-message">
      <Stack>
        <Title order={2} size="h3" id="program-message">
          Send a message
        </Title>
        <Text size="sm">
          Each person gets it on their own, in Tend and by e-mail; nobody sees who else did.
        </Text>
        {send.error && Object.keys(errors).length === 0 ? (
          <Alert color="red" role="alert">
            {send.error.message}
          </Alert>
        ) : null}
        {send.isSuccess ? (
          <Alert color="tend" role="status">
            Sent to {send.data.recipients} {send.data.recipients === 1 ? 'person' : 'people'}.
          </Alert>
        ) : null}
        <Select
          label="To"
          data={options}
          value={audience}
          onChange={(value) => setAudience(value ?? 'enrolled')}
          allowDeselect={false}
          error={errors['audience.groupId'] ?? errors['audience.kind'] ?? errors.audience}
        />
        <TextInput
          label="Subject"
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={errors.subject}
        />
        <Textarea
          label="Message"
          autosize
          minRows={4}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
        />
        {isConfirming ? (
          <Alert color="yellow" title={`Send to ${audienceLabel.toLowerCase()}?`}>
            <Group>
              <Button onClick={confirm} loading={send.isPending}>
                Yes, send it
              </Button>
              <Button variant="default" onClick={() => setIsConfirming(false)}>
                Not yet
              </Button>
            </Group>
          </Alert>
        ) : (
          <Group>
            <Button type="submit">Send…</Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
