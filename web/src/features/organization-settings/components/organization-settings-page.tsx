import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { fieldErrors } from '../../../lib/api-client.ts';
import {
  type ReportingSettings,
  useReportingSettings,
  useSaveReportingSettings,
} from '../api/organization-settings.ts';

/**
 * /organization-settings (admins): the minimum reporting size and comment minimum, the support
 * resources people are shown, and the units people pick from when reporting a working condition.
 */
export function OrganizationSettingsPage() {
  const settings = useReportingSettings();
  const save = useSaveReportingSettings();
  const [draft, setDraft] = useState<ReportingSettings | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  const errors = fieldErrors(save.error);
  if (settings.isPending || !draft) return <Loader role="status" aria-label="Loading settings" />;
  const setResource = (index: number, changes: Partial<{ name: string; contact: string }>) =>
    setDraft({
      ...draft,
      supportResources: draft.supportResources.map((resource, position) =>
        position === index ? { ...resource, ...changes } : resource,
      ),
    });
  const setUnit = (index: number, name: string) =>
    setDraft({ ...draft, units: draft.units.map((unit, position) => (position === index ? name : unit)) });
  return (
    <Stack
      maw={760}
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(draft);
      }}
    >
      <Title order={1}>Organisation settings</Title>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2}>Reporting</Title>
          <NumberInput
            label="Minimum reporting group size"
            description="No figure about fewer people is ever shown to coordinators or leaders. Never below 3."
            min={3}
            max={100}
            value={draft.minimumReportingGroupSize}
            onChange={(value) => setDraft({ ...draft, minimumReportingGroupSize: Number(value) || 0 })}
            error={errors.minimumReportingGroupSize}
          />
          <NumberInput
            label="Comment minimum"
            description="Free-text comments (session feedback, working-condition reports) appear only once this many people or reports have written one. At least the minimum reporting group size; 10 unless you change it."
            min={Math.max(3, draft.minimumReportingGroupSize)}
            max={500}
            value={draft.commentMinimum}
            onChange={(value) => setDraft({ ...draft, commentMinimum: Number(value) || 0 })}
            error={errors.commentMinimum}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2}>Meetings</Title>
          <NumberInput
            label="Attendance window (days)"
            description="Attendance can be taken from a meeting's start until this many days after it ends. 7 unless you change it."
            min={0}
            max={60}
            value={draft.attendanceWindowDays}
            onChange={(value) => setDraft({ ...draft, attendanceWindowDays: Number(value) || 0 })}
            error={errors.attendanceWindowDays}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack>
          <Title order={2}>Support resources</Title>
          <Text size="sm">
            Everyone reaches these from “Get help now” at the top of every page; they are also shown privately
            to a person whose results suggest high burnout, secondary traumatic stress or low well-being, and
            on the reflection page — for example employee assistance, counselling or a crisis line. Phone
            numbers become tap-to-call links, and tap-to-text too when the contact says “text” (“Call or text
            9-8-8”, “Text HOME to 686868”). For an organisation in Canada or the United States, the 9-8-8 line
            and 9-1-1 are always shown.
          </Text>
          {draft.supportResources.map((resource, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id of their own.
            <Group key={index} align="flex-end">
              <TextInput
                label={`Resource ${index + 1} name`}
                value={resource.name}
                onChange={(event) => setResource(index, { name: event.currentTarget.value })}
                error={errors[`supportResources.${index}.name`]}
              />
              <TextInput
                label={`Resource ${index + 1} contact`}
                value={resource.contact}
                onChange={(event) => setResource(index, { contact: event.currentTarget.value })}
                error={errors[`supportResources.${index}.contact`]}
              />
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`Remove resource ${index + 1}`}
                onClick={() =>
                  setDraft({
                    ...draft,
                    supportResources: draft.supportResources.filter((_, position) => position !== index),
                  })
                }
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() =>
                setDraft({
                  ...draft,
                  supportResources: [...draft.supportResources, { name: '', contact: '' }],
                })
              }
            >
              Add a resource
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="units-heading">
        <Stack>
          <Title order={2} id="units-heading">
            Working-condition units
          </Title>
          <Text size="sm">
            People pick one of these when they report a working condition; “Not stated” is always offered too.
            Keep units large enough that a report does not point at a person. Reports already sent keep the
            unit they named.
          </Text>
          {errors.units ? (
            <Text size="sm" c="red.8" role="alert">
              Units: {errors.units}
            </Text>
          ) : null}
          {draft.units.map((unit, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id of their own.
            <Group key={index} align="flex-end">
              <TextInput
                label={`Unit ${index + 1}`}
                value={unit}
                onChange={(event) => setUnit(index, event.currentTarget.value)}
                error={errors[`units.${index}`]}
              />
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`Remove unit ${index + 1}`}
                onClick={() =>
                  setDraft({ ...draft, units: draft.units.filter((_, position) => position !== index) })
                }
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              disabled={draft.units.length >= 50}
              onClick={() => setDraft({ ...draft, units: [...draft.units, ''] })}
            >
              Add a unit
            </Button>
          </Group>
        </Stack>
      </Paper>
      {save.error ? (
        <Alert color="red" role="alert">
          {save.error.message}
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert color="green" role="status">
          Saved.
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" loading={save.isPending}>
          Save settings
        </Button>
      </Group>
    </Stack>
  );
}
