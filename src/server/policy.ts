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
  /** Everything Tend holds about the signed-in person, and nothing about anyone else. */
  'my-data.export': 'signed-in',
  /** Closing one's own account needs one's password; the service keeps at least one admin. */
  'me.close-account': 'signed-in',
  'dashboard.read': 'signed-in',
  'invitation.read': 'everyone',
  'invitation.accept': 'everyone',
  /** Forgot password: the link goes to the account's own address, so asking reveals and grants nothing. */
  'password-reset.request': 'everyone',
  'password-reset.accept': 'everyone',
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
  'programs.copy': ['coordinator'],
  'programs.overview': ['coordinator'],
  'enrollments.list': ['coordinator'],
  'enrollments.place-facilitator': ['coordinator'],
  'enrollment.read-own': 'signed-in',
  'enrollment.enrol': 'signed-in',
  'enrollment.withdraw': 'signed-in',
  'groups.list': ['coordinator'],
  'groups.form': ['coordinator'],
  'groups.evaluate': ['coordinator'],
  'groups.save': ['coordinator'],
  'groups.publish': ['coordinator'],
  'groups.change': ['coordinator'],
  'groups.tell-unplaced': ['coordinator'],
  'my-groups.read': 'signed-in',
  'meetings.read': 'signed-in',
  'meetings.update': ['facilitator', 'coordinator'],
  'attendance.record': ['facilitator', 'coordinator'],
  /** Facilitators set their own groups' place; the service checks the group. */
  'group-place.update': ['facilitator', 'coordinator'],
  /** Moving a whole group to a new weekly time, e.g. one the program's feedback recommends. */
  'group-time.update': ['coordinator'],
  /** Facilitators message their own group only; coordinators any audience. Checked by the service. */
  'messages.send': ['facilitator', 'coordinator'],
  /** Groups, roster and attendance counts (through the disclosure gate); never reflections or scores. */
  'programs.export': ['coordinator'],
  'topics.list': ['facilitator', 'coordinator'],
  'topics.create': ['coordinator'],
  'topics.update': ['coordinator'],
  'notifications.list': 'signed-in',
  'notifications.mark-read': 'signed-in',
  'notification-preferences.read': 'signed-in',
  'notification-preferences.update': 'signed-in',
  /** Web Push: a person adds and removes their own devices only. */
  'push-subscriptions.read-own': 'signed-in',
  'push-subscriptions.subscribe': 'signed-in',
  'push-subscriptions.unsubscribe': 'signed-in',
  'calendar-feed.create': 'signed-in',
  'calendar-feed.delete': 'signed-in',
  /** The secret token in the feed's address is what authorises it. */
  'calendar-feed.read': 'everyone',
  'outbox.list': ['admin'],
  /** Follow-up reflection: the service reads and writes the signed-in person's own rows only. */
  'follow-ups.list-own': 'signed-in',
  'follow-ups.read-own': 'signed-in',
  'reflections.write-own': 'signed-in',
  'reflections.share-own': 'signed-in',
  'journal.read-own': 'signed-in',
  'journal.export-own': 'signed-in',
  /** The service checks the person is a member or facilitator of the group. */
  'shared-reflections.read': 'signed-in',
  /** Aggregates only, through the privacy gate. */
  'reflection-engagement.read': ['coordinator'],
  'nudge-preferences.read': 'signed-in',
  'nudge-preferences.update': 'signed-in',
  /** Session feedback: the service checks the person attended the meeting (not absent, not facilitating). */
  'feedback.read-own': 'signed-in',
  'feedback.give': 'signed-in',
  /** Aggregates only, through the privacy gate; coordinators run programs and act on feedback. */
  'feedback.results': ['coordinator'],
  'feedback-responses.list': 'signed-in',
  'feedback-responses.create': ['coordinator'],
  /** Anyone may report a working condition; the report stores nobody. */
  'working-condition-reports.form': 'signed-in',
  'working-condition-reports.create': 'signed-in',
  /**
   * Leaders, not admins or coordinators: admins run accounts, coordinators run programs, and each
   * extra reader of even aggregated reports makes reporters less willing to speak.
   */
  'working-condition-reports.summary': ['leader'],
  'leadership-actions.list': 'signed-in',
  'leadership-actions.create': ['leader'],
  'leadership-actions.update': ['leader'],
  /** Group space: the service checks the person is a current member or facilitator of the group. */
  'group-space.read': 'signed-in',
  'group-posts.create': 'signed-in',
  'group-posts.update': 'signed-in',
  /** Authors delete their own posts, also after leaving the group; the service checks authorship. */
  'group-posts.delete': 'signed-in',
  /** One's own posts in every group, also groups one has left. */
  'my-posts.list': 'signed-in',
  'group-posts.report': 'signed-in',
  /** Only the group's own facilitators moderate; checked against the group by the service. */
  'group-posts.moderate': 'signed-in',
  'colleagues.search': 'signed-in',
  'recognitions.create': 'signed-in',
  'recognitions.list': 'signed-in',
  'recognition-preferences.read': 'signed-in',
  'recognition-preferences.update': 'signed-in',
  /** Supervision is between two members; the service shows each pairing to those two only. */
  'supervision.read': 'signed-in',
  'supervision.propose': 'signed-in',
  'supervision.respond': 'signed-in',
  'supervision-notes.update': 'signed-in',
  'supervision.end': 'signed-in',
  'supervision-conversations.move': 'signed-in',
  /* measurement: instruments, assessment windows, own results, outcomes */
  'instruments.list': 'signed-in',
  'instruments.export-fhir': 'signed-in',
  'assessment-windows.list': ['coordinator'],
  'assessment-windows.create': ['coordinator'],
  'assessment-windows.close': ['coordinator'],
  /** Own questionnaires and results: the service reads only the signed-in person's rows. */
  'my-assessments.list': 'signed-in',
  'my-assessments.read': 'signed-in',
  'my-assessments.save-draft': 'signed-in',
  'my-assessments.submit': 'signed-in',
  'my-results.read': 'signed-in',
  'my-results.export-fhir': 'signed-in',
  /** Aggregates only, every figure through releaseAggregates. */
  'outcomes.read': ['coordinator', 'leader'],
  'outcomes.report': ['coordinator', 'leader'],
  'outcomes.export': ['coordinator', 'leader'],
  'organization-settings.read': ['admin'],
  /** "Get help now": everyone signed in reaches the organisation's support resources from every page. */
  'support-resources.read': 'signed-in',
  'organization-settings.update': ['admin'],
  /* single sign-on: the provider's signed answer, not a session, is what these public routes trust */
  /** Which provider signs in an address or organisation: public, as every provider's button is. */
  'sso.discover': 'everyone',
  'sso.start': 'everyone',
  /** The provider's answer (OIDC callback, SAML assertion): checked by signature, state and replay. */
  'sso.finish': 'everyone',
  'sso.metadata': 'everyone',
  /** The provider's single-logout request, checked by its signature. */
  'sso.logout': 'everyone',
  'sso-connections.read': ['admin'],
  'sso-connections.update': ['admin'],
  'sso-connections.delete': ['admin'],
  'sign-in-methods.update': ['admin'],
  /** The SCIM client's bearer token is shown once, to an admin; only its hash is kept. */
  'scim-token.create': ['admin'],
  'scim-token.delete': ['admin'],
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

/**
 * A group's space is for the people in it: members read and post, its facilitators also moderate.
 * Coordinators, leaders and admins are not in the room, so they do not see it.
 */
export function canReadGroupSpace(relation: GroupRelation): boolean {
  return relation !== 'none';
}

export function canModerateGroupSpace(relation: GroupRelation): boolean {
  return relation === 'facilitator';
}
