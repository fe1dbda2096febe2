import { Alert, Center, Loader } from '@mantine/core';
import { useMemo } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useParams } from 'react-router';
import { AuditPage } from '../features/audit/components/audit-page.tsx';
import { DashboardPage } from '../features/dashboard/components/dashboard-page.tsx';
import { GroupsBoard } from '../features/groups/components/groups-board.tsx';
import { InvitationPage } from '../features/invitation/components/invitation-page.tsx';
import { MeetingPage } from '../features/meetings/components/meeting-page.tsx';
import { MyGroupsPage } from '../features/meetings/components/my-groups-page.tsx';
import { NoticesPage } from '../features/notifications/components/notices-page.tsx';
import { OutboxPage } from '../features/outbox/components/outbox-page.tsx';
import { PeoplePage } from '../features/people/components/people-page.tsx';
import { ProgramPage } from '../features/programs/components/program-page.tsx';
import { ProgramsPage } from '../features/programs/components/programs-page.tsx';
import { type Member, useSession } from '../features/session/api/session.ts';
import { SignInPage } from '../features/session/components/sign-in-page.tsx';
import { TopicsPage } from '../features/topics/components/topics-page.tsx';
import { Layout } from './layout.tsx';
import { isRouteAllowed } from './navigation.ts';

function RoleGate({ path, member, children }: { path: string; member: Member; children: React.ReactNode }) {
  return isRouteAllowed(path, member.role) ? children : <Navigate to="/" replace />;
}

/** Composes features: the program page shows the grouping board in its Groups tab. */
function ProgramRoute() {
  const { programId = '' } = useParams();
  return <ProgramPage programId={programId} groupsTab={<GroupsBoard programId={programId} />} />;
}

function signedInRouter(member: Member) {
  return createBrowserRouter([
    { path: '/invitation', element: <InvitationPage /> },
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
        { path: 'meetings/:meetingId', element: <MeetingPage /> },
        { path: 'notices', element: <NoticesPage /> },
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
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
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
