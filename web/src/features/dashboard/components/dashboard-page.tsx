import { Alert, Anchor, Card, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useDashboard } from '../api/dashboard.ts';
import { CoordinatorHome } from './coordinator-home.tsx';
import { FacilitatorHome } from './facilitator-home.tsx';
import { LeaderHome } from './leader-home.tsx';
import { ParticipantHome } from './participant-home.tsx';

function CountTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { key: string; label: string; count: number }[];
}) {
  return (
    <Card withBorder>
      <Table captionSide="top">
        <Table.Caption c="dimmed" fw={600}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Group</Table.Th>
            <Table.Th scope="col">People</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td>{row.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** / — what is next for the person signed in, by role. */
export function DashboardPage() {
  const dashboard = useDashboard();
  if (dashboard.isPending) return <Loader role="status" aria-label="Loading the dashboard" />;
  if (dashboard.isError) {
    return (
      <Alert color="red" role="alert">
        {dashboard.error.message}
      </Alert>
    );
  }
  const {
    organization,
    membersByRole,
    membersByLevel,
    nextSteps,
    participation,
    facilitation,
    coordination,
    leadership,
  } = dashboard.data;
  return (
    <Stack maw={960}>
      <Stack gap={0}>
        <Title order={1}>Dashboard</Title>
        <Text c="dimmed">{organization.name}</Text>
      </Stack>
      {facilitation ? (
        <FacilitatorHome facilitation={facilitation} participation={participation} />
      ) : participation ? (
        <ParticipantHome participation={participation} />
      ) : null}
      {coordination ? <CoordinatorHome coordination={coordination} /> : null}
      {leadership ? <LeaderHome leadership={leadership} /> : null}
      {nextSteps.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {nextSteps.map((step) => (
            <Card key={step.title} withBorder>
              <Title order={2} size="h4">
                <Anchor component={Link} to={step.href}>
                  {step.title}
                </Anchor>
              </Title>
              <Text size="sm">{step.description}</Text>
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
      {membersByRole && membersByLevel ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CountTable caption="Members by role" rows={membersByRole} />
          <CountTable caption="Members by level" rows={membersByLevel} />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
