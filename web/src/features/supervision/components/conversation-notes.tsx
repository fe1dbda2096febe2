import { Alert, Button, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { describeDateTime } from '../../../lib/format.ts';
import { type SupervisionNotes, useConversation, useSaveNotes } from '../api/supervision.ts';

const template: { field: keyof SupervisionNotes; label: string; description: string }[] = [
  { field: 'experiences', label: 'Experiences', description: 'What happened that you want to reflect on.' },
  {
    field: 'reactions',
    label: 'Reactions',
    description: 'What it stirred in you: thoughts, feelings, body.',
  },
  { field: 'whatHelped', label: 'What helped', description: 'Strengths, support and skills you drew on.' },
  { field: 'nextSteps', label: 'Next steps', description: 'What you will try or look after next.' },
];

const emptyNotes: SupervisionNotes = { experiences: '', reactions: '', whatHelped: '', nextSteps: '' };

/** The shared notes of one conversation, in the reflective-supervision template. */
export function ConversationNotes({
  conversationId,
  onClose,
}: {
  conversationId: string;
  onClose: () => void;
}) {
  const conversation = useConversation(conversationId);
  const save = useSaveNotes(conversationId);
  const [notes, setNotes] = useState<SupervisionNotes>(emptyNotes);
  const [isSaved, setIsSaved] = useState(false);
  useEffect(() => {
    if (conversation.data) setNotes(conversation.data.notes);
  }, [conversation.data]);

  if (conversation.isPending) return <Loader role="status" aria-label="Loading the notes" />;
  if (conversation.error) {
    return (
      <Alert color="red" role="alert">
        {conversation.error.message}
      </Alert>
    );
  }
  const { data } = conversation;
  const isActive = data.status === 'active';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(notes, { onSuccess: () => setIsSaved(true) });
      }}
    >
      <Stack>
        <Title order={3} size="h4">
          Notes: conversation {data.sequence} of {data.conversationCount} with {data.colleague.name},{' '}
          {describeDateTime(data.startsAt)}
        </Title>
        <Text size="sm">Only the two of you can read these notes.</Text>
        {!isActive ? (
          <Alert color="blue">
            {data.status === 'ended'
              ? 'This supervision has ended: the notes stay readable to the two of you and no longer change.'
              : 'Notes can be kept once both of you have agreed.'}
          </Alert>
        ) : null}
        {template.map(({ field, label, description }) => (
          <Textarea
            key={field}
            label={label}
            description={description}
            autosize
            minRows={2}
            maxLength={5000}
            value={notes[field]}
            disabled={!isActive}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setNotes((current) => ({ ...current, [field]: value }));
              setIsSaved(false);
            }}
          />
        ))}
        {save.error ? (
          <Alert color="red" role="alert">
            {save.error.message}
          </Alert>
        ) : null}
        {isSaved ? (
          <Text role="status" c="green.9">
            Notes saved.
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!isActive}>
            Save notes
          </Button>
          <Button variant="subtle" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
