import { Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { actionStatuses, type LeadershipAction, useLeadershipActions } from '../api/working-conditions.ts';

export function statusLabel(status: LeadershipAction['status']): string {
  return actionStatuses.find((entry) => entry.value === status)?.label ?? status;
}

/** "What leadership is doing": the same list for every member; leaders get controls through `controls`. */
export function ActionsList({
  categoryLabels,
  controls,
}: {
  categoryLabels: Record<string, string>;
  controls?: (action: LeadershipAction) => ReactNode;
}) {
  const actions = useLeadershipActions();
  if (actions.isPending) return <Loader role="status" aria-label="Loading actions" />;
  if (actions.error) return <Text c="red">{actions.error.message}</Text>;
  if (actions.data.actions.length === 0) {
    return <Text>No actions yet. Leaders post here what they are doing about what has been reported.</Text>;
  }
  return (
    <Stack gap="sm">
      {actions.data.actions.map((action) => (
        <Card withBorder key={action.id} component="article" aria-label={action.title}>
          <Group justify="space-between" align="flex-start">
            <Title order={3} size="h4">
              {action.title}
            </Title>
            <Badge variant="outline">{statusLabel(action.status)}</Badge>
          </Group>
          {action.description ? <Text>{action.description}</Text> : null}
          <Text size="sm">
            Owner: {action.ownerName}
            {action.dueDate ? ` · due ${action.dueDate}` : ''}
            {action.categories.length > 0
              ? ` · about ${action.categories.map((category) => categoryLabels[category] ?? category).join(', ')}`
              : ''}
          </Text>
          {controls ? controls(action) : null}
        </Card>
      ))}
    </Stack>
  );
}
