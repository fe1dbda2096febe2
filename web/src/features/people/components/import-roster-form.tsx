import { Alert, Button, FileInput, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useImportRoster, useInviteEveryone } from '../api/people.ts';

export function ImportRosterForm() {
  const importRoster = useImportRoster();
  const inviteEveryone = useInviteEveryone();
  const [file, setFile] = useState<File | null>(null);
  const report = importRoster.data;

  return (
    <Stack>
      <Text size="sm">
        A CSV file with a header row: <code>name,email,role,level,discipline</code>. Roles: participant,
        facilitator, coordinator, leader, admin. Levels: student-1 to student-4, resident, practitioner,
        faculty.
      </Text>
      <FileInput label="Roster file" accept=".csv,text/csv" value={file} onChange={setFile} clearable />
      <Button
        disabled={!file}
        loading={importRoster.isPending}
        onClick={async () => file && importRoster.mutate(await file.text())}
        w="fit-content"
      >
        Import roster
      </Button>
      {importRoster.error ? (
        <Alert color="red" role="alert" title="The roster was not imported">
          {importRoster.error.message}
        </Alert>
      ) : null}
      {report ? (
        <Alert color={report.rejected.length > 0 ? 'yellow' : 'green'} title="Import report" role="status">
          <Text>
            {report.created.length} created, {report.rejected.length} rejected.
          </Text>
          {report.rejected.length > 0 ? (
            <List size="sm">
              {report.rejected.map((rejection) => (
                <List.Item key={rejection.row}>
                  Row {rejection.row} ({rejection.email || 'no e-mail'}): {rejection.reasons.join('; ')}
                </List.Item>
              ))}
            </List>
          ) : null}
          {report.created.length > 0 ? (
            inviteEveryone.data ? (
              <Text mt="xs">Invitations e-mailed to {inviteEveryone.data.invited} people.</Text>
            ) : (
              <Button
                mt="xs"
                size="xs"
                loading={inviteEveryone.isPending}
                onClick={() => inviteEveryone.mutate()}
              >
                E-mail invitations to everyone not yet invited
              </Button>
            )
          ) : null}
          {inviteEveryone.error ? <Text c="red.8">{inviteEveryone.error.message}</Text> : null}
        </Alert>
      ) : null}
    </Stack>
  );
}
