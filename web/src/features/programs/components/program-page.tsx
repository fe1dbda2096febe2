import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useSession } from '../../session/api/session.ts';
import { useProgram, useUpdateProgram } from '../api/programs.ts';
import { CopyProgramButton } from './copy-program-button.tsx';
import { CurriculumEditor } from './curriculum-editor.tsx';
import { EnrolmentPanel } from './enrolment-panel.tsx';
import { PlaceFacilitatorForm } from './place-facilitator-form.tsx';
import { ProgramExports } from './program-exports.tsx';
import { ProgramForm } from './program-form.tsx';
import { ProgramMessageForm } from './program-message-form.tsx';
import { ProgramOverview, ProgramRoster } from './program-overview.tsx';

/** One program: for coordinators, its running; for everyone else, what it is and how to join or leave. */
export function ProgramPage({
  programId,
  groupsTab,
  engagementTab,
  feedbackTab,
  feedbackNotes,
}: {
  programId: string;
  groupsTab: ReactNode;
  /** Follow-up reflection engagement, composed by the app from the reflections feature. */
  engagementTab?: ReactNode;
  /** Session feedback results, composed by the app from the feedback feature. */
  feedbackTab?: ReactNode;
  /** "You said, we did" notes, shown to everyone who opens the program. */
  feedbackNotes?: ReactNode;
}) {
  const program = useProgram(programId);
  const session = useSession();
  const update = useUpdateProgram(programId);
  const [searchParams] = useSearchParams();
  const isCoordinator = session.data?.member?.role === 'coordinator';
  const [isConfirmingClose, setIsConfirmingClose] = useState(false);
  if (program.isPending) return <Loader role="status" aria-label="Loading the program" />;
  if (program.error) return <Alert color="red">{program.error.message}</Alert>;
  const data = program.data;
  const {
    id: _id,
    status,
    enrolledCount: _e,
    waitlistedCount: _w,
    isEnrolmentOpen: _o,
    myEnrollmentStatus: _m,
    ...fields
  } = data;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{data.title}</Title>
        {isCoordinator ? <Badge variant="outline">{status}</Badge> : null}
      </Group>
      {data.description ? <Text>{data.description}</Text> : null}
      <Text size="sm">
        {data.audience ? `For ${data.audience}. ` : ''}
        {data.meetingCount} meetings of {data.meetingMinutes} minutes, every{' '}
        {data.cadenceWeeks === 1 ? 'week' : `${data.cadenceWeeks} weeks`}, between {data.termStart} and{' '}
        {data.termEnd}, in groups of {data.groupSizeMin}–{data.groupSizeMax}.
      </Text>
      {isCoordinator ? (
        // ?tab=groups opens that tab: the home page's to-do links go straight to what needs doing.
        <Tabs defaultValue={searchParams.get('tab') ?? 'overview'} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="overview">Overview</Tabs.Tab>
            <Tabs.Tab value="settings">Settings</Tabs.Tab>
            <Tabs.Tab value="curriculum">Curriculum</Tabs.Tab>
            <Tabs.Tab value="roster">Roster</Tabs.Tab>
            <Tabs.Tab value="groups">Groups</Tabs.Tab>
            <Tabs.Tab value="messages">Messages</Tabs.Tab>
            {engagementTab ? <Tabs.Tab value="engagement">Engagement</Tabs.Tab> : null}
            {feedbackTab ? <Tabs.Tab value="feedback">Feedback</Tabs.Tab> : null}
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <Stack>
              <ProgramOverview programId={programId} />
              <ProgramExports programId={programId} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="settings" pt="md">
            <Stack>
              {update.error ? (
                <Alert color="red" role="alert">
                  {update.error.message}
                </Alert>
              ) : null}
              <Group>
                {status === 'draft' ? (
                  <Button onClick={() => update.mutate({ status: 'published' })} loading={update.isPending}>
                    Publish and open enrolment
                  </Button>
                ) : null}
                {status === 'published' ? (
                  <Button variant="default" onClick={() => setIsConfirmingClose(true)}>
                    Close the program
                  </Button>
                ) : null}
                <CopyProgramButton program={data} />
              </Group>
              <ConfirmDialog
                opened={isConfirmingClose}
                title={`Close ${data.title}?`}
                confirmLabel="Close the program"
                cancelLabel="Keep it running"
                isPending={update.isPending}
                error={update.error}
                onConfirm={() =>
                  update.mutate({ status: 'closed' }, { onSuccess: () => setIsConfirmingClose(false) })
                }
                onCancel={() => setIsConfirmingClose(false)}
              >
                Enrolment ends. Groups, meetings and feedback already recorded stay as they are.
              </ConfirmDialog>
              <ProgramForm
                key={JSON.stringify(fields)}
                initial={fields}
                submitLabel="Save changes"
                isPending={update.isPending}
                error={update.error}
                onSubmit={(changes) => update.mutate(changes)}
              />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="curriculum" pt="md">
            <CurriculumEditor program={data} />
          </Tabs.Panel>
          <Tabs.Panel value="roster" pt="md">
            <Stack>
              <ProgramRoster programId={programId} />
              {status !== 'closed' ? (
                <PlaceFacilitatorForm
                  programId={programId}
                  timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
                />
              ) : null}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="groups" pt="md">
            {groupsTab}
          </Tabs.Panel>
          <Tabs.Panel value="messages" pt="md">
            <ProgramMessageForm programId={programId} />
          </Tabs.Panel>
          {engagementTab ? (
            <Tabs.Panel value="engagement" pt="md">
              {engagementTab}
            </Tabs.Panel>
          ) : null}
          {feedbackTab ? (
            <Tabs.Panel value="feedback" pt="md">
              {feedbackTab}
            </Tabs.Panel>
          ) : null}
        </Tabs>
      ) : (
        <>
          {feedbackNotes}
          <EnrolmentPanel program={data} />
        </>
      )}
    </Stack>
  );
}
