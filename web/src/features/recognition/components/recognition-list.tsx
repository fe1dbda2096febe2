import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { describeDateTime } from '../../../lib/format.ts';
import { kindLabels, type Recognition } from '../api/recognition.ts';

function describeAudience(recognition: Recognition): string {
  if (recognition.visibility === 'organization') return 'Shown to the organisation';
  if (recognition.visibility === 'group') return `Shown to ${recognition.group?.name ?? 'your group'}`;
  return 'Private';
}

export function RecognitionList({ recognitions, empty }: { recognitions: Recognition[]; empty: string }) {
  if (recognitions.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {recognitions.map((recognition) => (
        <li key={recognition.id}>
          <Card withBorder padding="sm">
            <Stack gap={4}>
              <Group justify="space-between">
                <Text fw={600}>
                  {recognition.sender.name} → {recognition.recipient.name}
                </Text>
                <Group gap="xs">
                  <Badge variant="light">{kindLabels[recognition.kind]}</Badge>
                  <Badge variant="outline">{describeAudience(recognition)}</Badge>
                </Group>
              </Group>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{recognition.message}</Text>
              <Text size="xs">{describeDateTime(recognition.createdAt)}</Text>
            </Stack>
          </Card>
        </li>
      ))}
    </Stack>
  );
}
