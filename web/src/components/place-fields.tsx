import { TextInput } from '@mantine/core';

export type PlaceFieldsValue = { place: string; videoUrl: string };

/**
 * A room and an https video link: the group's usual ones, or one meeting's own. The labels say which
 * (`scope`), so the two forms that set them read the same way.
 */
export function PlaceFields({
  value,
  onChange,
  errors,
  scope,
}: {
  value: PlaceFieldsValue;
  onChange: (value: PlaceFieldsValue) => void;
  errors: Partial<Record<'place' | 'videoUrl', string>>;
  scope: 'usual' | 'this meeting';
}) {
  return (
    <>
      <TextInput
        label={scope === 'usual' ? 'Usual room' : 'Place for this meeting only'}
        value={value.place}
        onChange={(event) => onChange({ ...value, place: event.currentTarget.value })}
        error={errors.place}
      />
      <TextInput
        label={scope === 'usual' ? 'Usual video link' : 'Video link for this meeting only'}
        description="Starts with https://"
        value={value.videoUrl}
        onChange={(event) => onChange({ ...value, videoUrl: event.currentTarget.value })}
        error={errors.videoUrl}
      />
    </>
  );
}
