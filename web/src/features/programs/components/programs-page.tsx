import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../session/api/session.ts';
import { useCreateProgram, usePrograms } from '../api/programs.ts';
import { emptyProgram, ProgramForm } from './program-form.tsx';

const statusLabels = { draft: 'Draft', published: 'Published', closed: 'Closed' } as const;
const enrolmentLabels = {
  enrolled: 'You joined',
  waitlisted: 'On the waiting list',
  withdrawn: 'You withdrew',
} as const;

export function ProgramsPage() {
  const programs = usePrograms();
  const session = useSession();
  const isCoordinator = session.data?.member?.role === 'coordinator';
  const [isCreating, creating] = useDisclosure();
  const createProgram = useCreateProgram();
  const navigate = useNavigate();

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Programs</Title>
        {isCoordinator ? <Button onClick={creating.open}>New program</Button> : null}
      </Group>
      {!isCoordinator ? (
        <Text>
          Taking part is voluntary. Join a program that suits you; you can withdraw at any time in one step.
        </Text>
      ) : null}
      {programs.isPending ? <Loader role="status" aria-label="Loading programs" /> : null}
      {programs.error ? <Alert color="red">{programs.error.message}</Alert> : null}
      {programs.data?.length === 0 ? <Text>No programs yet.</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {programs.data?.map((program) => (
          <Card key={program.id} withBorder>
            <Group justify="space-between" align="flex-start">
              <Title order={2} size="h4">
                <Anchor component={Link} to={`/programs/${program.id}`}>
                  {program.title}
                </Anchor>
              </Title>
              {isCoordinator ? <Badge variant="outline">{statusLabels[program.status]}</Badge> : null}
            </Group>
            {program.audience ? <Text size="sm">For: {program.audience}</Text> : null}
            <Text size="sm">
              {program.termStart} to {program.termEnd} · {program.meetingCount} meetings of{' '}
              {program.meetingMinutes} minutes, every{' '}
              {program.cadenceWeeks === 1 ? 'week' : `${program.cadenceWeeks} weeks`}
            </Text>
            <Text size="sm">
              {program.isEnrolmentOpen
                ? `Enrolment open until ${program.enrolmentCloses}`
                : `Enrolment ${program.enrolmentOpens} to ${program.enrolmentCloses}`}
              {isCoordinator
                ? ` · ${program.enrolledCount} enrolled, ${program.waitlistedCount} waiting`
                : ''}
            </Text>
            {program.myEnrollmentStatus ? (
              <Badge mt="xs" color="tend" variant="light">
                {enrolmentLabels[program.myEnrollmentStatus]}
              </Badge>
            ) : null}
          </Card>
        ))}
      </SimpleGrid>
      <Modal opened={isCreating} onClose={creating.close} title="New program" size="lg">
        <ProgramForm
          initial={emptyProgram()}
          submitLabel="Create draft"
          isPending={createProgram.isPending}
          error={createProgram.error}
          onSubmit={(fields) =>
            createProgram.mutate(fields, {
              onSuccess: ({ id }) => {
                creating.close();
                navigate(`/programs/${id}`);
              },
            })
          }
        />
      </Modal>
    </Stack>
  );
}
