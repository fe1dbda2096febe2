import type { Role } from '../features/session/api/session.ts';

type NavigationItem = { to: string; label: string; roles: Role[] | 'all' };

/** What each role sees in the menu; the server's policy still decides what each may do. */
const items: NavigationItem[] = [
  { to: '/', label: 'Dashboard', roles: 'all' },
  { to: '/programs', label: 'Programs', roles: 'all' },
  { to: '/my-groups', label: 'My groups', roles: 'all' },
  { to: '/topics', label: 'Topic library', roles: ['coordinator', 'facilitator'] },
  { to: '/journal', label: 'Journal', roles: 'all' },
  { to: '/recognition', label: 'Recognition', roles: 'all' },
  { to: '/supervision', label: 'Supervision', roles: 'all' },
  { to: '/speak-up', label: 'Speak up', roles: 'all' },
  { to: '/working-conditions', label: 'Working conditions', roles: ['leader'] },
  { to: '/notices', label: 'Notices and calendar', roles: 'all' },
  { to: '/my-data', label: 'Your data', roles: 'all' },
  { to: '/people', label: 'People', roles: ['admin'] },
  { to: '/audit', label: 'Audit log', roles: ['admin'] },
  { to: '/outbox', label: 'E-mail outbox', roles: ['admin'] },
  { to: '/questionnaires', label: 'Questionnaires', roles: ['participant', 'facilitator'] },
  { to: '/my-results', label: 'My results', roles: 'all' },
  { to: '/assessment-windows', label: 'Assessment windows', roles: ['coordinator'] },
  { to: '/outcomes', label: 'Outcomes', roles: ['coordinator', 'leader'] },
  { to: '/organization-settings', label: 'Organisation settings', roles: ['admin'] },
  { to: '/sign-in-methods', label: 'Sign-in methods', roles: ['admin'] },
];

export function navigationFor(role: Role): NavigationItem[] {
  return items.filter((item) => item.roles === 'all' || item.roles.includes(role));
}

export function isRouteAllowed(path: string, role: Role): boolean {
  const item = items.find((candidate) => candidate.to === path);
  return !item || item.roles === 'all' || item.roles.includes(role);
}
