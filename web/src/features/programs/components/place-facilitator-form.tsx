import { Alert, Button, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { AvailabilityGrid } from '../../../components/availability-grid.tsx';
import { type Colleague, ColleaguePicker } from '../../../components/colleague-picker.tsx';
import { usePlaceFacilitator } from '../api/programs.ts';

/**
 * For a facilitator who will lead a group but has not enrolled (e.g. just imported from a roster):
 * the coordinator enters the hours they can lead, so groups can be formed now.
 */
export function PlaceFacilitatorForm({ programId, timeZone }: { programId: string; timeZone: string }) {
  const place = usePlaceFacilitator(programId);
  const [search, setSearch] = useState('');
  const [facilitator, setFacilitator] = useState<Colleague | null>(null);
  const [availability, setAvailability] = useState<string[]>([]);

  return (
    <Stack component="section" aria-labelledby="place-facilitator">
      <Title order={3} id="place-facilitator">
        Place a facilitator
      </Title>
      <ColleaguePicker
        search={search}
        onSearchChange={setSearch}
        chosenId={facilitator?.id ?? null}
        onChoose={setFacilitator}
      />
      {facilitator ? (
        <AvailabilityGrid value={availability} onChange={setAvailability} timeZone={timeZone} />
      ) : null}
      {place.error ? (
        <Alert color="red" role="alert">
          {place.error.message}
        </Alert>
      ) : null}
      {place.isSuccess ? (
        <Alert color="green" role="status">
          The facilitator was placed in this program.
        </Alert>
      ) : null}
      <Button
        w="fit-content"
        disabled={!facilitator || availability.length === 0}
        loading={place.isPending}
        onClick={() =>
          facilitator &&
          place.mutate(
            { userId: facilitator.id, availability, timeZone },
            {
              onSuccess: () => {
                setFacilitator(null);
                setAvailability([]);
                setSearch('');
              },
            },
          )
        }
      >
        Place as facilitator
      </Button>
    </Stack>
  );
}
