import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { fieldErrors } from '../../../lib/api-client.ts';
import { type OidcConnectionBody, type SsoConnection, useDisconnect } from '../api/sign-in-methods.ts';

type CommonBody = Pick<
  OidcConnectionBody,
  'displayName' | 'emailDomains' | 'createsUnknownPeople' | 'mapping'
>;
type Mapping = NonNullable<CommonBody['mapping']>;

export type CommonDraft = {
  displayName: string;
  emailDomains: string;
  createsUnknownPeople: 'create' | 'refuse';
  roleClaim: string;
  roleValues: string;
  levelClaim: string;
  levelValues: string;
  disciplineClaim: string;
};

const toLines = (values: Record<string, string> | undefined) =>
  Object.entries(values ?? {})
    .map(([value, meaning]) => `${value} = ${meaning}`)
    .join('\n');

export function commonDraftOf(connection: SsoConnection | undefined): CommonDraft {
  const mapping = connection?.mapping ?? {};
  return {
    displayName: connection?.displayName ?? '',
    emailDomains: connection?.emailDomains.join(', ') ?? '',
    createsUnknownPeople: connection?.createsUnknownPeople ?? 'refuse',
    roleClaim: mapping.role?.claim ?? '',
    roleValues: toLines(mapping.role?.values),
    levelClaim: mapping.level?.claim ?? '',
    levelValues: toLines(mapping.level?.values),
    disciplineClaim: mapping.discipline?.claim ?? '',
  };
}

/** "student = student-1" lines to { student: 'student-1' }; the server names any value it refuses. */
function parseLines(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.split('=').map((part) => part.trim()))
      .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== '' && parts[1] !== ''),
  );
}

/**
 * The fields every protocol shares, as the API takes them. Typed values are not checked here: the
 * server names any role or level it does not know, next to the field.
 */
export function commonBodyOf(draft: CommonDraft): CommonBody {
  return {
    displayName: draft.displayName,
    emailDomains: draft.emailDomains
      .split(/[\s,]+/)
      .map((domain) => domain.trim())
      .filter(Boolean),
    createsUnknownPeople: draft.createsUnknownPeople,
    mapping: {
      ...(draft.roleClaim
        ? {
            role: {
              claim: draft.roleClaim,
              values: parseLines(draft.roleValues) as NonNullable<Mapping['role']>['values'],
            },
          }
        : {}),
      ...(draft.levelClaim
        ? {
            level: {
              claim: draft.levelClaim,
              values: parseLines(draft.levelValues) as NonNullable<Mapping['level']>['values'],
            },
          }
        : {}),
      ...(draft.disciplineClaim ? { discipline: { claim: draft.disciplineClaim } } : {}),
    },
  };
}

export function ConnectionCommonFields({
  draft,
  onChange,
  errors,
}: {
  draft: CommonDraft;
  onChange: (draft: CommonDraft) => void;
  errors: Record<string, string>;
}) {
  const set = (changes: Partial<CommonDraft>) => onChange({ ...draft, ...changes });
  return (
    <Stack>
      <TextInput
        label="Name on the sign-in button"
        description={'People see "Sign in with <this name>"'}
        required
        value={draft.displayName}
        onChange={(event) => set({ displayName: event.currentTarget.value })}
        error={errors.displayName}
      />
      <TextInput
        label="E-mail domains"
        description="Addresses at these domains (and their subdomains) are offered this provider; separate with commas"
        required
        value={draft.emailDomains}
        onChange={(event) => set({ emailDomains: event.currentTarget.value })}
        error={errors.emailDomains}
      />
      <Select
        label="Someone Tend does not know yet"
        data={[
          { value: 'refuse', label: 'Refuse: only people already in Tend may sign in' },
          { value: 'create', label: 'Add them as a participant at their first sign-in' },
        ]}
        allowDeselect={false}
        value={draft.createsUnknownPeople}
        onChange={(value) => set({ createsUnknownPeople: value === 'create' ? 'create' : 'refuse' })}
      />
      <TextInput
        label="Role claim (optional)"
        description="The claim or attribute whose values set a person's role at each sign-in; never makes or unmakes an admin"
        value={draft.roleClaim}
        onChange={(event) => set({ roleClaim: event.currentTarget.value })}
      />
      {draft.roleClaim ? (
        <Textarea
          label="Role values"
          description="One per line: value = role (participant, facilitator, coordinator, leader)"
          autosize
          minRows={2}
          value={draft.roleValues}
          onChange={(event) => set({ roleValues: event.currentTarget.value })}
          error={errors['mapping.role.values']}
        />
      ) : null}
      <TextInput
        label="Level claim (optional)"
        description="e.g. eduPersonAffiliation"
        value={draft.levelClaim}
        onChange={(event) => set({ levelClaim: event.currentTarget.value })}
      />
      {draft.levelClaim ? (
        <Textarea
          label="Level values"
          description="One per line: value = level (student-1 … student-4, resident, practitioner, faculty)"
          autosize
          minRows={2}
          value={draft.levelValues}
          onChange={(event) => set({ levelValues: event.currentTarget.value })}
          error={errors['mapping.level.values']}
        />
      ) : null}
      <TextInput
        label="Discipline claim (optional)"
        description="e.g. department"
        value={draft.disciplineClaim}
        onChange={(event) => set({ disciplineClaim: event.currentTarget.value })}
      />
    </Stack>
  );
}

/** "Not saved" with the server's reason when no single field is to blame, or "Saved" with what was checked. */
export function SaveOutcome({
  error,
  isSaved,
  savedText,
}: {
  error: Error | null;
  isSaved: boolean;
  savedText: string;
}) {
  if (error && Object.keys(fieldErrors(error)).length === 0) {
    return (
      <Alert color="red" role="alert" title="Not saved">
        {error.message}
      </Alert>
    );
  }
  return isSaved ? <Alert color="green">{savedText}</Alert> : null;
}

export function ConnectionActions({
  saveLabel,
  isSaving,
  protocol,
  isConnected,
}: {
  saveLabel: string;
  isSaving: boolean;
  protocol: 'oidc' | 'saml';
  isConnected: boolean;
}) {
  const disconnect = useDisconnect();
  return (
    <Group>
      <Button type="submit" loading={isSaving}>
        {saveLabel}
      </Button>
      {isConnected ? (
        <Button
          variant="default"
          color="red"
          loading={disconnect.isPending}
          onClick={() => disconnect.mutate(protocol)}
        >
          Disconnect
        </Button>
      ) : null}
    </Group>
  );
}
