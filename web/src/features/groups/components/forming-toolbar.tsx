import { Alert, Button, Checkbox, Collapse, Group, List, Modal, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { type GroupsOverview, useFormGroups } from '../api/groups.ts';
import { useReformPreview } from '../api/published-groups.ts';
import { defaultFormingOptions, FormingOptionsPanel, findOptionsProblem } from './forming-options-panel.tsx';

/** Mantine's yellow title is below AA contrast on its pale background; the text colour is not. */
const warningTitle = { title: { color: 'var(--mantine-color-text)' } };

/**
 * "Form groups" the first time; "Re-form…" after, always through a confirmation that lists who
 * would move (published groups can only be re-formed that way) and what is kept and replaced.
 * Once the groups have met they are not re-formed: the dialog says to move people one at a time.
 * People moved or pinned by hand stay where they are unless the coordinator unticks that.
 */
export function FormingToolbar({
  programId,
  hasGroups,
  isPublished,
  blockedBecause,
  onFormed,
}: {
  programId: string;
  hasGroups: boolean;
  isPublished: boolean;
  /** Why forming is not possible now (e.g. unsaved edits), or null. */
  blockedBecause: string | null;
  onFormed: (overview: GroupsOverview) => void;
}) {
  const formGroups = useFormGroups(programId);
  const preview = useReformPreview(programId);
  const [options, setOptions] = useState(defaultFormingOptions);
  const [keepManualMoves, setKeepManualMoves] = useState(true);
  const [isShowingOptions, optionsPanel] = useDisclosure(false);
  const [isConfirming, confirming] = useDisclosure(false);
  const optionsProblem = findOptionsProblem(options);

  function form() {
    formGroups.mutate(
      { ...options, keepManualMoves, confirmMoves: isPublished },
      {
        onSuccess: (overview) => {
          confirming.close();
          onFormed(overview);
        },
      },
    );
  }

  function askToReform() {
    formGroups.reset();
    confirming.open();
    preview.mutate({ ...options, keepManualMoves });
  }

  return (
    <Stack gap="xs">
      <Group>
        <Button
          onClick={hasGroups ? askToReform : form}
          loading={formGroups.isPending && !isConfirming}
          disabled={blockedBecause !== null || optionsProblem !== null}
          aria-describedby="forming-help"
          variant={isPublished ? 'default' : 'filled'}
        >
          {hasGroups ? 'Re-form…' : 'Form groups'}
        </Button>
        <Button
          variant="default"
          onClick={optionsPanel.toggle}
          aria-expanded={isShowingOptions}
          aria-controls="forming-options"
        >
          {isShowingOptions ? 'Hide options' : 'Options'}
        </Button>
        {hasGroups ? (
          <Checkbox
            label="Keep people moved or pinned by hand where they are"
            checked={keepManualMoves}
            onChange={(event) => setKeepManualMoves(event.currentTarget.checked)}
          />
        ) : null}
        <Text size="sm" c={blockedBecause ? 'var(--mantine-color-error)' : 'dimmed'} id="forming-help">
          {blockedBecause ??
            (isPublished
              ? 'Re-forming published groups, before their first meeting, moves people and replans meetings; you see who would move first.'
              : hasGroups
                ? 'Re-forming replaces the draft groups; you see who would move first.'
                : 'Forms small groups that mix levels, each with a facilitator and a weekly hour everyone shares.')}
        </Text>
      </Group>
      {formGroups.isPending ? (
        <Text size="sm" role="status">
          Forming groups; this can take a few seconds…
        </Text>
      ) : null}
      {formGroups.error && !isConfirming ? (
        <Alert color="red" role="alert">
          {formGroups.error.message}
        </Alert>
      ) : null}
      <Collapse expanded={isShowingOptions} id="forming-options">
        <Paper withBorder p="md">
          <FormingOptionsPanel value={options} onChange={setOptions} />
        </Paper>
      </Collapse>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={isConfirming}
        onClose={confirming.close}
        title="Re-form the groups?"
        size="lg"
      >
        <Stack>
          {preview.isPending ? (
            <Text size="sm" role="status">
              Working out who would move…
            </Text>
          ) : null}
          {preview.error ? (
            <Alert color="red" role="alert">
              {preview.error.message}
            </Alert>
          ) : null}
          {preview.data && !preview.data.canReform ? (
            <Alert color="yellow" title="These groups have already met" styles={warningTitle}>
              {preview.data.meetingsHeld} {preview.data.meetingsHeld === 1 ? 'meeting has' : 'meetings have'}{' '}
              taken place. Re-forming would erase those meetings and everyone's record of attending them, so
              the groups stay as they are. To change them, move, place or swap people one at a time on the
              published groups below: past meetings stay with the group they happened in, and the people who
              move join their new group's next meeting.
            </Alert>
          ) : null}
          {preview.data?.canReform ? (
            <>
              <Text size="sm">
                {preview.data.moves.length === 0
                  ? 'Nobody would move.'
                  : `${preview.data.moves.length} ${preview.data.moves.length === 1 ? 'person' : 'people'} would move:`}
              </Text>
              <List size="sm" style={{ maxHeight: 240, overflowY: 'auto' }}>
                {preview.data.moves.map((move) => (
                  <List.Item key={move.id}>
                    {move.name}: {move.from ?? 'no group'} → {move.to ?? 'no group'}
                  </List.Item>
                ))}
              </List>
              {preview.data.isPublished ? (
                <Alert
                  color="yellow"
                  title="These groups are published; none has met yet"
                  styles={warningTitle}
                >
                  <Text size="sm">
                    Kept: everyone's enrolment and availability
                    {keepManualMoves ? ', and people moved or pinned by hand stay where they are' : ''}.
                  </Text>
                  <Text size="sm">
                    Replaced: the groups become drafts again; their planned meetings (with any changed time or
                    place) and the messages in their group spaces are removed. Publishing again replans the
                    meetings and tells every member their group.
                  </Text>
                </Alert>
              ) : null}
              <Text size="sm">
                {keepManualMoves
                  ? 'People moved or pinned by hand stay where they are.'
                  : 'People moved or pinned by hand may move too.'}
              </Text>
            </>
          ) : null}
          {formGroups.error ? (
            <Alert color="red" role="alert">
              {formGroups.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirming.close}>
              Cancel
            </Button>
            <Button
              color={preview.data?.isPublished ? 'red' : undefined}
              loading={formGroups.isPending}
              disabled={!preview.data?.canReform}
              onClick={form}
            >
              {preview.data && preview.data.moves.length > 0
                ? `Re-form and move ${preview.data.moves.length} ${preview.data.moves.length === 1 ? 'person' : 'people'}`
                : 'Re-form'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
