import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, NavLink as RouterLink, useLocation } from 'react-router';
import { GetHelpButton } from '../components/get-help.tsx';
import { type Member, useSignOut } from '../features/session/api/session.ts';
import { usePageTitle } from '../lib/page-title.ts';
import { Deferred } from './lazy-page.tsx';
import { navigationFor } from './navigation.ts';
import { titleForPath } from './page-titles.ts';

export function Layout({ member }: { member: Member }) {
  const [isOpen, { toggle, close }] = useDisclosure();
  const signOut = useSignOut();
  usePageTitle(titleForPath(useLocation().pathname));
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !isOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group wrap="nowrap" gap="xs">
            <Burger
              opened={isOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={2} size="h3">
              Tend
            </Title>
          </Group>
          <Group wrap="nowrap" gap="xs">
            <Text size="sm" visibleFrom="sm">
              {member.name} · {member.role}
            </Text>
            <GetHelpButton />
            <Button variant="default" size="sm" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label="Main">
        {navigationFor(member.role).map((item) => (
          <NavLink key={item.to} component={RouterLink} to={item.to} label={item.label} onClick={close} end />
        ))}
      </AppShell.Navbar>
      <AppShell.Main component="main">
        {/* Pages load their code on first visit; the shell and navigation stay while it arrives. */}
        <Deferred>
          <Outlet />
        </Deferred>
      </AppShell.Main>
    </AppShell>
  );
}
