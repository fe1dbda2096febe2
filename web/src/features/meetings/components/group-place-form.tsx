import { Alert, Button, Group, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { PlaceFields } from '../../../components/place-fields.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { type MyGroup, useSetGroupPlace } from '../api/meetings.ts';

/** The facilitator sets where the group usually meets; members see it on every meeting without its own. */
export function GroupPlaceForm({ group }: { group: MyGroup }) {
  const setPlace = useSetGroupPlace(group.id);
  const [where, setWhere] = useState({ place: group.place ?? '', videoUrl: group.videoUrl ?? '' });
  const errors = fieldErrors(setPlace.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    setPlace.mutate({ place: where.place.trim() || null, videoUrl: where.videoUrl.trim() || null });
  }
  return (
    <form onSubmit={submit} noValidate aria-label={`Where ${group.name} meets`}>
      <Stack gap="xs">
        {setPlace.error && Object.keys(errors).length === 0 ? (
          <Alert color="red" role="alert">
            {setPlace.error.message}
          </Alert>
        ) : null}
        {setPlace.isSuccess ? (
          <Alert color="tend" role="status">
            Saved; the group has been told.
          </Alert>
        ) : null}
        <Group grow align="flex-start">
          <PlaceFields value={where} onChange={setWhere} errors={errors} scope="usual" />
        </Group>
        <Group>
          <Button type="submit" variant="default" loading={setPlace.isPending}>
            Save the place
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
