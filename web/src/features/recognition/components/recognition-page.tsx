import { Alert, Card, Loader, Stack, Switch, Tabs, Text, Title } from '@mantine/core';
import {
  useRecognitionPreferences,
  useRecognitions,
  useSetAcceptsPublicRecognition,
} from '../api/recognition.ts';
import { RecognitionList } from './recognition-list.tsx';
import { SendRecognitionForm } from './send-recognition-form.tsx';

/** /recognition: thank or recognise a colleague; what you received and sent; the organisation wall. */
export function RecognitionPage() {
  const recognitions = useRecognitions();
  const preferences = useRecognitionPreferences();
  const setAccepts = useSetAcceptsPublicRecognition();
  const error = recognitions.error ?? preferences.error ?? setAccepts.error;
  return (
    <Stack>
      <Title order={1}>Recognition</Title>
      <Text>
        Celebrate an accomplishment, say thank you, or recognise effort whatever the outcome. Your colleague
        is told, and sees your name.
      </Text>
      {error ? (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      ) : null}
      <Card withBorder component="section" aria-labelledby="send-heading">
        <Title order={2} size="h3" id="send-heading" mb="sm">
          Recognise a colleague
        </Title>
        <SendRecognitionForm />
      </Card>
      {recognitions.isPending ? <Loader role="status" aria-label="Loading recognition" /> : null}
      {recognitions.data ? (
        <Tabs defaultValue="received">
          <Tabs.List>
            <Tabs.Tab value="received">Received ({recognitions.data.received.length})</Tabs.Tab>
            <Tabs.Tab value="sent">Sent ({recognitions.data.sent.length})</Tabs.Tab>
            <Tabs.Tab value="wall">Organisation wall</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="received" pt="md">
            <RecognitionList recognitions={recognitions.data.received} empty="Nothing received yet." />
          </Tabs.Panel>
          <Tabs.Panel value="sent" pt="md">
            <RecognitionList recognitions={recognitions.data.sent} empty="You have not sent any yet." />
          </Tabs.Panel>
          <Tabs.Panel value="wall" pt="md">
            <RecognitionList
              recognitions={recognitions.data.wall}
              empty="Nothing on the wall yet: recognition shared with the organisation or your groups appears here."
            />
          </Tabs.Panel>
        </Tabs>
      ) : null}
      <Card withBorder component="section" aria-labelledby="recognition-settings-heading">
        <Title order={2} size="h3" id="recognition-settings-heading" mb="sm">
          Settings
        </Title>
        {preferences.data ? (
          <Switch
            label="Let colleagues recognise me publicly (on a group or organisation wall)"
            description="Turned off, you still receive private thanks, and recognition of you leaves the walls."
            checked={preferences.data.acceptsPublicRecognition}
            disabled={setAccepts.isPending}
            onChange={(event) => setAccepts.mutate(event.currentTarget.checked)}
          />
        ) : null}
      </Card>
    </Stack>
  );
}
