import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ColleaguePicker } from '../../../components/colleague-picker.tsx';

type Person = { id: string; name: string };

/**
 * "Not with": people the person would rather not share a group with (a supervisor, an ex, a
 * colleague they assess). Private by design, and said so plainly, because nobody would name
 * anyone if it could get back to them.
 */
export function NotWithField({
  people,
  onChange,
}: {
  people: Person[];
  onChange: (people: Person[]) => void;
}) {
  const [search, setSearch] = useState('');
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Text fw={600} id="not-with-heading">
          Anyone you would rather not be grouped with? (optional)
        </Text>
        <Text size="sm">
          Private. Used only to keep you apart when groups are formed. The people you name are never told, and
          nobody else sees this list. A coordinator rearranging groups by hand is warned only that two people
          should not share a group — never who asked, or why. No reason is needed.
        </Text>
        {people.length > 0 ? (
          <Stack gap={4} aria-labelledby="not-with-heading" role="list">
            {people.map((person) => (
              <Group key={person.id} justify="space-between" role="listitem">
                <Text size="sm">{person.name}</Text>
                <Button
                  variant="subtle"
                  size="compact-sm"
                  aria-label={`Remove ${person.name} from your "not with" list`}
                  onClick={() => onChange(people.filter((other) => other.id !== person.id))}
                >
                  Remove
                </Button>
              </Group>
            ))}
          </Stack>
        ) : null}
        <ColleaguePicker
          search={search}
          onSearchChange={setSearch}
          chosenId={null}
          onChoose={(colleague) => {
            if (colleague && !people.some((person) => person.id === colleague.id)) {
              onChange([...people, { id: colleague.id, name: colleague.name }]);
            }
            setSearch('');
          }}
        />
      </Stack>
    </Card>
  );
}
