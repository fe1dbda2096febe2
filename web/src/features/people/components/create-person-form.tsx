import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import type { Role } from '../../session/api/session.ts';
import { type NewPerson, useCreatePerson, useInvitePerson } from '../api/people.ts';
import { levelOptions, roleOptions } from './role-options.ts';

const emptyForm = { name: '', email: '', role: 'participant', level: '', discipline: '' };

export function CreatePersonForm({ onCreated }: { onCreated: (message: string) => void }) {
  const createPerson = useCreatePerson();
  const invitePerson = useInvitePerson();
  const [form, setForm] = useState(emptyForm);
  const [isInvitingNow, setIsInvitingNow] = useState(true);
  const canBeInvited = form.role !== 'admin';
  const errors = fieldErrors(createPerson.error);
  const set = (field: keyof typeof form) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    createPerson.mutate(
      {
        name: form.name,
        email: form.email,
        role: form.role as Role,
        level: (form.level || null) as NewPerson['level'],
        discipline: form.discipline || null,
      },
      {
        onSuccess: (person) => {
          setForm(emptyForm);
          if (!(isInvitingNow && canBeInvited)) {
            onCreated(`${person.name} was created. Send an invitation from the list when they should start.`);
            return;
          }
          invitePerson.mutate(person.id, {
            onSuccess: () => onCreated(`${person.name} was created and invited by e-mail (${person.email}).`),
            onError: (error) =>
              onCreated(`${person.name} was created, but the invitation failed: ${error.message}`),
          });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Create a person">
      <Stack>
        {createPerson.error && Object.keys(errors).length === 0 ? (
          <Alert color="red" role="alert">
            {createPerson.error.message}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Name"
            required
            value={form.name}
            onChange={(e) => set('name')(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label="E-mail"
            type="email"
            required
            value={form.email}
            onChange={(e) => set('email')(e.currentTarget.value)}
            error={errors.email}
          />
          <Select
            label="Role"
            data={roleOptions}
            value={form.role}
            onChange={(value) => set('role')(value ?? 'participant')}
            allowDeselect={false}
          />
          <Select
            label="Level"
            data={levelOptions}
            value={form.level || null}
            onChange={(value) => set('level')(value ?? '')}
            clearable
            error={errors.level}
          />
          <TextInput
            label="Discipline"
            placeholder="e.g. Nursing"
            value={form.discipline}
            onChange={(e) => set('discipline')(e.currentTarget.value)}
            error={errors.discipline}
          />
        </SimpleGrid>
        <Checkbox
          label="E-mail an invitation now"
          description={
            canBeInvited
              ? 'The person chooses their own password with a link valid for 7 days; nobody else ever sees it.'
              : 'Admins are never invited by another admin: they choose their password with “Forgot password” on the sign-in page.'
          }
          checked={isInvitingNow && canBeInvited}
          disabled={!canBeInvited}
          onChange={(event) => setIsInvitingNow(event.currentTarget.checked)}
        />
        <Group>
          <Button type="submit" loading={createPerson.isPending || invitePerson.isPending}>
            Create person
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
