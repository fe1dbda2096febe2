import { Alert, Stack, Text } from '@mantine/core';
import { SupportResources } from '../../../components/support-resources.tsx';

/** The private message after a high score, with the organisation's resources one tap away. */
export function SupportMessage({ support }: { support: { title: string; body: string } }) {
  return (
    <Alert color="blue" title={support.title} role="region" aria-label={support.title}>
      <Stack gap="sm">
        <Text>{support.body}</Text>
        <SupportResources />
      </Stack>
    </Alert>
  );
}
