import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  Modal,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { describeSlot } from '../../../lib/format.ts';
import { labelLevel } from '../../../lib/labels.ts';
import type { GroupsOverview } from '../api/groups.ts';
import {
  type GroupMove,
  usePlacementProposal,
  useSaveGroupChanges,
  useTellUnplaced,
} from '../api/published-groups.ts';
import { type BoardView, formatScore } from './edited-groups.ts';
import { dropTargetStyle } from './group-card.tsx';
import type { MoveTarget } from './member-row.tsx';
import { useDropTarget } from './use-drop-target.ts';

type Unplaced = BoardView['unassigned'][number] & { proposedGroupId?: string | null; isTold?: boolean };

/**
 * Everyone in no group, in one list, with the engine's reason; "Offer a place" when a group has
 * room for them now, "Choose a group…" for the engine's checked proposals, and one button that
 * tells them all privately why and what they can do.
 */
export function UnplacedList({
  programId,
  overview,
  people,
  moveTargets,
  onStage,
  onNotice,
}: {
  programId: string;
  overview: GroupsOverview;
  people: Unplaced[];
  moveTargets: MoveTarget[];
  onStage: (move: GroupMove) => void;
  onNotice: (message: string) => void;
}) {
  const [choosingFor, setChoosingFor] = useState<Unplaced | null>(null);
  const offer = useSaveGroupChanges(programId);
  const tell = useTellUnplaced(programId);
  const drop = useDropTarget(true, (personId) => onStage({ userId: personId, toGroupId: null }));
  const untold = people.filter((person) => person.isTold === false).length;
  const groupName = (id: string | null | undefined) => moveTargets.find((target) => target.id === id)?.name;
  return (
    <Card
      withBorder
      component="section"
      aria-labelledby="unplaced-heading"
      {...drop.handlers}
      style={dropTargetStyle(drop.isOver)}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4" id="unplaced-heading">
            Not in a group ({people.length})
          </Title>
          {untold > 0 ? (
            <Button
              size="xs"
              variant="default"
              loading={tell.isPending}
              onClick={() =>
                tell.mutate(undefined, {
                  onSuccess: (result) =>
                    onNotice(
                      `Told ${(result as { told?: number }).told ?? untold} ${untold === 1 ? 'person' : 'people'} privately why they are in no group and what they can do.`,
                    ),
                })
              }
            >
              Tell them privately why ({untold} not told yet)
            </Button>
          ) : null}
        </Group>
        {tell.error || offer.error ? (
          <Alert color="red" role="alert">
            {(tell.error ?? offer.error)?.message}
          </Alert>
        ) : null}
        {people.length === 0 ? (
          <Text size="sm" c="gray.7">
            Everyone enrolled is in a group.
          </Text>
        ) : (
          <Box component="ul" aria-label="People in no group" m={0} p={0} style={{ listStyle: 'none' }}>
            {people.map((person) => (
              <Box
                component="li"
                key={person.id}
                py={6}
                style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Group justify="space-between" wrap="wrap" gap="xs">
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
                      <Text size="xs" c="gray.7">
                        {labelLevel(person.level) ?? ''}
                        {person.isTold
                          ? ' · told why, privately'
                          : person.isTold === false
                            ? ' · not told yet'
                            : ''}
                      </Text>
                    </Group>
                    <Text size="xs" c="gray.7">
                      Why: {person.reason}
                    </Text>
                  </div>
                  <Group gap={4}>
                    {person.proposedGroupId ? (
                      <Button
                        size="compact-sm"
                        loading={offer.isPending && offer.variables?.[0]?.userId === person.id}
                        onClick={() =>
                          offer.mutate([{ userId: person.id, toGroupId: person.proposedGroupId ?? null }], {
                            onSuccess: () =>
                              onNotice(
                                `${person.name} has a place in ${groupName(person.proposedGroupId)} and has been told.`,
                              ),
                          })
                        }
                      >
                        Offer a place in {groupName(person.proposedGroupId)}
                        <VisuallyHidden> to {person.name}</VisuallyHidden>
                      </Button>
                    ) : null}
                    <Button size="compact-sm" variant="default" onClick={() => setChoosingFor(person)}>
                      Choose a group<VisuallyHidden> for {person.name}</VisuallyHidden>
                    </Button>
                  </Group>
                </Group>
              </Box>
            ))}
          </Box>
        )}
        {drop.isOver ? (
          <Text size="sm" fw={700} c="tend.9" role="status">
            Drop to take out of every group
          </Text>
        ) : null}
      </Stack>
      <PlacementModal
        programId={programId}
        overview={overview}
        person={choosingFor}
        onClose={() => setChoosingFor(null)}
        onPlace={(move) => {
          onStage(move);
          setChoosingFor(null);
        }}
      />
    </Card>
  );
}

/** The engine's proposal for one person: every group with its rule check and penalty change, best first. */
function PlacementModal({
  programId,
  overview,
  person,
  onClose,
  onPlace,
}: {
  programId: string;
  overview: GroupsOverview;
  person: Unplaced | null;
  onClose: () => void;
  onPlace: (move: GroupMove) => void;
}) {
  const proposal = usePlacementProposal(programId, person?.id ?? null);
  const isInGroup = overview.groups.some((group) => group.members.some((member) => member.id === person?.id));
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={person !== null}
      onClose={onClose}
      title={`Place ${person?.name ?? ''}`}
      size="lg"
    >
      <Stack>
        {proposal.isPending ? <Text size="sm">Checking every group…</Text> : null}
        {proposal.error ? (
          <Alert color="red" role="alert">
            {proposal.error.message}
          </Alert>
        ) : null}
        {isInGroup ? (
          <Text size="sm">This person is already in a group; use their “Move to…” menu instead.</Text>
        ) : null}
        {proposal.data ? (
          <>
            <Text size="sm">
              {proposal.data.proposedGroupId
                ? 'The proposed group is the one with room where they cost the least penalty (lower is better). Placing them is staged: you can undo it until you save.'
                : `No group can take them now: ${proposal.data.reason ?? 'no group has room at their hours'}.`}
            </Text>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Group</Table.Th>
                  <Table.Th scope="col">Size now</Table.Th>
                  <Table.Th scope="col">Rule check</Table.Th>
                  <Table.Th scope="col">Penalty change</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Action</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {proposal.data.candidates.map((candidate) => (
                  <Table.Tr key={candidate.groupId}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {candidate.groupName}
                        {candidate.groupId === proposal.data.proposedGroupId ? ' (proposed)' : ''}
                      </Text>
                      <Text size="xs" c="gray.7">
                        {candidate.slot ? describeSlot(candidate.slot) : 'No meeting hour'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {candidate.memberCount} incl. {candidate.facilitatorCount} facilitator
                        {candidate.facilitatorCount === 1 ? '' : 's'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {candidate.isLegal ? (
                        <Text size="sm">Meets every rule</Text>
                      ) : (
                        <List size="xs" c="red.9">
                          {candidate.violations.map((message) => (
                            <List.Item key={message}>{message}</List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {candidate.scoreChange > 0 ? '+' : ''}
                        {formatScore(candidate.scoreChange)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant={candidate.groupId === proposal.data.proposedGroupId ? 'filled' : 'default'}
                        disabled={!candidate.isLegal || isInGroup}
                        onClick={() => person && onPlace({ userId: person.id, toGroupId: candidate.groupId })}
                      >
                        Place in {candidate.groupName}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
