import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ApiResponse, api } from '../lib/api.ts';

export type SupportDirectory = ApiResponse<'GET', '/api/support-resources'>;
export type SupportResource = SupportDirectory['resources'][number];
export type ContactAction = SupportResource['actions'][number];

// The organisation's list (not about anyone) is kept on the device, so help opens without a connection.
const storageKey = 'tend.support-resources';

function readStored(): SupportDirectory | undefined {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return stored ? (JSON.parse(stored) as SupportDirectory) : undefined;
  } catch {
    return undefined;
  }
}

export function useSupportResources() {
  return useQuery({
    queryKey: ['support-resources'],
    queryFn: async () => {
      const directory = await api('GET', '/api/support-resources');
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(directory));
      } catch {
        // Storage full or off: help still shows while online.
      }
      return directory;
    },
    initialData: readStored,
    // What the device kept is shown at once and refreshed from the server.
    initialDataUpdatedAt: 0,
    staleTime: 5 * 60_000,
  });
}

function ResourceEntry({ resource }: { resource: SupportResource }) {
  return (
    <Stack gap={4} component="li">
      <Text fw={700}>{resource.name}</Text>
      <Text size="sm">{resource.contact}</Text>
      {resource.actions.length > 0 ? (
        <Group gap="xs">
          {resource.actions.map((action) => (
            <Button
              key={action.href}
              component="a"
              href={action.href}
              size="sm"
              variant={action.kind === 'call' ? 'filled' : 'default'}
              {...(action.kind === 'web' ? { target: '_blank', rel: 'noreferrer' } : {})}
              aria-label={`${action.label}: ${resource.name}`}
            >
              {action.label}
            </Button>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

/**
 * The organisation's support resources with tap-to-call and tap-to-text links, the 9-8-8 line where it
 * serves, and what to do in danger right now. Shown from "Get help now" on every page, after a high score
 * and on the reflection page.
 */
export function SupportResources() {
  const support = useSupportResources();
  if (!support.data) {
    return support.isError ? (
      <Alert color="yellow" role="status">
        The list could not be loaded. If you or someone else is in danger right now, call your local emergency
        number.
      </Alert>
    ) : (
      <Loader role="status" aria-label="Loading support resources" size="sm" />
    );
  }
  const { resources, crisisLine, emergency } = support.data;
  const entries = crisisLine ? [...resources, crisisLine] : resources;
  return (
    <Stack gap="md">
      {entries.length > 0 ? (
        <Stack
          gap="md"
          component="ul"
          aria-label="Support resources"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {entries.map((resource) => (
            <ResourceEntry key={`${resource.name}-${resource.contact}`} resource={resource} />
          ))}
        </Stack>
      ) : (
        <Text size="sm">Your organisation has not listed support resources yet.</Text>
      )}
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {emergency.text}
        </Text>
        {emergency.action ? (
          <Button component="a" href={emergency.action.href} size="sm" color="red.9">
            {emergency.action.label}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
