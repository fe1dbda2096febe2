import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import { type MyGroup, useSetGroupPlace } from '../api/meetings.ts';

/** The facilitator sets where the group usually meets; members see it on every meeting without its own. */
export function GroupPlaceForm({ group }: { group: MyGroup }) {
  const setPlace = useSetGroupPlace(group.id);
  const [place, setPlaceText] = useState(group.place ?? '');
  const [videoUrl, setVideoUrl] = useState(group.videoUrl ?? '');
  const errors = fieldErrors(setPlace.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    setPlace.mutate({ place: place.trim() || null, videoUrl: videoUrl.trim() || null });
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
          <TextInput
            label="Usual room"
            value={place}
            onChange={(e) => setPlaceText(e.currentTarget.value)}
            error={errors.place}
          />
          <TextInput
            label="Usual video link"
            description="Starts with https://"
            value={videoUrl}
            onChange={(e) => setVideoUrl(e.currentTarget.value)}
            error={errors.videoUrl}
          />
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
