import { Button, Fieldset, Group, NumberInput, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import type { FormingOptions, Weights } from '../api/groups.ts';

export const defaultFormingOptions: FormingOptions = {
  seed: 1,
  weights: { level: 3, discipline: 1, interests: 1, experience: 1, history: 1 },
  historyMode: 'new-combinations',
  facilitatorsPerGroup: { min: 1, max: 2 },
};

const weightLabels: Record<keyof Weights, { label: string; description: string }> = {
  level: { label: 'Mix of levels', description: 'Each group mixes levels like the whole cohort' },
  discipline: { label: 'Mix of disciplines', description: 'Each group mixes disciplines like the cohort' },
  interests: { label: 'Shared interests', description: 'Members share a topic interest' },
  experience: { label: 'Facilitator experience', description: 'Experience spread evenly over groups' },
  history: { label: 'Previous groupmates', description: 'See "Previous groupmates" below' },
};

// Mantine's default description and error colours are too light for WCAG AA contrast.
const readableInputStyles = {
  description: { color: 'var(--mantine-color-gray-7)' },
  error: { color: 'var(--mantine-color-red-9)' },
};

const weightKeys = Object.keys(weightLabels) as (keyof Weights)[];

/** Why the options cannot be used, or null when they can. */
export function findOptionsProblem(options: FormingOptions): string | null {
  if (options.facilitatorsPerGroup.min > options.facilitatorsPerGroup.max) {
    return 'The least facilitators per group must not exceed the most.';
  }
  return null;
}

const toNumber = (value: string | number, fallback: number) => (typeof value === 'number' ? value : fallback);

/** Seed, the five weights (0–100), how to treat previous groupmates, and facilitators per group. */
export function FormingOptionsPanel({
  value,
  onChange,
}: {
  value: FormingOptions;
  onChange: (options: FormingOptions) => void;
}) {
  const problem = findOptionsProblem(value);
  const setWeight = (key: keyof Weights, weight: number) =>
    onChange({ ...value, weights: { ...value.weights, [key]: weight } });
  return (
    <Stack gap="sm">
      <Fieldset legend="How much each goal counts (0 switches a goal off, up to 100)">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
          {weightKeys.map((key) => (
            <NumberInput
              key={key}
              label={weightLabels[key].label}
              description={weightLabels[key].description}
              min={0}
              max={100}
              clampBehavior="strict"
              allowDecimal={false}
              styles={readableInputStyles}
              value={value.weights[key]}
              onChange={(weight) => setWeight(key, toNumber(weight, 0))}
            />
          ))}
        </SimpleGrid>
      </Fieldset>
      <Radio.Group
        label="Previous groupmates"
        value={value.historyMode}
        onChange={(mode) => onChange({ ...value, historyMode: mode as FormingOptions['historyMode'] })}
      >
        <Group mt="xs">
          <Radio value="new-combinations" label="Keep them apart (new combinations)" />
          <Radio value="stable" label="Keep them together (stable groups)" />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <NumberInput
          label="Facilitators per group, at least"
          min={0}
          max={5}
          clampBehavior="strict"
          allowDecimal={false}
          styles={readableInputStyles}
          value={value.facilitatorsPerGroup.min}
          onChange={(min) =>
            onChange({
              ...value,
              facilitatorsPerGroup: { ...value.facilitatorsPerGroup, min: toNumber(min, 0) },
            })
          }
          error={problem ?? undefined}
        />
        <NumberInput
          label="Facilitators per group, at most"
          min={1}
          max={5}
          clampBehavior="strict"
          allowDecimal={false}
          styles={readableInputStyles}
          value={value.facilitatorsPerGroup.max}
          onChange={(max) =>
            onChange({
              ...value,
              facilitatorsPerGroup: { ...value.facilitatorsPerGroup, max: toNumber(max, 1) },
            })
          }
        />
        <NumberInput
          label="Seed"
          description="The same seed and people give the same groups; try another for an alternative"
          min={0}
          max={2 ** 31 - 1}
          clampBehavior="strict"
          allowDecimal={false}
          styles={readableInputStyles}
          value={value.seed}
          onChange={(seed) => onChange({ ...value, seed: toNumber(seed, 1) })}
        />
      </SimpleGrid>
      <Group>
        <Button variant="default" size="xs" onClick={() => onChange(defaultFormingOptions)}>
          Reset to defaults
        </Button>
        <Text size="xs" c="dimmed">
          Defaults: levels 3, other goals 1, previous groupmates kept apart, 1–2 facilitators per group.
        </Text>
      </Group>
    </Stack>
  );
}
