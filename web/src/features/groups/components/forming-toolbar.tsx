import { Alert, Button, Collapse, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { type GroupsOverview, useFormGroups } from '../api/groups.ts';
import { defaultFormingOptions, FormingOptionsPanel, findOptionsProblem } from './forming-options-panel.tsx';

/** "Form groups" the first time, "Re-form" after, with the engine's options one click away. */
export function FormingToolbar({
  programId,
  hasGroups,
  blockedBecause,
  onFormed,
}: {
  programId: string;
  hasGroups: boolean;
  /** Why forming is not possible now (e.g. unsaved edits), or null. */
  blockedBecause: string | null;
  onFormed: (overview: GroupsOverview) => void;
}) {
  const formGroups = useFormGroups(programId);
  const [options, setOptions] = useState(defaultFormingOptions);
  const [isShowingOptions, optionsPanel] = useDisclosure(false);
  const optionsProblem = findOptionsProblem(options);
  return (
    <Stack gap="xs">
      <Group>
        <Button
          onClick={() => formGroups.mutate(options, { onSuccess: onFormed })}
          loading={formGroups.isPending}
          disabled={blockedBecause !== null || optionsProblem !== null}
          aria-describedby="forming-help"
        >
          {hasGroups ? 'Re-form' : 'Form groups'}
        </Button>
        <Button
          variant="default"
          onClick={optionsPanel.toggle}
          aria-expanded={isShowingOptions}
          aria-controls="forming-options"
        >
          {isShowingOptions ? 'Hide options' : 'Options'}
        </Button>
        <Text size="sm" c={blockedBecause ? 'var(--mantine-color-error)' : 'dimmed'} id="forming-help">
          {blockedBecause ??
            (hasGroups
              ? 'Re-forming replaces the draft groups; pinned people stay in their groups.'
              : 'Forms small groups that mix levels, each with a facilitator and a weekly hour everyone shares.')}
        </Text>
      </Group>
      {formGroups.isPending ? (
        <Text size="sm" role="status">
          Forming groups; this can take a few seconds…
        </Text>
      ) : null}
      {formGroups.error ? (
        <Alert color="red" role="alert">
          {formGroups.error.message}
        </Alert>
      ) : null}
      <Collapse expanded={isShowingOptions} id="forming-options">
        <Paper withBorder p="md">
          <FormingOptionsPanel value={options} onChange={setOptions} />
        </Paper>
      </Collapse>
    </Stack>
  );
}
