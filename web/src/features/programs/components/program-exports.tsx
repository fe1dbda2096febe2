import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { programExportPath } from '../api/programs.ts';

/** Downloads for the coordinator: spreadsheets open them as text where a cell could run as a formula. */
export function ProgramExports({ programId }: { programId: string }) {
  return (
    <Card withBorder component="section" aria-labelledby="program-exports">
      <Stack gap="xs">
        <Title order={2} size="h3" id="program-exports">
          Export (CSV)
        </Title>
        <Text size="sm">
          Attendance counts appear only where enough people stand behind them; reflections, answers and scores
          are never exported.
        </Text>
        <Group>
          <Button component="a" variant="default" href={programExportPath(programId, 'groups')} download>
            Groups and meeting times
          </Button>
          <Button component="a" variant="default" href={programExportPath(programId, 'roster')} download>
            Roster
          </Button>
          <Button component="a" variant="default" href={programExportPath(programId, 'attendance')} download>
            Attendance per meeting
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
