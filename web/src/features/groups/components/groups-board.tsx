import {
  Alert,
  Button,
  Group,
  List,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import {
  type EditedGroup,
  type GroupsOverview,
  useGroups,
  useGroupsEvaluation,
  useSaveGroups,
} from '../api/groups.ts';
import {
  assignmentToSave,
  type BoardView,
  describeScoreChange,
  editableFrom,
  editedView,
  evaluationRequest,
  formatScore,
  hasEdits,
  movePerson,
  savedView,
  togglePin,
} from './edited-groups.ts';
import { FormingToolbar } from './forming-toolbar.tsx';
import { GroupCard, type MoveMethod } from './group-card.tsx';
import type { MoveTarget } from './member-row.tsx';
import { PublishSection } from './publish-section.tsx';
import { PublishedBoard } from './published-board.tsx';
import { UnassignedPanel } from './unassigned-panel.tsx';

// A lighter background than Mantine's light red, so the red title keeps a WCAG AA contrast.
const readableWarningStyles = {
  root: { backgroundColor: 'var(--mantine-color-red-0)' },
  title: { color: 'var(--mantine-color-red-9)' },
};

/** How long to wait after the last move before scoring, so quick moves make one request. */
const evaluationDelayMs = 150;

/**
 * The coordinator's groups for one program: form or re-form them, move people by drag or menu
 * with the score and broken rules updated live, pin, save, and publish.
 */
export function GroupsBoard({ programId }: { programId: string }) {
  const groups = useGroups(programId);
  return (
    <Stack>
      <Title order={2}>Groups</Title>
      {groups.isPending ? <Loader role="status" aria-label="Loading groups" /> : null}
      {groups.error ? (
        <Alert color="red" role="alert">
          {groups.error.message}
        </Alert>
      ) : null}
      {groups.data ? <Board programId={programId} overview={groups.data} /> : null}
    </Stack>
  );
}

function Board({ programId, overview }: { programId: string; overview: GroupsOverview }) {
  const saved = useMemo(() => editableFrom(overview), [overview]);
  const [edited, setEdited] = useState<EditedGroup[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusPersonId, setFocusPersonId] = useState<string | null>(null);
  const saveGroups = useSaveGroups(programId);

  const isPublished = overview.status === 'published';
  const isDirty = edited !== null && hasEdits(edited, saved);
  const request = useMemo(
    () => (edited !== null && isDirty ? evaluationRequest(edited, saved) : null),
    [edited, isDirty, saved],
  );
  const [debouncedRequest] = useDebouncedValue(request, evaluationDelayMs);
  const evaluation = useGroupsEvaluation(programId, request === null ? null : debouncedRequest);
  const isScoring =
    request !== null &&
    (debouncedRequest !== request ||
      evaluation.isFetching ||
      evaluation.isPlaceholderData ||
      !evaluation.data);

  const view: BoardView =
    edited !== null && isDirty ? editedView(overview, edited, evaluation.data) : savedView(overview);
  const brokenRuleCount =
    view.groups.reduce((count, group) => count + group.violations.length, 0) + view.violations.length;

  // After a move from a menu, keep keyboard focus on the moved person's menu button in their new place.
  useEffect(() => {
    if (!focusPersonId) return;
    const button = document.querySelector<HTMLButtonElement>(`[data-move-person="${focusPersonId}"]`);
    button?.focus();
    setFocusPersonId(null);
  }, [focusPersonId]);

  const moveTargets: MoveTarget[] = [
    ...view.groups.map((group) => ({ id: group.id, name: group.name })),
    { id: null, name: 'Not in a group' },
  ];
  const nameOf = (personId: string) =>
    [...view.groups.flatMap((group) => group.members), ...view.unassigned].find(
      (person) => person.id === personId,
    )?.name ?? 'Someone';

  function move(personId: string, toGroupId: string | null, via: MoveMethod) {
    const current = edited ?? saved;
    const from = current.find((group) => group.memberIds.includes(personId))?.id ?? null;
    if (from === toGroupId) return;
    const target = moveTargets.find((candidate) => candidate.id === toGroupId);
    setEdited(movePerson(current, personId, toGroupId));
    setNotice(null);
    setAnnouncement(`Moved ${nameOf(personId)} to ${target?.name ?? 'another group'}. Scoring the change…`);
    if (via === 'menu') setFocusPersonId(personId);
  }

  function pin(personId: string) {
    const next = togglePin(edited ?? saved, personId);
    const isPinned = next.some((group) => group.pinnedIds.includes(personId));
    setEdited(next);
    setNotice(null);
    setAnnouncement(
      `${nameOf(personId)} ${isPinned ? 'is pinned and stays in this group when re-forming' : 'is no longer pinned'}.`,
    );
  }

  function save() {
    if (!edited) return;
    saveGroups.mutate(assignmentToSave(edited, saved, evaluation.data), {
      onSuccess: () => {
        setEdited(null);
        setNotice('Your changes are saved.');
      },
    });
  }

  const publishBlockedBecause = isDirty
    ? 'Save or discard your changes before publishing.'
    : view.groups.length === 0
      ? 'Form groups before publishing.'
      : !view.isValid
        ? `Fix the ${brokenRuleCount === 1 ? 'broken rule' : `${brokenRuleCount} broken rules`} before publishing.`
        : null;

  return (
    <Stack>
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {notice ? (
        <Alert
          color="tend"
          role="status"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      ) : null}
      {overview.diagnoses.length > 0 && !isPublished ? (
        <Alert color="red" title="Before you rely on these groups" styles={readableWarningStyles}>
          <List size="sm">
            {overview.diagnoses.map((diagnosis) => (
              <List.Item key={diagnosis.code + diagnosis.message}>{diagnosis.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {overview.levelMix && !isPublished ? (
        <Text size="sm">Mix of levels: {overview.levelMix.replace(/^level mix: /, '')}.</Text>
      ) : null}
      {isPublished ? <PublishedBoard programId={programId} overview={overview} onNotice={setNotice} /> : null}
      {isPublished ? null : (
        <FormingToolbar
          programId={programId}
          hasGroups={overview.groups.length > 0}
          isPublished={false}
          blockedBecause={isDirty ? 'Save or discard your changes before re-forming.' : null}
          onFormed={(formed) => {
            setEdited(null);
            setNotice(
              `Formed ${formed.groups.length} ${formed.groups.length === 1 ? 'group' : 'groups'}` +
                (formed.unassigned.length > 0
                  ? `; ${formed.unassigned.length} people are not in a group.`
                  : '.'),
            );
          }}
        />
      )}

      {view.groups.length === 0 && !isPublished ? (
        <Text>No groups yet. Form groups from the people enrolled in this program.</Text>
      ) : null}

      {view.groups.length > 0 && !isPublished ? (
        <Summary
          view={view}
          savedTotal={overview.score.total}
          isDirty={isDirty}
          isScoring={isScoring}
          brokenRuleCount={brokenRuleCount}
        />
      ) : null}
      {evaluation.error && isDirty ? (
        <Alert color="red" role="alert">
          The changes could not be scored: {evaluation.error.message}
        </Alert>
      ) : null}

      {isDirty ? (
        <Paper withBorder p="sm">
          <Group>
            <Text size="sm" fw={500}>
              You have unsaved changes.
            </Text>
            <Button onClick={save} loading={saveGroups.isPending} disabled={isScoring}>
              Save changes
            </Button>
            <Button variant="default" onClick={() => setEdited(null)} disabled={saveGroups.isPending}>
              Discard
            </Button>
          </Group>
          {saveGroups.error ? (
            <Alert color="red" role="alert" mt="sm">
              {saveGroups.error.message}
            </Alert>
          ) : null}
        </Paper>
      ) : null}

      {!isPublished && view.groups.length > 0 ? (
        <Text size="sm" c="dimmed">
          To move someone, drag them onto another group, or use their “Move to…” menu. Pin people to keep them
          in their group when you re-form.
        </Text>
      ) : null}

      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {(isPublished ? [] : view.groups).map((group) => (
          <GroupCard
            key={group.id}
            group={group}
            isEditable={!isPublished}
            moveTargets={moveTargets}
            onMove={move}
            onTogglePin={pin}
          />
        ))}
      </SimpleGrid>

      {!isPublished && (view.groups.length > 0 || view.unassigned.length > 0) ? (
        <UnassignedPanel
          people={view.unassigned}
          isEditable={!isPublished && view.groups.length > 0}
          moveTargets={moveTargets}
          onMove={move}
        />
      ) : null}

      {isPublished ? (
        <FormingToolbar
          programId={programId}
          hasGroups
          isPublished
          blockedBecause={null}
          onFormed={() =>
            setNotice(
              'Re-formed: the groups are drafts again. Publish them to plan the meetings and tell every member.',
            )
          }
        />
      ) : (
        <PublishSection
          programId={programId}
          blockedBecause={publishBlockedBecause}
          groupCount={view.groups.length}
          onPublished={() =>
            setNotice(
              'The groups are published: every member has been told their group and meeting time, and the meetings are planned.',
            )
          }
        />
      )}
    </Stack>
  );
}

/** The whole assignment at a glance: total score (and its change while editing), broken rules, people left out. */
function Summary({
  view,
  savedTotal,
  isDirty,
  isScoring,
  brokenRuleCount,
}: {
  view: BoardView;
  savedTotal: number;
  isDirty: boolean;
  isScoring: boolean;
  brokenRuleCount: number;
}) {
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="groups-summary-heading">
      <Title order={3} size="h5" id="groups-summary-heading">
        Summary
      </Title>
      <Group gap="lg" role="status" aria-live="polite" aria-atomic="true" data-testid="groups-summary">
        <Text size="sm">
          <Text span fw={700}>
            Total score: {view.score ? formatScore(view.score.total) : '…'}
          </Text>{' '}
          penalty points (lower is better)
          {isDirty && view.score ? ` · ${describeScoreChange(view.score.total, savedTotal)}` : ''}
        </Text>
        <Text size="sm">
          {view.groups.length} {view.groups.length === 1 ? 'group' : 'groups'} · {view.unassigned.length} not
          in a group
        </Text>
        <Text size="sm" fw={brokenRuleCount > 0 ? 700 : 400} c={brokenRuleCount > 0 ? 'red.9' : undefined}>
          {isScoring
            ? 'Checking the rules…'
            : brokenRuleCount === 0
              ? 'No broken rules'
              : `${brokenRuleCount} ${brokenRuleCount === 1 ? 'broken rule' : 'broken rules'}`}
        </Text>
      </Group>
      {view.violations.length > 0 ? (
        <List size="sm" c="red.9" mt="xs">
          {view.violations.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      ) : null}
    </Paper>
  );
}
