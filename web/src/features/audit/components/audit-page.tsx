import { Alert, Loader, Stack, Table, Title } from '@mantine/core';
import { useState } from 'react';
import { SearchField } from '../../../components/search-field.tsx';
import { ShowMoreButton } from '../../../components/show-more-button.tsx';
import { describeDateTime } from '../../../lib/format.ts';
import { useAuditEvents } from '../api/audit-events.ts';

export function AuditPage() {
  const [search, setSearch] = useState('');
  const events = useAuditEvents(search);
  return (
    <Stack>
      <Title order={1}>Audit log</Title>
      <SearchField label="Search by action or by who acted or was acted on" onSearch={setSearch} />
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
            {events.data.pages
              .flatMap((page) => page.events)
              .map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>{describeDateTime(event.createdAt)}</Table.Td>
                  <Table.Td>{event.description}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <ShowMoreButton query={events} label="Show older events" />
    </Stack>
  );
}
