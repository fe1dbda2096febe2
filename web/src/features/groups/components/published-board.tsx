import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { GroupsOverview } from '../api/groups.ts';
import { type GroupMove, useChangePreview, useSaveGroupChanges } from '../api/published-groups.ts';
import { formatScore } from './edited-groups.ts';
import { GroupCard } from './group-card.tsx';
import type { MoveTarget } from './member-row.tsx';
import { describeMove, describeWhoIsTold, netMoves, stagedView } from './published-changes.ts';
import { UnplacedList } from './unplaced-list.tsx';

/** How long to wait after the last move before checking the rules, so quick moves make one request. */
const checkDelayMs = 150;

/**
 * Published groups, still editable for the whole term: move one person, place a late enrollee,
 * fill a gap, swap a facilitator. Moves are staged with an undo, checked against the rules live,
 * and saved together; saving tells only the people whose group or meeting changed.
 */
export function PublishedBoard({
  programId,
  overview,
  onNotice,
}: {
  programId: string;
  overview: GroupsOverview;
  onNotice: (message: string) => void;
}) {
  const [staged, setStaged] = useState<GroupMove[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [isConfirming, confirming] = useDisclosure(false);
  const moves = useMemo(() => netMoves(overview, staged), [overview, staged]);
  const [debouncedMoves] = useDebouncedValue(moves, checkDelayMs);
  const preview = useChangePreview(programId, debouncedMoves);
  const save = useSaveGroupChanges(programId);
  const isChecking =
    moves.length > 0 && (debouncedMoves !== moves || preview.isFetching || preview.isPlaceholderData);
  const check = moves.length > 0 && !isChecking ? preview.data : undefined;
  const view = stagedView(overview, moves, check?.problems ?? []);

  const moveTargets: MoveTarget[] = [
    ...view.groups.map((group) => ({ id: group.id, name: group.name })),
    { id: null, name: 'Not in a group' },
  ];

  function stage(move: GroupMove) {
    setStaged((current) => [...current, move]);
    setAnnouncement(`Staged: ${describeMove(overview, move)}. Checking the rules…`);
  }

  function undo(index: number) {
    const move = moves[index];
    if (!move) return;
    setStaged((current) =>
      netMoves(overview, current).filter((candidate) => candidate.userId !== move.userId),
    );
    setAnnouncement(`Undone: ${describeMove(overview, move)}.`);
  }

  function saveMoves() {
    save.mutate(moves, {
      onSuccess: () => {
        setStaged([]);
        confirming.close();
        onNotice('Saved. The people whose group or meeting changed have been told; nobody else was.');
      },
    });
  }

  return (
    <Stack>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      <Alert color="blue" title="These groups are published">
        Members know their group and meeting time, and the meetings are planned. You can still move one
        person, place someone who enrolled late, fill a gap after a withdrawal, or swap or add a facilitator:
        each change is checked against the rules before you save, and only the people it affects are told.
      </Alert>

      {moves.length > 0 ? (
        <Paper withBorder p="sm" component="section" aria-labelledby="staged-changes-heading">
          <Stack gap="xs">
            <Title order={3} size="h5" id="staged-changes-heading">
              Changes not saved yet ({moves.length})
            </Title>
            <List size="sm" spacing={4}>
              {moves.map((move, index) => (
                <List.Item key={move.userId}>
                  <Group gap="xs">
                    <Text size="sm">{describeMove(overview, move)}</Text>
                    <Button
                      size="compact-xs"
                      variant="default"
                      aria-label={`Undo: ${describeMove(overview, move)}`}
                      onClick={() => undo(index)}
                    >
                      Undo
                    </Button>
                  </Group>
                </List.Item>
              ))}
            </List>
            <ChangeCheck isChecking={isChecking} check={check} error={preview.error} />
            <Group>
              <Button
                onClick={() => {
                  save.reset();
                  confirming.open();
                }}
                disabled={isChecking || !check?.isAllowed}
              >
                Save and tell those affected
              </Button>
              <Button variant="default" onClick={() => setStaged([])}>
                Undo all
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <Text size="sm" c="gray.7">
          To move someone, drag them onto another group or use their “Move to…” menu. People moved by hand
          stay where you put them if the groups are ever re-formed.
        </Text>
      )}

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {view.groups.map((group) => (
          <GroupCard
            key={group.id}
            group={group}
            isEditable
            moveTargets={moveTargets}
            onMove={(personId, toGroupId) => stage({ userId: personId, toGroupId })}
            onTogglePin={null}
          />
        ))}
      </SimpleGrid>

      <UnplacedList
        programId={programId}
        overview={overview}
        people={view.unassigned}
        moveTargets={moveTargets}
        onStage={stage}
        onNotice={onNotice}
      />

      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={isConfirming}
        onClose={confirming.close}
        title="Save these changes?"
      >
        <Stack>
          <Text size="sm">Saving changes the groups now. Who is told:</Text>
          <List size="sm">
            {describeWhoIsTold(overview, moves).map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Text size="sm">Nobody else is told, and no notice names another member.</Text>
          {save.error ? (
            <Alert color="red" role="alert">
              {save.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirming.close}>
              Cancel
            </Button>
            <Button loading={save.isPending} onClick={saveMoves}>
              Save and tell them
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ChangeCheck({
  isChecking,
  check,
  error,
}: {
  isChecking: boolean;
  check:
    | { isAllowed: boolean; problems: { ruleLabel: string; message: string }[]; scoreChange: number }
    | undefined;
  error: Error | null;
}) {
  if (error) {
    return (
      <Alert color="red" role="alert">
        The changes could not be checked: {error.message}
      </Alert>
    );
  }
  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="change-check">
      {isChecking || !check ? (
        <Text size="sm">Checking the rules…</Text>
      ) : check.isAllowed ? (
        <Text size="sm">
          No rule broken. Penalty {check.scoreChange > 0 ? '+' : ''}
          {formatScore(check.scoreChange)} (lower is better).
        </Text>
      ) : (
        <>
          <Text size="sm" fw={700} c="red.9">
            This change breaks a rule and cannot be saved:
          </Text>
          <List size="sm" c="red.9">
            {check.problems.map((problem) => (
              <List.Item key={problem.message}>
                {problem.ruleLabel}: {problem.message}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </div>
  );
}
