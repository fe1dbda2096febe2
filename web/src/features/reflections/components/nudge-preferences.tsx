import { Alert, Button, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { type NudgePreference, useNudgePreference, useSaveNudgePreference } from '../api/reflections.ts';

const frequencyLabels: Record<NudgePreference['frequency'], string> = {
  every: 'Every follow-up',
  fewer: 'Fewer: at most one a week',
  none: 'None: I will come to my journal myself',
};

/** How often Tend nudges this person to reflect, and a pause until a date. */
export function NudgePreferences() {
  const preference = useNudgePreference();
  const save = useSaveNudgePreference();
  if (!preference.data) return null;
  return <NudgeForm key={JSON.stringify(preference.data)} initial={preference.data} save={save} />;
}

function NudgeForm({
  initial,
  save,
}: {
  initial: NudgePreference;
  save: ReturnType<typeof useSaveNudgePreference>;
}) {
  const [frequency, setFrequency] = useState(initial.frequency);
  const [pausedUntil, setPausedUntil] = useState(initial.pausedUntil?.slice(0, 10) ?? '');
  const isPaused = initial.pausedUntil !== null && new Date(initial.pausedUntil).getTime() > Date.now();
  return (
    <Stack component="section" aria-labelledby="nudge-heading" gap="sm">
      <Title order={2} id="nudge-heading">
        Reflection nudges
      </Title>
      {isPaused ? (
        <Text role="status">
          Nudges are paused until {new Date(initial.pausedUntil ?? '').toLocaleDateString()}.
        </Text>
      ) : null}
      <Radio.Group
        label="How often should Tend nudge you?"
        value={frequency}
        onChange={(value) => setFrequency(value as NudgePreference['frequency'])}
      >
        <Stack mt="xs" gap="xs">
          {(Object.keys(frequencyLabels) as NudgePreference['frequency'][]).map((value) => (
            <Radio key={value} value={value} label={frequencyLabels[value]} />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        type="date"
        label="Pause nudges until (optional)"
        value={pausedUntil}
        onChange={(event) => setPausedUntil(event.currentTarget.value)}
        maw={240}
      />
      {save.error ? (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      ) : null}
      <Group>
        <Button
          variant="light"
          loading={save.isPending}
          onClick={() =>
            save.mutate({
              frequency,
              // The pause ends at the start of that day where the person is.
              pausedUntil: pausedUntil ? new Date(`${pausedUntil}T00:00:00`).toISOString() : null,
            })
          }
        >
          Save nudge settings
        </Button>
        {save.isSuccess ? (
          <Text size="sm" role="status">
            Saved.
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
