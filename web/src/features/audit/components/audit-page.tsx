import { Alert, Loader, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { describeDateTime } from '../../../lib/format.ts';

export function AuditPage() {
  const events = useQuery({
    queryKey: ['audit-events'],
    queryFn: async () => (await api('GET', '/api/audit-events')).events,
  });
  return (
    <Stack>
      <Title order={1}>Audit log</Title>
      {events.isPending ? <Loader role="status" aria-label="Loading the audit log" /> : null}
      {events.error ? <Alert color="red">{events.error.message}</Alert> : null}
      {events.data ? (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">What happened</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.data.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>{describeDateTime(event.createdAt)}</Table.Td>
                <Table.Td>{event.description}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
