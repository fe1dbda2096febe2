import type { Role } from '../core/accounts/roles.ts';

/** Who is asking: a signed-in member's role, or nobody. */
export type Subject = Role | 'anonymous';

type Rule = 'everyone' | 'signed-in' | readonly Role[];

/**
 * Who may do what — the one place authorization is decided. Every API route names one of
 * these actions in its `config.action`; a route without one cannot be registered.
 */
export const permissions = {
  'health.read': 'everyone',
  'session.read': 'everyone',
  'session.create': 'everyone',
  'session.delete': 'signed-in',
  'me.read': 'signed-in',
  'me.update-password': 'signed-in',
  'dashboard.read': 'signed-in',
  'invitation.read': 'everyone',
  'invitation.accept': 'everyone',
  'users.list': ['admin'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'users.import': ['admin'],
  'users.invite': ['admin'],
  'audit-events.list': ['admin'],
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof permissions;

export function isAllowed(subject: Subject, action: Action): boolean {
  const rule: Rule = permissions[action];
  if (rule === 'everyone') return true;
  if (subject === 'anonymous') return false;
  if (rule === 'signed-in') return true;
  return rule.includes(subject);
}

export function requiresSignIn(action: Action): boolean {
  return permissions[action] !== 'everyone';
}
