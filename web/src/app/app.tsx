import { Alert, Center, Loader } from '@mantine/core';
import { useMemo } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useParams } from 'react-router';
// The home page is where nearly every visit lands: it comes with the app, without a further round trip.
import { DashboardPage } from '../features/dashboard/components/dashboard-page.tsx';
import { type Member, useSession } from '../features/session/api/session.ts';
import { SignInPage } from '../features/session/components/sign-in-page.tsx';
import { Layout } from './layout.tsx';
import { Deferred, lazyPage } from './lazy-page.tsx';
import { isRouteAllowed } from './navigation.ts';

// Every page but sign-in and the home page is fetched when first shown (see lazy-page.tsx).
const AuditPage = lazyPage(() => import('../features/audit/components/audit-page.tsx'), 'AuditPage');
const FeedbackNotes = lazyPage(
  () => import('../features/feedback/components/feedback-notes.tsx'),
  'FeedbackNotes',
);
const FeedbackPage = lazyPage(
  () => import('../features/feedback/components/feedback-page.tsx'),
  'FeedbackPage',
);
const ProgramFeedbackTab = lazyPage(
  () => import('../features/feedback/components/program-feedback-tab.tsx'),
  'ProgramFeedbackTab',
);
const GroupSpacePage = lazyPage(
  () => import('../features/group-space/components/group-space-page.tsx'),
  'GroupSpacePage',
);
const GroupsBoard = lazyPage(() => import('../features/groups/components/groups-board.tsx'), 'GroupsBoard');
const InvitationPage = lazyPage(
  () => import('../features/invitation/components/invitation-page.tsx'),
  'InvitationPage',
);
const MeetingPage = lazyPage(() => import('../features/meetings/components/meeting-page.tsx'), 'MeetingPage');
const MyDataPage = lazyPage(() => import('../features/my-data/components/my-data-page.tsx'), 'MyDataPage');
const MyGroupsPage = lazyPage(
  () => import('../features/meetings/components/my-groups-page.tsx'),
  'MyGroupsPage',
);
const NoticesPage = lazyPage(
  () => import('../features/notifications/components/notices-page.tsx'),
  'NoticesPage',
);
const OrganizationSettingsPage = lazyPage(
  () => import('../features/organization-settings/components/organization-settings-page.tsx'),
  'OrganizationSettingsPage',
);
const SignInMethodsPage = lazyPage(
  () => import('../features/sign-in-methods/components/sign-in-methods-page.tsx'),
  'SignInMethodsPage',
);
const OutboxPage = lazyPage(() => import('../features/outbox/components/outbox-page.tsx'), 'OutboxPage');
const AssessmentWindowsPage = lazyPage(
  () => import('../features/outcomes/components/assessment-windows-page.tsx'),
  'AssessmentWindowsPage',
);
const OutcomesPage = lazyPage(
  () => import('../features/outcomes/components/outcomes-page.tsx'),
  'OutcomesPage',
);
const ForgotPasswordPage = lazyPage(
  () => import('../features/password-reset/components/forgot-password-page.tsx'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyPage(
  () => import('../features/password-reset/components/reset-password-page.tsx'),
  'ResetPasswordPage',
);
const PeoplePage = lazyPage(() => import('../features/people/components/people-page.tsx'), 'PeoplePage');
const ProgramPage = lazyPage(() => import('../features/programs/components/program-page.tsx'), 'ProgramPage');
const ProgramsPage = lazyPage(
  () => import('../features/programs/components/programs-page.tsx'),
  'ProgramsPage',
);
const MyQuestionnairesPage = lazyPage(
  () => import('../features/questionnaires/components/my-questionnaires-page.tsx'),
  'MyQuestionnairesPage',
);
const MyResultsPage = lazyPage(
  () => import('../features/questionnaires/components/my-results-page.tsx'),
  'MyResultsPage',
);
const QuestionnairePage = lazyPage(
  () => import('../features/questionnaires/components/questionnaire-page.tsx'),
  'QuestionnairePage',
);
const RecognitionPage = lazyPage(
  () => import('../features/recognition/components/recognition-page.tsx'),
  'RecognitionPage',
);
const EngagementTable = lazyPage(
  () => import('../features/reflections/components/engagement-table.tsx'),
  'EngagementTable',
);
const JournalPage = lazyPage(
  () => import('../features/reflections/components/journal-page.tsx'),
  'JournalPage',
);
const ReflectPage = lazyPage(
  () => import('../features/reflections/components/reflect-page.tsx'),
  'ReflectPage',
);
const SharedReflections = lazyPage(
  () => import('../features/reflections/components/shared-reflections.tsx'),
  'SharedReflections',
);
const SupervisionPage = lazyPage(
  () => import('../features/supervision/components/supervision-page.tsx'),
  'SupervisionPage',
);
const TopicsPage = lazyPage(() => import('../features/topics/components/topics-page.tsx'), 'TopicsPage');
const LeadershipPage = lazyPage(
  () => import('../features/working-conditions/components/leadership-page.tsx'),
  'LeadershipPage',
);
const SpeakUpPage = lazyPage(
  () => import('../features/working-conditions/components/speak-up-page.tsx'),
  'SpeakUpPage',
);

function RoleGate({ path, member, children }: { path: string; member: Member; children: React.ReactNode }) {
  return isRouteAllowed(path, member.role) ? children : <Navigate to="/" replace />;
}

/** Composes features: the program page shows the grouping board in its Groups tab. */
function ProgramRoute() {
  const { programId = '' } = useParams();
  return (
    <ProgramPage
      programId={programId}
      groupsTab={
        <Deferred>
          <GroupsBoard programId={programId} />
        </Deferred>
      }
      engagementTab={
        <Deferred>
          <EngagementTable programId={programId} />
        </Deferred>
      }
      feedbackTab={
        <Deferred>
          <ProgramFeedbackTab programId={programId} />
        </Deferred>
      }
      feedbackNotes={
        <Deferred>
          <FeedbackNotes programId={programId} />
        </Deferred>
      }
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
  return (
    <GroupSpacePage
      groupId={groupId}
      sharedReflections={
        <Deferred>
          <SharedReflections groupId={groupId} />
        </Deferred>
      }
    />
  );
}

function signedInRouter(member: Member) {
  return createBrowserRouter([
    {
      path: '/invitation',
      element: (
        <Deferred>
          <InvitationPage />
        </Deferred>
      ),
    },
    {
      path: '/reset-password',
      element: (
        <Deferred>
          <ResetPasswordPage />
        </Deferred>
      ),
    },
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
        { path: 'my-data', element: <MyDataPage /> },
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
        {
          path: 'sign-in-methods',
          element: (
            <RoleGate path="/sign-in-methods" member={member}>
              <SignInMethodsPage />
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
    {
      path: '/invitation',
      element: (
        <Deferred>
          <InvitationPage />
        </Deferred>
      ),
    },
    {
      path: '/forgot-password',
      element: (
        <Deferred>
          <ForgotPasswordPage />
        </Deferred>
      ),
    },
    {
      path: '/reset-password',
      element: (
        <Deferred>
          <ResetPasswordPage />
        </Deferred>
      ),
    },
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
