import { Alert, Button, Loader, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import {
  type Colleague,
  kindLabels,
  type RecognitionKind,
  useColleagueSearch,
  useSendRecognition,
} from '../api/recognition.ts';

/** Audience choices: "private", "organization" or "group:<id>". */
type Audience = string;

export function SendRecognitionForm() {
  const [search, setSearch] = useState('');
  const [colleague, setColleague] = useState<Colleague | null>(null);
  const [kind, setKind] = useState<RecognitionKind>('gratitude');
  const [message, setMessage] = useState('');
  const [audience, setAudience] = useState<Audience>('private');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const colleagues = useColleagueSearch(search);
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
        <TextInput
          label="Find a colleague by name"
          description="Type at least two letters."
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setSentTo(null);
          }}
        />
        {colleagues.isFetching ? <Loader size="sm" aria-label="Searching" /> : null}
        {colleagues.data && colleagues.data.length === 0 ? <Text size="sm">No one by that name.</Text> : null}
        {colleagues.data && colleagues.data.length > 0 ? (
          <Radio.Group
            label="Colleague"
            value={colleague?.id ?? null}
            onChange={(id) => {
              const chosen = colleagues.data?.find((candidate) => candidate.id === id) ?? null;
              setColleague(chosen);
              if (chosen && !chosen.acceptsPublicRecognition) setAudience('private');
            }}
          >
            <Stack gap={4} mt={4}>
              {colleagues.data.map((candidate) => (
                <Radio key={candidate.id} value={candidate.id} label={candidate.name} />
              ))}
            </Stack>
          </Radio.Group>
        ) : null}
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
