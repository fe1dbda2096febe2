import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { Role } from '../../session/api/session.ts';
import { useCreateInvitation, usePeople, useUpdatePerson } from '../api/people.ts';
import { CreatePersonForm } from './create-person-form.tsx';
import { ImportRosterForm } from './import-roster-form.tsx';
import { labelOf, levelOptions, roleOptions } from './role-options.ts';

export function PeoplePage() {
  const people = usePeople();
  const updatePerson = useUpdatePerson();
  const createInvitation = useCreateInvitation();
  const [notice, setNotice] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<{ name: string; url: string } | null>(null);

  return (
    <Stack>
      <Title order={1}>People</Title>
      {notice ? (
        <Alert color="green" role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      {updatePerson.error ? (
        <Alert color="red" role="alert">
          {updatePerson.error.message}
        </Alert>
      ) : null}
      {invitation ? (
        <Alert
          color="blue"
          title={`Invitation link for ${invitation.name}`}
          withCloseButton
          onClose={() => setInvitation(null)}
        >
          <Text size="sm">
            Valid for 7 days and once. Send it to the person; it lets them choose a password.
          </Text>
          <Group mt="xs">
            <Code>{invitation.url}</Code>
            <CopyButton value={invitation.url}>
              {({ copied, copy }) => (
                <Button size="xs" onClick={copy}>
                  {copied ? 'Copied' : 'Copy link'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      ) : null}
      <Tabs defaultValue="list" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">Everyone</Tabs.Tab>
          <Tabs.Tab value="create">Create a person</Tabs.Tab>
          <Tabs.Tab value="import">Import a roster</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          {people.isPending ? <Loader aria-label="Loading people" /> : null}
          {people.error ? <Alert color="red">{people.error.message}</Alert> : null}
          {people.data ? (
            <Table.ScrollContainer minWidth={720}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Name</Table.Th>
                    <Table.Th scope="col">E-mail</Table.Th>
                    <Table.Th scope="col">Role</Table.Th>
                    <Table.Th scope="col">Level</Table.Th>
                    <Table.Th scope="col">Discipline</Table.Th>
                    <Table.Th scope="col">Account</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.data.map((person) => (
                    <Table.Tr key={person.id}>
                      <Table.Td>{person.name}</Table.Td>
                      <Table.Td>{person.email}</Table.Td>
                      <Table.Td>
                        <Select
                          aria-label={`Role of ${person.name}`}
                          data={roleOptions}
                          value={person.role}
                          allowDeselect={false}
                          size="xs"
                          onChange={(role) =>
                            role && updatePerson.mutate({ id: person.id, role: role as Role })
                          }
                        />
                      </Table.Td>
                      <Table.Td>{labelOf(levelOptions, person.level)}</Table.Td>
                      <Table.Td>{person.discipline ?? '—'}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          {person.isDisabled ? <Badge color="gray">Disabled</Badge> : null}
                          {!person.hasPassword ? <Badge color="yellow">No password yet</Badge> : null}
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() =>
                              createInvitation.mutate(person.id, {
                                onSuccess: ({ url }) => setInvitation({ name: person.name, url }),
                              })
                            }
                          >
                            Invitation link
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color={person.isDisabled ? 'blue' : 'red'}
                            onClick={() =>
                              updatePerson.mutate({ id: person.id, isDisabled: !person.isDisabled })
                            }
                          >
                            {person.isDisabled ? 'Enable' : 'Disable'}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="create" pt="md">
          <CreatePersonForm onCreated={(name) => setNotice(`${name} was created.`)} />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <ImportRosterForm />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
