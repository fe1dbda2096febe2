import { Alert, Center, Loader } from '@mantine/core';
import { useMemo } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useParams } from 'react-router';
import { AuditPage } from '../features/audit/components/audit-page.tsx';
import { DashboardPage } from '../features/dashboard/components/dashboard-page.tsx';
import { FeedbackNotes } from '../features/feedback/components/feedback-notes.tsx';
import { FeedbackPage } from '../features/feedback/components/feedback-page.tsx';
import { ProgramFeedbackTab } from '../features/feedback/components/program-feedback-tab.tsx';
import { GroupSpacePage } from '../features/group-space/components/group-space-page.tsx';
import { GroupsBoard } from '../features/groups/components/groups-board.tsx';
import { InvitationPage } from '../features/invitation/components/invitation-page.tsx';
import { MeetingPage } from '../features/meetings/components/meeting-page.tsx';
import { MyGroupsPage } from '../features/meetings/components/my-groups-page.tsx';
import { NoticesPage } from '../features/notifications/components/notices-page.tsx';
import { OrganizationSettingsPage } from '../features/organization-settings/components/organization-settings-page.tsx';
import { OutboxPage } from '../features/outbox/components/outbox-page.tsx';
import { AssessmentWindowsPage } from '../features/outcomes/components/assessment-windows-page.tsx';
import { OutcomesPage } from '../features/outcomes/components/outcomes-page.tsx';
import { ForgotPasswordPage } from '../features/password-reset/components/forgot-password-page.tsx';
import { ResetPasswordPage } from '../features/password-reset/components/reset-password-page.tsx';
import { PeoplePage } from '../features/people/components/people-page.tsx';
import { ProgramPage } from '../features/programs/components/program-page.tsx';
import { ProgramsPage } from '../features/programs/components/programs-page.tsx';
import { MyQuestionnairesPage } from '../features/questionnaires/components/my-questionnaires-page.tsx';
import { MyResultsPage } from '../features/questionnaires/components/my-results-page.tsx';
import { QuestionnairePage } from '../features/questionnaires/components/questionnaire-page.tsx';
import { RecognitionPage } from '../features/recognition/components/recognition-page.tsx';
import { EngagementTable } from '../features/reflections/components/engagement-table.tsx';
import { JournalPage } from '../features/reflections/components/journal-page.tsx';
import { ReflectPage } from '../features/reflections/components/reflect-page.tsx';
import { SharedReflections } from '../features/reflections/components/shared-reflections.tsx';
import { type Member, useSession } from '../features/session/api/session.ts';
import { SignInPage } from '../features/session/components/sign-in-page.tsx';
import { SupervisionPage } from '../features/supervision/components/supervision-page.tsx';
import { TopicsPage } from '../features/topics/components/topics-page.tsx';
import { LeadershipPage } from '../features/working-conditions/components/leadership-page.tsx';
import { SpeakUpPage } from '../features/working-conditions/components/speak-up-page.tsx';
import { Layout } from './layout.tsx';
import { isRouteAllowed } from './navigation.ts';

function RoleGate({ path, member, children }: { path: string; member: Member; children: React.ReactNode }) {
  return isRouteAllowed(path, member.role) ? children : <Navigate to="/" replace />;
}

/** Composes features: the program page shows the grouping board in its Groups tab. */
function ProgramRoute() {
  const { programId = '' } = useParams();
  return (
    <ProgramPage
      programId={programId}
      groupsTab={<GroupsBoard programId={programId} />}
      engagementTab={<EngagementTable programId={programId} />}
      feedbackTab={<ProgramFeedbackTab programId={programId} />}
      feedbackNotes={<FeedbackNotes programId={programId} />}
    />
  );
}

function ReflectRoute() {
  const { followUpId = '' } = useParams();
  return <ReflectPage followUpId={followUpId} />;
}

/** Composes features: a group's space shows the reflections its members chose to share. */
function GroupSpaceRoute() {
  const { groupId = '' } = useParams();
  return <GroupSpacePage groupId={groupId} sharedReflections={<SharedReflections groupId={groupId} />} />;
}

function signedInRouter(member: Member) {
  return createBrowserRouter([
    { path: '/invitation', element: <InvitationPage /> },
    { path: '/reset-password', element: <ResetPasswordPage /> },
    {
      element: <Layout member={member} />,
      children: [
        { index: true, element: <DashboardPage /> },
        {
          path: 'people',
          element: (
            <RoleGate path="/people" member={member}>
              <PeoplePage />
            </RoleGate>
          ),
        },
        {
          path: 'audit',
          element: (
            <RoleGate path="/audit" member={member}>
              <AuditPage />
            </RoleGate>
          ),
        },
        { path: 'programs', element: <ProgramsPage /> },
        { path: 'programs/:programId', element: <ProgramRoute /> },
        { path: 'my-groups', element: <MyGroupsPage /> },
        { path: 'groups/:groupId', element: <GroupSpaceRoute /> },
        { path: 'recognition', element: <RecognitionPage /> },
        { path: 'supervision', element: <SupervisionPage /> },
        { path: 'meetings/:meetingId', element: <MeetingPage /> },
        { path: 'meetings/:meetingId/feedback', element: <FeedbackPage /> },
        { path: 'speak-up', element: <SpeakUpPage /> },
        {
          path: 'working-conditions',
          element: (
            <RoleGate path="/working-conditions" member={member}>
              <LeadershipPage />
            </RoleGate>
          ),
        },
        { path: 'notices', element: <NoticesPage /> },
        { path: 'questionnaires', element: <MyQuestionnairesPage /> },
        { path: 'questionnaires/:windowId', element: <QuestionnairePage /> },
        { path: 'my-results', element: <MyResultsPage /> },
        {
          path: 'assessment-windows',
          element: (
            <RoleGate path="/assessment-windows" member={member}>
              <AssessmentWindowsPage />
            </RoleGate>
          ),
        },
        {
          path: 'outcomes',
          element: (
            <RoleGate path="/outcomes" member={member}>
              <OutcomesPage />
            </RoleGate>
          ),
        },
        {
          path: 'organization-settings',
          element: (
            <RoleGate path="/organization-settings" member={member}>
              <OrganizationSettingsPage />
            </RoleGate>
          ),
        },
        { path: 'journal', element: <JournalPage /> },
        { path: 'reflections/:followUpId', element: <ReflectRoute /> },
        {
          path: 'outbox',
          element: (
            <RoleGate path="/outbox" member={member}>
              <OutboxPage />
            </RoleGate>
          ),
        },
        {
          path: 'topics',
          element: (
            <RoleGate path="/topics" member={member}>
              <TopicsPage />
            </RoleGate>
          ),
        },
        { path: '*', element: <Navigate to="/" replace /> },
      ],
    },
  ]);
}

const signedOutRouter = () =>
  createBrowserRouter([
    { path: '/invitation', element: <InvitationPage /> },
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
    { path: '/reset-password', element: <ResetPasswordPage /> },
    { path: '*', element: <SignInPage /> },
  ]);

/** One router per signed-in person: recreating it on every render would lose navigation. */
function SessionRouter({ member }: { member: Member | null }) {
  const memberKey = member ? `${member.userId}:${member.role}` : 'signed-out';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the router changes only when the person or role does.
  const router = useMemo(() => (member ? signedInRouter(member) : signedOutRouter()), [memberKey]);
  return <RouterProvider router={router} />;
}

export function App() {
  const session = useSession();
  // Opened without a connection (the service worker served the app): say so; it carries on once back.
  if (session.isPending && session.fetchStatus === 'paused') {
    return (
      <Center h="100vh" p="md">
        <Alert color="yellow" role="status" title="You are offline">
          Tend opens as soon as the connection is back. Drafts you started are kept on this device.
        </Alert>
      </Center>
    );
  }
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Alert color="red" m="xl" role="alert">
        Tend could not reach its server: {session.error.message}
      </Alert>
    );
  }
  return <SessionRouter member={session.data.member} />;
}
