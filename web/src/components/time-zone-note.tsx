import { Text } from '@mantine/core';

/**
 * Says which clock typed times are read on, beside every form that takes a time: "Times in
 * America/Toronto (organisation time)". `whose` is the organisation's zone, or this device's when the
 * form sends the device's zone with the time.
 */
export function TimeZoneNote({
  timeZone,
  whose,
  id,
}: {
  timeZone: string;
  whose: 'organisation' | 'device';
  id?: string;
}) {
  return (
    <Text size="sm" c="dimmed" id={id}>
      Times in {timeZone} ({whose === 'organisation' ? 'organisation time' : 'this device’s time'})
    </Text>
  );
}
