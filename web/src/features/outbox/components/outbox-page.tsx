import { Accordion, Alert, Badge, Button, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { SearchField } from '../../../components/search-field.tsx';
import { describeDateTime } from '../../../lib/format.ts';
import { type OutboxMail, useOutbox } from '../api/outbox.ts';

const statusColor: Record<OutboxMail['status'], string> = {
  waiting: 'gray.7',
  sending: 'blue.8',
  sent: 'green.9',
  failed: 'red.9',
};

/** /outbox (admins): every e-mail Tend wrote, newest first; without SMTP_URL they stay here unsent. */
export function OutboxPage() {
  const [search, setSearch] = useState('');
  const outbox = useOutbox(search);
  const mails = outbox.data?.pages.flatMap((page) => page.mails);
  const isDeliveryConfigured = outbox.data?.pages[0]?.isDeliveryConfigured;
  return (
    <Stack>
      <Title order={1}>Outbox</Title>
      <SearchField
        label="Search by recipient or subject (personal notices are not searched)"
        onSearch={setSearch}
      />
      {outbox.isPending ? <Loader role="status" aria-label="Loading the outbox" /> : null}
      {outbox.error ? (
        <Alert color="red" role="alert">
          {outbox.error.message}
        </Alert>
      ) : null}
      {isDeliveryConfigured === false ? (
        <Alert color="blue" title="E-mail is not being sent">
          No SMTP server is configured (SMTP_URL), so e-mails stay here. Read them to check what people would
          receive.
        </Alert>
      ) : null}
      {mails?.length === 0 ? (
        <Text>{search ? `No e-mails to or about “${search}”.` : 'No e-mails yet.'}</Text>
      ) : null}
      {mails && mails.length > 0 ? (
        <Accordion variant="separated" multiple>
          {mails.map((mail) => (
            <Accordion.Item key={mail.id} value={mail.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={0}>
                    <Text fw={600}>{mail.subject}</Text>
                    <Text size="sm">
                      To {mail.to} · {describeDateTime(mail.createdAt)}
                    </Text>
                  </Stack>
                  <Group gap="xs" wrap="nowrap">
                    {mail.calendar ? <Badge variant="outline">Invitation</Badge> : null}
                    <Badge color={statusColor[mail.status]}>{mail.status}</Badge>
                  </Group>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  <Code block>{mail.text}</Code>
                  <Text size="sm">
                    Attempts: {mail.attempts}
                    {mail.sentAt ? ` · sent ${describeDateTime(mail.sentAt)}` : ''}
                  </Text>
                  {mail.lastError ? (
                    <Text size="sm" c="red.9">
                      Last error: {mail.lastError}
                    </Text>
                  ) : null}
                  {mail.calendar ? <Code block>{mail.calendar}</Code> : null}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      ) : null}
      {outbox.hasNextPage ? (
        <Button
          variant="default"
          w="fit-content"
          loading={outbox.isFetchingNextPage}
          onClick={() => outbox.fetchNextPage()}
        >
          Show older e-mails
        </Button>
      ) : null}
    </Stack>
  );
}
