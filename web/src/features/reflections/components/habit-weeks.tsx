import { Group, Stack, Text, Tooltip } from '@mantine/core';
import type { Journal } from '../api/reflections.ts';

/** One square per week, filled when the skill was practised: a streak reads at a glance. */
export function HabitWeeks({ habit }: { habit: Journal['habit'] }) {
  return (
    <Stack gap="xs">
      <Text>
        {habit.currentStreak === 0
          ? 'No streak yet: practise the skill this week to start one.'
          : `You practised ${habit.currentStreak} week${habit.currentStreak === 1 ? '' : 's'} in a row.`}{' '}
        Longest streak: {habit.longestStreak} week{habit.longestStreak === 1 ? '' : 's'}.
      </Text>
      <Group
        gap={6}
        component="ol"
        aria-label="Weeks, oldest first"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {habit.weeks.map((week) => {
          const label = `Week of ${week.weekStart}: ${
            week.isPractised
              ? 'practised'
              : week.reflectionCount > 0
                ? 'reflected, not practised'
                : 'nothing yet'
          }, ${week.reflectionCount} reflection${week.reflectionCount === 1 ? '' : 's'}`;
          return (
            <Tooltip key={week.weekStart} label={label}>
              <li
                aria-label={label}
                style={{
                  width: 22,
                  height: 22,
                  borderRadius: 4,
                  border: '1px solid var(--mantine-color-gray-6)',
                  background: week.isPractised
                    ? 'var(--mantine-color-teal-7)'
                    : week.reflectionCount > 0
                      ? 'var(--mantine-color-teal-1)'
                      : 'transparent',
                }}
              />
            </Tooltip>
          );
        })}
      </Group>
    </Stack>
  );
}
