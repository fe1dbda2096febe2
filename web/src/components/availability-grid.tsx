import { Box, Checkbox, Table, Text } from '@mantine/core';

const days = [
  ['mon', 'Mon'],
  ['tue', 'Tue'],
  ['wed', 'Wed'],
  ['thu', 'Thu'],
  ['fri', 'Fri'],
  ['sat', 'Sat'],
  ['sun', 'Sun'],
] as const;
// Shift workers need early mornings, evenings and weekends as much as office hours.
const hours = Array.from({ length: 17 }, (_, index) => index + 6);

export function slotOf(day: string, hour: number): string {
  return `${day}-${String(hour).padStart(2, '0')}`;
}

/**
 * A week of one-hour boxes, 06:00–23:00, each a labelled checkbox so it works with a keyboard and a
 * screen reader. Boxes are 24×24 px (a touch target WCAG 2.2 accepts) and the seven day columns fit
 * a 320 px phone screen without sideways scrolling, so every day stays in reach.
 */
export function AvailabilityGrid({
  value,
  onChange,
  timeZone,
}: {
  value: string[];
  onChange: (slots: string[]) => void;
  timeZone: string;
}) {
  const selected = new Set(value);
  const toggle = (slot: string) => {
    const next = new Set(selected);
    if (next.has(slot)) next.delete(slot);
    else next.add(slot);
    onChange([...next].sort());
  };
  return (
    <Box>
      <Text size="sm" mb="xs">
        Tick every hour you could usually meet, in {timeZone} time. {value.length}{' '}
        {value.length === 1 ? 'hour' : 'hours'} ticked.
      </Text>
      <Table.ScrollContainer minWidth={288}>
        <Table withColumnBorders verticalSpacing={2} horizontalSpacing={2} aria-label="Weekly availability">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Hour</Table.Th>
              {days.map(([day, label]) => (
                <Table.Th key={day} scope="col" ta="center">
                  {label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hours.map((hour) => (
              <Table.Tr key={hour}>
                <Table.Th scope="row" fw={400}>
                  {String(hour).padStart(2, '0')}:00
                </Table.Th>
                {days.map(([day, label]) => {
                  const slot = slotOf(day, hour);
                  return (
                    <Table.Td key={slot} ta="center">
                      <Checkbox
                        aria-label={`${label} ${String(hour).padStart(2, '0')}:00`}
                        checked={selected.has(slot)}
                        onChange={() => toggle(slot)}
                        size="md"
                        styles={{ body: { justifyContent: 'center' } }}
                      />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}
