import { Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

/** Counts down the meeting's minutes so the facilitator can pace the prompts. */
export function MeetingTimer({ minutes }: { minutes: number }) {
  const [remaining, setRemaining] = useState(minutes * 60);
  const [isRunning, setIsRunning] = useState(false);
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => setRemaining((seconds) => Math.max(0, seconds - 1)), 1000);
    return () => clearInterval(timer);
  }, [isRunning]);
  const clock = `${Math.floor(remaining / 60)}:${String(remaining % 60).padStart(2, '0')}`;
  return (
    <Group>
      <Text fw={700} size="xl" aria-live="off" aria-label={`Time left ${clock}`}>
        {clock}
      </Text>
      <Button size="xs" variant="default" onClick={() => setIsRunning(!isRunning)}>
        {isRunning ? 'Pause' : 'Start timer'}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        onClick={() => {
          setIsRunning(false);
          setRemaining(minutes * 60);
        }}
      >
        Reset
      </Button>
    </Group>
  );
}
