import { Badge, Box, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { describeSlot } from '../../../lib/format.ts';
import type { BoardGroup } from './edited-groups.ts';
import { formatScore } from './edited-groups.ts';
import { MemberRow, type MoveTarget } from './member-row.tsx';
import { useDropTarget } from './use-drop-target.ts';

const scoreParts = ['level', 'discipline', 'interests', 'experience', 'history'] as const;

/** Whether a person was moved by dragging or with their "Move to…" menu (which keeps keyboard focus on them). */
export type MoveMethod = 'drag' | 'menu';

/** Props shared by the group cards and the unassigned panel. */
export type MoveHandlers = {
  isEditable: boolean;
  moveTargets: MoveTarget[];
  onMove: (personId: string, toGroupId: string | null, via: MoveMethod) => void;
  /** Null where pins do not apply (published groups: every saved move is kept). */
  onTogglePin: ((personId: string) => void) | null;
};

export const dropTargetStyle = (isOver: boolean) =>
  isOver
    ? {
        outline: '3px dashed var(--mantine-color-tend-7)',
        outlineOffset: 2,
        backgroundColor: 'var(--mantine-color-tend-0)',
      }
    : undefined;

/** Sizes say whether the facilitators are counted: the group-size rule counts them. */
export function describeGroupSize(memberCount: number, facilitatorCount: number): string {
  const participants = memberCount - facilitatorCount;
  return (
    `${memberCount} ${memberCount === 1 ? 'member' : 'members'} including ${facilitatorCount} ` +
    `${facilitatorCount === 1 ? 'facilitator' : 'facilitators'} (${participants} ` +
    `${participants === 1 ? 'participant' : 'participants'})`
  );
}

export function GroupCard({
  group,
  isEditable,
  moveTargets,
  onMove,
  onTogglePin,
}: { group: BoardGroup } & MoveHandlers) {
  const drop = useDropTarget(isEditable, (personId) => onMove(personId, group.id, 'drag'));
  const headingId = `group-${group.id}-heading`;
  const facilitatorCount = group.members.filter((member) => member.isFacilitator).length;
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby={headingId}
      {...drop.handlers}
      style={dropTargetStyle(drop.isOver)}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} size="h4" id={headingId}>
            {group.name}
          </Title>
          <Badge
            variant="light"
            color="gray"
            title="Penalty points: lower is better, 0 is ideal"
            style={{ flexShrink: 0 }}
          >
            {group.score ? `Penalty ${formatScore(group.score.total)} · lower is better` : 'Scoring…'}
          </Badge>
        </Group>
        <Text size="sm" fw={500}>
          {group.slot ? `Meets ${describeSlot(group.slot)}` : 'No hour that every member shares'}
        </Text>
        <Text size="sm" c="dimmed">
          {group.explanation ?? 'Updating the explanation…'}
        </Text>
        {group.score ? (
          <Text size="xs" c="dimmed">
            Penalty points:{' '}
            {scoreParts.map((part) => `${part} ${formatScore(group.score?.[part] ?? 0)}`).join(' · ')}
          </Text>
        ) : null}
        {group.violations.length > 0 ? (
          <Box
            p="xs"
            bg="red.0"
            style={{ borderInlineStart: '4px solid var(--mantine-color-red-9)', borderRadius: 4 }}
          >
            <Text size="sm" fw={700} c="red.9">
              Broken rules ({group.violations.length})
            </Text>
            <List size="sm" c="red.9">
              {group.violations.map((message) => (
                <List.Item key={message}>{message}</List.Item>
              ))}
            </List>
          </Box>
        ) : (
          <Text size="sm" c="dimmed">
            Meets every rule.
          </Text>
        )}
        <Text size="sm" fw={500}>
          {describeGroupSize(group.members.length, facilitatorCount)}
        </Text>
        {group.members.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nobody yet{isEditable ? ': drag a person here or use their “Move to…” menu.' : '.'}
          </Text>
        ) : (
          <Box
            component="ul"
            aria-label={`Members of ${group.name}`}
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
          >
            {group.members.map((member) => (
              <MemberRow
                key={member.id}
                person={member}
                isPinned={member.isPinned}
                groupName={group.name}
                moveTargets={moveTargets.filter((target) => target.id !== group.id)}
                isEditable={isEditable}
                onMove={(toGroupId) => onMove(member.id, toGroupId, 'menu')}
                onTogglePin={onTogglePin ? () => onTogglePin(member.id) : null}
              />
            ))}
          </Box>
        )}
        {drop.isOver ? (
          <Text size="sm" fw={700} c="tend.9" role="status">
            Drop to move into {group.name}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
