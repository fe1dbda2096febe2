import { Badge, Button, Group, Menu, Text } from '@mantine/core';
import { labelLevel } from '../../../lib/labels.ts';
import type { GroupPerson } from '../api/groups.ts';

/** The data type a dragged person carries, so only people can be dropped on a group. */
export const personDragType = 'application/x-tend-person';

export type MoveTarget = { id: string | null; name: string };

/** One person on the board: who they are, and (while editing) a pin toggle and a "Move to…" menu. */
export function MemberRow({
  person,
  isPinned,
  groupName,
  moveTargets,
  isEditable,
  onMove,
  onTogglePin,
  note,
}: {
  person: GroupPerson;
  isPinned: boolean;
  /** The group the person is in, or null when they are in none. */
  groupName: string | null;
  moveTargets: MoveTarget[];
  isEditable: boolean;
  onMove: (toGroupId: string | null) => void;
  onTogglePin: (() => void) | null;
  /** A line under the person, e.g. why they are in no group. */
  note?: string;
}) {
  const level = labelLevel(person.level);
  return (
    <Group
      component="li"
      justify="space-between"
      wrap="nowrap"
      gap="xs"
      py={4}
      draggable={isEditable}
      onDragStart={(event) => {
        event.dataTransfer.setData(personDragType, person.id);
        event.dataTransfer.setData('text/plain', person.name);
        event.dataTransfer.effectAllowed = 'move';
      }}
      style={isEditable ? { cursor: 'grab' } : undefined}
    >
      <div>
        <Text size="sm" fw={500}>
          {person.name}
        </Text>
        <Group gap={4}>
          {person.isFacilitator ? (
            <Badge size="sm" variant="light" color="tend">
              Facilitator
            </Badge>
          ) : null}
          {level ? (
            <Text size="xs" c="dimmed">
              {level}
              {person.discipline ? ` · ${person.discipline}` : ''}
            </Text>
          ) : null}
          {!isEditable && isPinned ? (
            <Badge size="sm" variant="outline" color="gray.8">
              Pinned
            </Badge>
          ) : null}
        </Group>
        {note ? (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        ) : null}
      </div>
      {isEditable ? (
        <Group gap={4} wrap="nowrap">
          {onTogglePin && groupName ? (
            <Button
              size="compact-xs"
              variant={isPinned ? 'filled' : 'default'}
              aria-pressed={isPinned}
              aria-label={`Pin ${person.name} to ${groupName}`}
              title={
                isPinned
                  ? 'Pinned: stays in this group when groups are re-formed'
                  : 'Keep in this group when re-forming'
              }
              onClick={onTogglePin}
            >
              {/* The visible word stays inside the accessible name; aria-pressed carries the state. */}
              Pin
            </Button>
          ) : null}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                size="compact-xs"
                variant="default"
                aria-label={`Move ${person.name} to…`}
                data-move-person={person.id}
              >
                Move
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label c="dimmed">Move {person.name} to</Menu.Label>
              {moveTargets.map((target) => (
                <Menu.Item key={target.id ?? 'none'} onClick={() => onMove(target.id)}>
                  {target.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      ) : null}
    </Group>
  );
}
