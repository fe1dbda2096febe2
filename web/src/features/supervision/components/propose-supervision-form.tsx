import { Alert, Button, Group, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ColleaguePicker } from '../../../components/colleague-picker.tsx';
import { TimeZoneNote } from '../../../components/time-zone-note.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { viewerTimeZone } from '../../../lib/format.ts';
import { type SupervisionRole, useProposeSupervision } from '../api/supervision.ts';

function isoDateInDays(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Propose a series of supervision conversations; the colleague accepts before anything is scheduled. */
export function ProposeSupervisionForm() {
  const [search, setSearch] = useState('');
  const [colleagueId, setColleagueId] = useState<string | null>(null);
  const [myRole, setMyRole] = useState<SupervisionRole>('supervisor');
  const [firstDate, setFirstDate] = useState(isoDateInDays(7));
  const [time, setTime] = useState('16:00');
  const [cadenceWeeks, setCadenceWeeks] = useState<number | string>(2);
  const [count, setCount] = useState<number | string>(6);
  const [minutes, setMinutes] = useState<number | string>(50);
  const [place, setPlace] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [isSent, setIsSent] = useState(false);
  const propose = useProposeSupervision();
  const errors = fieldErrors(propose.error);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!colleagueId) return;
        propose.mutate(
          {
            colleagueId,
            myRole,
            firstDate,
            time,
            timeZone: viewerTimeZone(),
            cadenceWeeks: Number(cadenceWeeks),
            count: Number(count),
            minutes: Number(minutes),
            place: place.trim() || null,
            videoUrl: videoUrl.trim() || null,
          },
          {
            onSuccess: () => {
              setIsSent(true);
              setColleagueId(null);
              setSearch('');
            },
          },
        );
      }}
    >
      <Stack>
        <ColleaguePicker
          search={search}
          onSearchChange={(value) => {
            setSearch(value);
            setIsSent(false);
          }}
          chosenId={colleagueId}
          onChoose={(chosen) => setColleagueId(chosen?.id ?? null)}
          error={errors.colleagueId}
        />
        <Radio.Group
          label="Your part"
          value={myRole}
          onChange={(value) => setMyRole(value as SupervisionRole)}
        >
          <Group mt={4}>
            <Radio value="supervisor" label="I am the supervisor" />
            <Radio value="supervisee" label="I am the clinician being supervised" />
          </Group>
        </Radio.Group>
        <TimeZoneNote timeZone={viewerTimeZone()} whose="device" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label="First conversation"
            value={firstDate}
            error={errors.firstDate}
            onChange={(event) => setFirstDate(event.currentTarget.value)}
          />
          <TextInput
            type="time"
            label="Time"
            value={time}
            error={errors.time ?? errors.timeZone}
            onChange={(event) => setTime(event.currentTarget.value)}
          />
          <NumberInput
            label="Minutes"
            min={15}
            max={180}
            value={minutes}
            error={errors.minutes}
            onChange={setMinutes}
          />
          <NumberInput
            label="Every … weeks"
            min={1}
            max={12}
            value={cadenceWeeks}
            error={errors.cadenceWeeks}
            onChange={setCadenceWeeks}
          />
          <NumberInput
            label="Number of conversations"
            min={1}
            max={26}
            value={count}
            error={errors.count}
            onChange={setCount}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Place (optional)"
            value={place}
            error={errors.place}
            onChange={(event) => setPlace(event.currentTarget.value)}
          />
          <TextInput
            label="Video link (optional)"
            value={videoUrl}
            error={errors.videoUrl}
            onChange={(event) => setVideoUrl(event.currentTarget.value)}
          />
        </SimpleGrid>
        {propose.error && Object.keys(errors).length === 0 ? (
          <Alert color="red" role="alert">
            {propose.error.message}
          </Alert>
        ) : null}
        {isSent ? (
          <Text role="status" c="green.9">
            Proposed. It starts once your colleague accepts; you will both get a calendar invitation then.
          </Text>
        ) : null}
        <Button type="submit" loading={propose.isPending} disabled={!colleagueId}>
          Propose supervision
        </Button>
      </Stack>
    </form>
  );
}
