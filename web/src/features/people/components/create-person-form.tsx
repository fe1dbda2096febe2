import { Alert, Button, Group, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import type { Role } from '../../session/api/session.ts';
import { useCreatePerson } from '../api/people.ts';
import { levelOptions, roleOptions } from './role-options.ts';

export function CreatePersonForm({ onCreated }: { onCreated: (name: string) => void }) {
  const createPerson = useCreatePerson();
  const [form, setForm] = useState({
    name: '',
    email: '',
    role: 'participant',
    level: '',
    discipline: '',
    password: '',
  });
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
        level: form.level || null,
        discipline: form.discipline || null,
        ...(form.password ? { password: form.password } : {}),
      },
      {
        onSuccess: (person) => {
          onCreated(person.name);
          setForm({ name: '', email: '', role: 'participant', level: '', discipline: '', password: '' });
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
          <PasswordInput
            label="Initial password"
            description="Leave empty and send an invitation link instead"
            value={form.password}
            onChange={(e) => set('password')(e.currentTarget.value)}
            error={errors.password}
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={createPerson.isPending}>
            Create person
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
