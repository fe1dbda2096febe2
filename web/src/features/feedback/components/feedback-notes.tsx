import { Card, Stack, Text, Title } from '@mantine/core';
import { useFeedbackResponses } from '../api/feedback.ts';

/** "You said, we did": the coordinator's answers to a program's feedback, on the program page for everyone. */
export function FeedbackNotes({ programId }: { programId: string }) {
  const responses = useFeedbackResponses(programId);
  const notes = responses.data?.responses ?? [];
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby="you-said-we-did">
      <Title order={2} size="h3" id="you-said-we-did" mb="xs">
        You said, we did
      </Title>
      <Stack gap="xs">
        {notes.map((note) => (
          <Card withBorder key={note.id}>
            <Text>
              <Text span fw={600}>
                You said:{' '}
              </Text>
              {note.youSaid}
            </Text>
            <Text>
              <Text span fw={600}>
                We did:{' '}
              </Text>
              {note.weDid}
            </Text>
            <Text size="xs" c="dimmed">
              {new Date(note.postedAt).toLocaleDateString()}
            </Text>
          </Card>
        ))}
      </Stack>
    </section>
  );
}
