import { Box, Card, Stack, Text, Title } from '@mantine/core';
import type { BoardView } from './edited-groups.ts';
import { dropTargetStyle, type MoveHandlers } from './group-card.tsx';
import { MemberRow } from './member-row.tsx';
import { useDropTarget } from './use-drop-target.ts';

/** People in no group, each with the reason; also the place to drag someone out of every group. */
export function UnassignedPanel({
  people,
  isEditable,
  moveTargets,
  onMove,
}: { people: BoardView['unassigned'] } & Omit<MoveHandlers, 'onTogglePin'>) {
  const drop = useDropTarget(isEditable, (personId) => onMove(personId, null, 'drag'));
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="unassigned-heading"
      {...drop.handlers}
      style={dropTargetStyle(drop.isOver)}
    >
      <Stack gap="xs">
        <Title order={3} size="h4" id="unassigned-heading">
          Unassigned ({people.length})
        </Title>
        {people.length === 0 ? (
          <Text size="sm" c="dimmed">
            Everyone enrolled is in a group.
          </Text>
        ) : (
          <Box component="ul" aria-label="People in no group" m={0} p={0} style={{ listStyle: 'none' }}>
            {people.map((person) => (
              <MemberRow
                key={person.id}
                person={person}
                isPinned={false}
                groupName={null}
                moveTargets={moveTargets.filter((target) => target.id !== null)}
                isEditable={isEditable}
                onMove={(toGroupId) => onMove(person.id, toGroupId, 'menu')}
                onTogglePin={null}
                note={`Why: ${person.reason}`}
              />
            ))}
          </Box>
        )}
        {drop.isOver ? (
          <Text size="sm" fw={700} c="tend.9" role="status">
            Drop to take out of every group
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
