import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { ShowMoreButton } from '../../../components/show-more-button.tsx';
import type { Role } from '../../session/api/session.ts';
import {
  type Person,
  useInviteEveryone,
  useInvitePerson,
  usePeople,
  useUpdatePerson,
} from '../api/people.ts';
import { CreatePersonForm } from './create-person-form.tsx';
import { ImportRosterForm } from './import-roster-form.tsx';
import { labelOf, levelOptions, roleOptions } from './role-options.ts';

export function PeoplePage() {
  const [search, setSearch] = useState('');
  const people = usePeople(search);
  const everyone = people.data?.pages.flatMap((page) => page.users);
  const notYetActive = people.data?.pages[0]?.notYetActiveCount ?? 0;
  const updatePerson = useUpdatePerson();
  const invitePerson = useInvitePerson();
  const inviteEveryone = useInviteEveryone();
  const [notice, setNotice] = useState<string | null>(null);
  // A role change, a disabled account or invitations to everyone act on people at once: each asks first.
  const [pending, setPending] = useState<
    | { kind: 'role'; person: Person; role: Role }
    | { kind: 'disable'; person: Person }
    | { kind: 'invite-everyone' }
    | null
  >(null);
  const labelOfRole = (role: Role) => labelOf(roleOptions, role);
  function confirmPending() {
    if (!pending) return;
    if (pending.kind === 'invite-everyone') {
      inviteEveryone.mutate(undefined, {
        onSuccess: ({ invited }) => {
          setPending(null);
          setNotice(
            invited === 0
              ? 'Everyone who can be invited already has an open invitation.'
              : `Invitations e-mailed to ${invited} ${invited === 1 ? 'person' : 'people'}. Each link works once, for 7 days; a reminder goes out after 3 days.`,
          );
        },
      });
      return;
    }
    const change =
      pending.kind === 'role'
        ? { id: pending.person.id, role: pending.role }
        : { id: pending.person.id, isDisabled: true };
    updatePerson.mutate(change, { onSuccess: () => setPending(null) });
  }

  return (
    <Stack>
      <Title order={1}>People</Title>
      {notice ? (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      ) : null}
      {updatePerson.error ? (
        <Alert color="red" role="alert">
          {updatePerson.error.message}
        </Alert>
      ) : null}
      {(invitePerson.error ?? inviteEveryone.error) ? (
        <Alert color="red" role="alert">
          {(invitePerson.error ?? inviteEveryone.error)?.message}
        </Alert>
      ) : null}
      {people.data ? (
        <Group>
          <Text size="sm">
            {notYetActive === 0
              ? 'Everyone has chosen a password.'
              : `${notYetActive} ${notYetActive === 1 ? 'person has' : 'people have'} not chosen a password yet.`}
          </Text>
          <Button
            size="xs"
            variant="light"
            loading={inviteEveryone.isPending}
            onClick={() => setPending({ kind: 'invite-everyone' })}
          >
            Invite everyone not yet invited
          </Button>
        </Group>
      ) : null}
      <Tabs defaultValue="list" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="list">Everyone</Tabs.Tab>
          <Tabs.Tab value="create">Create a person</Tabs.Tab>
          <Tabs.Tab value="import">Import a roster</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          {people.isPending ? <Loader role="status" aria-label="Loading people" /> : null}
          {people.error ? <Alert color="red">{people.error.message}</Alert> : null}
          <TextInput
            label="Search by name or e-mail"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            mb="sm"
            maw={360}
          />
          {everyone ? (
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
                  {everyone.map((person) => (
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
                            role &&
                            role !== person.role &&
                            setPending({ kind: 'role', person, role: role as Role })
                          }
                        />
                      </Table.Td>
                      <Table.Td>{labelOf(levelOptions, person.level)}</Table.Td>
                      <Table.Td>{person.discipline ?? '—'}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          {person.isDisabled ? <Badge color="gray">Disabled</Badge> : null}
                          <AccountBadge person={person} />
                          {!person.hasPassword && !person.isDisabled && person.role !== 'admin' ? (
                            <Button
                              size="xs"
                              variant="light"
                              aria-label={`${person.invitation ? 'Resend invitation to' : 'Invite'} ${person.name}`}
                              loading={invitePerson.isPending && invitePerson.variables === person.id}
                              onClick={() =>
                                invitePerson.mutate(person.id, {
                                  onSuccess: ({ email }) => setNotice(`Invitation e-mailed to ${email}.`),
                                })
                              }
                            >
                              {person.invitation ? 'Resend invitation' : 'Invite'}
                            </Button>
                          ) : null}
                          <Button
                            size="xs"
                            variant="subtle"
                            color={person.isDisabled ? 'blue' : 'red'}
                            aria-label={`${person.isDisabled ? 'Enable' : 'Disable'} ${person.name}`}
                            onClick={() =>
                              person.isDisabled
                                ? updatePerson.mutate({ id: person.id, isDisabled: false })
                                : setPending({ kind: 'disable', person })
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
          <ShowMoreButton query={people} label="Show more people" />
        </Tabs.Panel>
        <ConfirmDialog
          opened={pending !== null}
          title={
            pending?.kind === 'role'
              ? `Change ${pending.person.name}'s role to ${labelOfRole(pending.role)}?`
              : pending?.kind === 'disable'
                ? `Disable ${pending.person.name}?`
                : 'Invite everyone not yet active?'
          }
          confirmLabel={
            pending?.kind === 'role'
              ? 'Change role'
              : pending?.kind === 'disable'
                ? `Disable ${pending.person.name}`
                : `Invite ${notYetActive} ${notYetActive === 1 ? 'person' : 'people'}`
          }
          isPending={updatePerson.isPending || inviteEveryone.isPending}
          error={pending?.kind === 'invite-everyone' ? inviteEveryone.error : updatePerson.error}
          onConfirm={confirmPending}
          onCancel={() => setPending(null)}
        >
          {pending?.kind === 'role'
            ? `${labelOfRole(pending.person.role)} → ${labelOfRole(pending.role)}. The change takes effect at once: ${pending.person.name} is signed out everywhere and signs in again with the new role.`
            : pending?.kind === 'disable'
              ? `${pending.person.name} is signed out everywhere and can no longer sign in; open invitation and reset links stop working. You can enable the account again later.`
              : `An invitation is e-mailed to each of the ${notYetActive} people who have not chosen a password yet.`}
        </ConfirmDialog>
        <Tabs.Panel value="create" pt="md">
          <CreatePersonForm onCreated={setNotice} />
        </Tabs.Panel>
        <Tabs.Panel value="import" pt="md">
          <ImportRosterForm />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function AccountBadge({ person }: { person: Person }) {
  if (person.hasPassword || person.isDisabled) return null;
  // Dark fills keep the white text readable (contrast at least 4.5:1).
  if (!person.invitation) return <Badge color="gray.8">Not invited</Badge>;
  const sent = new Date(person.invitation.sentAt).toLocaleDateString();
  if (new Date(person.invitation.expiresAt).getTime() < Date.now()) {
    return <Badge color="red.9">Invitation expired</Badge>;
  }
  return <Badge color="blue.9">{`Invited ${sent}, not accepted`}</Badge>;
}
