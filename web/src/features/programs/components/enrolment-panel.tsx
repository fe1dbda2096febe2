import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  MultiSelect,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type FormEvent, type KeyboardEvent, useEffect, useState } from 'react';
import { AvailabilityGrid } from '../../../components/availability-grid.tsx';
import { fieldErrors } from '../../../lib/api-client.ts';
import { viewerTimeZone } from '../../../lib/format.ts';
import { interestLabels } from '../../../lib/labels.ts';
import { type EnrollmentInput, type Program, useEnrol, useOwnEnrollment } from '../api/programs.ts';
import { NotWithField } from './not-with-field.tsx';
import { WithdrawDialog } from './withdraw-dialog.tsx';

const levelOptions = [
  { value: 'student-1', label: 'Student, year 1' },
  { value: 'student-2', label: 'Student, year 2' },
  { value: 'student-3', label: 'Student, year 3' },
  { value: 'student-4', label: 'Student, year 4' },
  { value: 'resident', label: 'Resident' },
  { value: 'practitioner', label: 'Practitioner' },
  { value: 'faculty', label: 'Faculty' },
];

const interestOptions = Object.entries(interestLabels).map(([value, label]) => ({ value, label }));

/**
 * The organisation's zone first (the default), then this device's if it differs, then every other
 * zone the browser knows, so someone abroad or on a night shift elsewhere can say where they are.
 */
function timeZoneOptions(organizationZone: string, chosen: string) {
  const device = viewerTimeZone();
  const first = [{ value: organizationZone, label: `Organisation time (${organizationZone})` }];
  if (device !== organizationZone) first.push({ value: device, label: `This device's time (${device})` });
  const known = new Set(first.map((option) => option.value));
  const others = [...Intl.supportedValuesOf('timeZone'), chosen]
    .filter((zone) => zone && !known.has(zone) && known.add(zone))
    .map((zone) => ({ value: zone, label: zone }));
  return [...first, ...others];
}

/**
 * Enter in a text box of this many-field form picks an option or does nothing; it never sends the
 * form half-filled. The button (or Enter on it) still sends it.
 */
function keepEnterFromSubmitting(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type !== 'submit') {
    event.preventDefault();
  }
}

/** Voluntary enrolment: level, discipline, weekly availability, interests and the group's guidelines. */
export function EnrolmentPanel({ program }: { program: Program }) {
  const own = useOwnEnrollment(program.id);
  const enrol = useEnrol(program.id);
  const [withdrawn, setWithdrawn] = useState<{ statement: string; sharedContent: string } | null>(null);
  const [isConfirming, confirming] = useDisclosure();
  const [form, setForm] = useState({
    timeZone: '',
    level: '',
    discipline: '',
    availability: [] as string[],
    interests: [] as string[],
    notWith: [] as { id: string; name: string }[],
    agrees: false,
  });
  const errors = fieldErrors(enrol.error);
  const enrollment = own.data?.enrollment;
  const isActive = enrollment?.status === 'enrolled' || enrollment?.status === 'waitlisted';

  useEffect(() => {
    if (!own.data) return;
    const source = own.data.enrollment ?? own.data.defaults;
    setForm((current) => ({
      ...current,
      // The zone the hours were given in, else the organisation's: stated, never silently the browser's.
      timeZone: own.data.enrollment?.timeZone ?? own.data.defaults.timeZone,
      level: source.level ?? '',
      discipline: source.discipline ?? '',
      availability: own.data.enrollment?.availability ?? [],
      interests: own.data.enrollment?.interests ?? [],
      notWith: own.data.enrollment?.avoidPeople ?? [],
    }));
  }, [own.data]);

  function submit(event: FormEvent) {
    event.preventDefault();
    enrol.mutate({
      // The level comes from the level options, which are the server's levels.
      level: (form.level || null) as EnrollmentInput['level'],
      discipline: form.discipline || null,
      availability: form.availability,
      timeZone: form.timeZone,
      interests: form.interests,
      avoidUserIds: form.notWith.map((person) => person.id),
      agreesToGuidelines: form.agrees,
    });
  }

  if (!own.data) return null;
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h3">
          {isActive ? 'Your place' : 'Join this program'}
        </Title>
        {withdrawn ? (
          <Alert color="tend" role="status" title="You have withdrawn">
            <Stack gap="xs">
              <Text size="sm">{withdrawn.statement}</Text>
              <Text size="sm">{withdrawn.sharedContent}</Text>
            </Stack>
          </Alert>
        ) : null}
        {enrol.data ? (
          <Alert color="tend" role="status">
            {enrol.data.status === 'enrolled'
              ? 'You are in. You will hear when your group and its meeting time are set.'
              : `The program is full; you are number ${enrol.data.position} on the waiting list and will get a place automatically.`}
          </Alert>
        ) : null}
        {enrollment?.status === 'waitlisted' && !enrol.data ? (
          <Text>You are on the waiting list.</Text>
        ) : null}
        {!program.isEnrolmentOpen && !isActive ? (
          <Text>
            Enrolment is open from {program.enrolmentOpens} to {program.enrolmentCloses}.
          </Text>
        ) : null}
        {program.isEnrolmentOpen || isActive ? (
          <form onSubmit={submit} onKeyDown={keepEnterFromSubmitting} noValidate aria-label="Enrolment">
            <Stack>
              <Text size="sm">
                Who sees your answers: the program's coordinators see your level, discipline, the hours you
                can meet and the topics you chose, to form groups. Your group sees your name once groups are
                published. Your "not with" list is seen by nobody.
              </Text>
              {enrol.error && Object.keys(errors).length === 0 ? (
                <Alert color="red" role="alert">
                  {enrol.error.message}
                </Alert>
              ) : null}
              <Group grow>
                <Select
                  label="Your level"
                  data={levelOptions}
                  value={form.level || null}
                  onChange={(level) => setForm({ ...form, level: level ?? '' })}
                />
                <TextInput
                  label="Your discipline"
                  value={form.discipline}
                  onChange={(e) => setForm({ ...form, discipline: e.currentTarget.value })}
                />
              </Group>
              <Select
                label="Time zone of the hours below"
                description="Your group's meeting time is worked out from the hours you tick, in this zone"
                data={timeZoneOptions(own.data.defaults.timeZone, form.timeZone)}
                value={form.timeZone}
                onChange={(timeZone) => timeZone && setForm({ ...form, timeZone })}
                allowDeselect={false}
                searchable
                maw={420}
              />
              <AvailabilityGrid
                value={form.availability}
                onChange={(availability) => setForm({ ...form, availability })}
                timeZone={form.timeZone}
              />
              {errors.availability ? (
                <Text c="red.8" size="sm" role="alert">
                  {errors.availability}
                </Text>
              ) : null}
              <MultiSelect
                label="Topics you care about"
                description="Helps us tailor topics and form groups with shared interests"
                data={interestOptions}
                value={form.interests}
                onChange={(interests) => setForm({ ...form, interests })}
                searchable
              />
              <NotWithField people={form.notWith} onChange={(notWith) => setForm({ ...form, notWith })} />
              <Card withBorder bg="gray.0">
                <Text fw={600}>The group's guidelines</Text>
                <List size="sm">
                  {own.data.guidelines.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              </Card>
              <Checkbox
                label="I agree to keep to these guidelines"
                checked={form.agrees}
                onChange={(e) => setForm({ ...form, agrees: e.currentTarget.checked })}
                error={errors.agreesToGuidelines}
              />
              <Group>
                <Button type="submit" loading={enrol.isPending}>
                  {isActive ? 'Update my answers' : 'Join'}
                </Button>
                {isActive ? (
                  <Button variant="default" onClick={confirming.open}>
                    Withdraw
                  </Button>
                ) : null}
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
      <WithdrawDialog
        programId={program.id}
        own={own.data}
        isOpen={isConfirming}
        onClose={confirming.close}
        onWithdrawn={(said) => {
          setWithdrawn(said);
          confirming.close();
        }}
      />
    </Card>
  );
}
