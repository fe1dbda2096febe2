import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { describeDateTime } from '../../../lib/format.ts';
import { type Pairing, useRespondToSupervision, useSupervision } from '../api/supervision.ts';
import { ConversationNotes } from './conversation-notes.tsx';
import { EndSupervisionButton } from './end-supervision-button.tsx';
import { MoveConversationForm } from './move-conversation-form.tsx';
import { ProposeSupervisionForm } from './propose-supervision-form.tsx';

const statusLabels: Record<Pairing['status'], string> = {
  proposed: 'Waiting for an answer',
  active: 'Active',
  declined: 'Declined',
  ended: 'Ended',
  withdrawn: 'Withdrawn',
};

/** /supervision: reflective supervision between a supervisor and a clinician, private to the two. */
export function SupervisionPage() {
  const supervision = useSupervision();
  return (
    <Stack>
      <Title order={1}>Supervision</Title>
      <Text>
        Regular reflective supervision conversations between a supervisor and a clinician. Only the two of you
        see the arrangement and its notes — not coordinators, leaders or administrators.
      </Text>
      {supervision.isPending ? <Loader role="status" aria-label="Loading your supervision" /> : null}
      {supervision.error ? (
        <Alert color="red" role="alert">
          {supervision.error.message}
        </Alert>
      ) : null}
      <section aria-labelledby="pairings-heading">
        <Title order={2} size="h3" id="pairings-heading" mb="sm">
          Your supervision
        </Title>
        {supervision.data?.pairings.length === 0 ? <Text>None yet. Propose one below.</Text> : null}
        <Stack>
          {supervision.data?.pairings.map((pairing) => (
            <PairingCard key={pairing.id} pairing={pairing} />
          ))}
        </Stack>
      </section>
      <Card withBorder component="section" aria-labelledby="propose-heading">
        <Title order={2} size="h3" id="propose-heading" mb="sm">
          Propose supervision
        </Title>
        <ProposeSupervisionForm />
      </Card>
    </Stack>
  );
}

function PairingCard({ pairing }: { pairing: Pairing }) {
  const respond = useRespondToSupervision();
  const [openConversationId, setOpenConversationId] = useState<string | null>(null);
  const [movingConversationId, setMovingConversationId] = useState<string | null>(null);
  const movingConversation = pairing.conversations.find(
    (conversation) => conversation.id === movingConversationId,
  );
  // Rendering time is enough to decide which conversations are still ahead; the server checks again.
  const isAhead = (startsAt: string) => Date.parse(startsAt) > Date.now();
  const hasNotesToShow = pairing.status === 'active' || pairing.status === 'ended';
  const isEndable = pairing.status === 'active' || (pairing.status === 'proposed' && pairing.isProposedByMe);
  const headingId = `pairing-${pairing.id}`;
  const isAwaitingMe = pairing.status === 'proposed' && !pairing.isProposedByMe;
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4" id={headingId}>
            {pairing.myRole === 'supervisor'
              ? `Supervising ${pairing.colleague.name}`
              : `Supervised by ${pairing.colleague.name}`}
          </Title>
          <Badge color={pairing.status === 'active' ? 'green.9' : 'gray.7'}>
            {statusLabels[pairing.status]}
          </Badge>
        </Group>
        <Text size="sm">
          {pairing.conversations.length} conversations of {pairing.minutes} minutes, every{' '}
          {pairing.cadenceWeeks} {pairing.cadenceWeeks === 1 ? 'week' : 'weeks'}
          {pairing.place ? `, at ${pairing.place}` : ''}
          {pairing.videoUrl ? `, by video (${pairing.videoUrl})` : ''}.
        </Text>
        {pairing.status === 'proposed' && pairing.isProposedByMe ? (
          <Text size="sm">Waiting for {pairing.colleague.name} to accept.</Text>
        ) : null}
        {pairing.status === 'ended' ? (
          <Text size="sm">
            Conversations that were still ahead are cancelled. The notes stay readable to the two of you.
          </Text>
        ) : null}
        {isEndable ? (
          <Group>
            <EndSupervisionButton pairing={pairing} />
          </Group>
        ) : null}
        {isAwaitingMe ? (
          <Group>
            <Text size="sm">{pairing.colleague.name} proposed this to you.</Text>
            <Button
              size="xs"
              loading={respond.isPending}
              onClick={() => respond.mutate({ pairingId: pairing.id, isAccepted: true })}
            >
              Accept
            </Button>
            <Button
              size="xs"
              variant="subtle"
              loading={respond.isPending}
              onClick={() => respond.mutate({ pairingId: pairing.id, isAccepted: false })}
            >
              Decline
            </Button>
          </Group>
        ) : null}
        {respond.error ? (
          <Alert color="red" role="alert">
            {respond.error.message}
          </Alert>
        ) : null}
        <Table>
          <Table.Caption>Conversations, in your time zone</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Conversation</Table.Th>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Notes</Table.Th>
              {pairing.status === 'active' ? <Table.Th scope="col">Time</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pairing.conversations.map((conversation) => (
              <Table.Tr key={conversation.id}>
                <Table.Td>{conversation.sequence}</Table.Td>
                <Table.Td>
                  {conversation.cancelledAt ? (
                    <>
                      <s>{describeDateTime(conversation.startsAt)}</s> (cancelled)
                    </>
                  ) : (
                    describeDateTime(conversation.startsAt)
                  )}
                </Table.Td>
                <Table.Td>
                  {hasNotesToShow && (pairing.status === 'active' || conversation.hasNotes) ? (
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={`Notes for conversation ${conversation.sequence}`}
                      onClick={() => setOpenConversationId(conversation.id)}
                    >
                      {conversation.hasNotes ? 'Read notes' : 'Write notes'}
                    </Button>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                {pairing.status === 'active' ? (
                  <Table.Td>
                    {conversation.cancelledAt === null && isAhead(conversation.startsAt) ? (
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Move conversation ${conversation.sequence}`}
                        onClick={() => setMovingConversationId(conversation.id)}
                      >
                        Move
                      </Button>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {movingConversation && pairing.status === 'active' ? (
          <MoveConversationForm
            key={movingConversation.id}
            conversation={movingConversation}
            onDone={() => setMovingConversationId(null)}
          />
        ) : null}
        {openConversationId ? (
          <ConversationNotes
            key={openConversationId}
            conversationId={openConversationId}
            onClose={() => setOpenConversationId(null)}
          />
        ) : null}
      </Stack>
    </Card>
  );
}
