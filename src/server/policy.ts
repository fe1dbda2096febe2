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
  'programs.list': 'signed-in',
  'programs.read': 'signed-in',
  'programs.create': ['coordinator'],
  'programs.update': ['coordinator'],
  'programs.overview': ['coordinator'],
  'enrollments.list': ['coordinator'],
  'enrollment.read-own': 'signed-in',
  'enrollment.enrol': 'signed-in',
  'enrollment.withdraw': 'signed-in',
  'groups.list': ['coordinator'],
  'groups.form': ['coordinator'],
  'groups.evaluate': ['coordinator'],
  'groups.save': ['coordinator'],
  'groups.publish': ['coordinator'],
  'my-groups.read': 'signed-in',
  'meetings.read': 'signed-in',
  'meetings.update': ['facilitator', 'coordinator'],
  'attendance.record': ['facilitator', 'coordinator'],
  'topics.list': ['facilitator', 'coordinator'],
  'topics.create': ['coordinator'],
  'topics.update': ['coordinator'],
  'notifications.list': 'signed-in',
  'notifications.mark-read': 'signed-in',
  'notification-preferences.read': 'signed-in',
  'notification-preferences.update': 'signed-in',
  'calendar-feed.create': 'signed-in',
  'calendar-feed.delete': 'signed-in',
  /** The secret token in the feed's address is what authorises it. */
  'calendar-feed.read': 'everyone',
  'outbox.list': ['admin'],
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

/** What a member is to one group: decides who sees its roster and who runs its meetings. */
export type GroupRelation = 'facilitator' | 'member' | 'none';

/**
 * Facilitators run only their own groups' meetings; coordinators run any in their organisation.
 * Members see their group's meetings; nobody else does.
 */
export function canRunMeeting(role: Role, relation: GroupRelation): boolean {
  return role === 'coordinator' || relation === 'facilitator';
}

export function canSeeMeeting(role: Role, relation: GroupRelation): boolean {
  return canRunMeeting(role, relation) || relation === 'member';
}
