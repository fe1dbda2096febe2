import { Alert, Button, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { type Colleague, ColleaguePicker } from '../../../components/colleague-picker.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { kindLabels, type RecognitionKind, useSendRecognition } from '../api/recognition.ts';

/** Audience choices: "private", "organization" or "group:<id>". */
type Audience = string;

export function SendRecognitionForm() {
  const [search, setSearch] = useState('');
  const [colleague, setColleague] = useState<Colleague | null>(null);
  const [kind, setKind] = useState<RecognitionKind>('gratitude');
  const [message, setMessage] = useState('');
  const [audience, setAudience] = useState<Audience>('private');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const send = useSendRecognition();
  const errors = fieldErrors(send.error);
  const isPrivateOnly = colleague !== null && !colleague.acceptsPublicRecognition;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!colleague) return;
        const isGroup = audience.startsWith('group:');
        send.mutate(
          {
            recipientId: colleague.id,
            kind,
            message,
            visibility: isGroup ? 'group' : (audience as 'private' | 'organization'),
            groupId: isGroup ? audience.slice('group:'.length) : null,
          },
          {
            onSuccess: () => {
              setSentTo(colleague.name);
              setMessage('');
              setColleague(null);
              setSearch('');
              setAudience('private');
            },
          },
        );
      }}
    >
      <Stack>
        <ColleaguePicker
          search={search}
          onSearchChange={(value) => {
            setSearch(value);
            setSentTo(null);
          }}
          chosenId={colleague?.id ?? null}
          onChoose={(chosen) => {
            setColleague(chosen);
            if (chosen && !chosen.acceptsPublicRecognition) setAudience('private');
          }}
        />
        <Radio.Group label="What for" value={kind} onChange={(value) => setKind(value as RecognitionKind)}>
          <Stack gap={4} mt={4}>
            {(Object.keys(kindLabels) as RecognitionKind[]).map((value) => (
              <Radio key={value} value={value} label={kindLabels[value]} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Message"
          autosize
          minRows={2}
          maxLength={1000}
          value={message}
          error={errors.message}
          onChange={(event) => setMessage(event.currentTarget.value)}
        />
        {isPrivateOnly ? (
          <Alert color="blue" role="status">
            {colleague.name} receives private thanks only: only they will see it.
          </Alert>
        ) : null}
        <Radio.Group
          label="Who sees it"
          description="Your colleague always sees it."
          value={audience}
          onChange={setAudience}
          error={errors.visibility ?? errors.groupId}
        >
          <Stack gap={4} mt={4}>
            <Radio value="private" label="Only them" />
            {colleague?.sharedGroups.map((group) => (
              <Radio
                key={group.id}
                value={`group:${group.id}`}
                label={`Our group: ${group.name}`}
                disabled={isPrivateOnly}
              />
            ))}
            <Radio value="organization" label="Everyone in the organisation" disabled={isPrivateOnly} />
          </Stack>
        </Radio.Group>
        {send.error && Object.keys(errors).length === 0 ? (
          <Alert color="red" role="alert">
            {send.error.message}
          </Alert>
        ) : null}
        {sentTo ? (
          <Text role="status" c="green.9">
            Sent to {sentTo}. They have been told.
          </Text>
        ) : null}
        <Button type="submit" loading={send.isPending} disabled={!colleague || message.trim() === ''}>
          Send recognition
        </Button>
      </Stack>
    </form>
  );
}
