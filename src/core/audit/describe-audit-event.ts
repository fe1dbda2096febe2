import { describeWeeklySlot, isWeeklySlot } from '../grouping/weekly-slot.ts';

/** One changed field of an audit event, in the stored values (a role, a level, true/false). */
export type AuditChange = { field: string; from: string | boolean | null; to: string | boolean | null };

/**
 * What an audit event stores beside its action so the log can say what changed. `subject` names
 * what was acted on when it is not a person (a group, a meeting, the organisation's settings), as
 * it was called at the time; a person is named from their account, as admins see it now.
 */
export type AuditDetails = { changes?: AuditChange[]; count?: number; subject?: string };

export type AuditEventFacts = {
  action: string;
  actorName: string | null;
  /** The person acted on, when the target is a person of this organisation. */
  targetName: string | null;
  details: AuditDetails | null;
};

const fieldLabels: Record<string, string> = {
  role: 'role',
  level: 'level',
  discipline: 'discipline',
  name: 'name',
  isDisabled: 'account',
  group: 'group',
  slot: 'meeting time',
  startsAt: 'time',
  place: 'place',
  videoUrl: 'video link',
  isCancelled: 'cancelled',
  reason: 'reason',
  timeZone: 'time zone',
  locale: 'language',
  minimumReportingGroupSize: 'minimum reporting group size',
  minimumCommentGroupSize: 'minimum group size for comments',
  attendanceWindowDays: 'days to take attendance',
  supportResources: 'support resources',
  units: 'units',
  commentMinimum: 'minimum group size for comments',
  status: 'status',
  title: 'title',
  description: 'description',
  audience: 'audience',
  termStart: 'term starts',
  termEnd: 'term ends',
  enrolmentOpens: 'enrolment opens',
  enrolmentCloses: 'enrolment closes',
  capacity: 'places',
  groupSizeMin: 'smallest group',
  groupSizeMax: 'largest group',
  meetingCount: 'meetings',
  meetingMinutes: 'minutes per meeting',
  cadenceWeeks: 'weeks between meetings',
  holidays: 'days without meetings',
  topicIds: 'topics',
  reminderHours: 'hours before a reminder',
  isPasswordSignInAdminOnly: 'password sign-in for admins only',
};

const valueLabels: Record<string, string> = {
  'student-1': 'student, year 1',
  'student-2': 'student, year 2',
  'student-3': 'student, year 3',
  'student-4': 'student, year 4',
};

function describeValue(field: string, value: string | boolean | null): string {
  if (field === 'isDisabled') return value ? 'disabled' : 'active';
  if (field === 'slot' && typeof value === 'string' && isWeeklySlot(value)) return describeWeeklySlot(value);
  if (value === null || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return valueLabels[value] ?? value;
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** Plain-words sentences, keyed by the action before any `:`; the change list follows as old → new. */
const actionWords: Record<string, (target: string, suffix: string) => string> = {
  'user.created': (target) => `added ${target}`,
  'user.invited': (target) => `invited ${target}`,
  'users.invited': (_target, count) => `invited ${count} people`,
  'user.updated': (target) => `updated ${target}`,
  'user.role-changed': (target, role) => `changed ${possessive(target)} role to ${role}`,
  'roster.imported': (_target, count) => `imported a roster of ${count} people`,
  'organization-settings.update': () => 'changed the organisation settings',
  'groups.formed': (_target, count) => `formed ${count} groups`,
  'groups.published': () => 'published the groups',
  'groups.member-moved': (target) => `moved ${target}`,
  'groups.member-taken-out': (target) => `took ${target} out of a group`,
  'groups.place-changed': (target) => `changed where ${target} meets`,
  'groups.time-changed': (target) => `changed the meeting time of ${target}`,
  'meeting.changed': (target) => `changed ${target}`,
  'meeting.cancelled': (target) => `cancelled ${target}`,
  'leadership-action.create': () => 'recorded a leadership action',
  'leadership-action.update': () => 'updated a leadership action',
  'assessment-windows.create': () => 'opened assessment windows',
  'assessment-windows.close': () => 'closed an assessment window',
  'messages.sent': (_target, audience) => `sent a message to ${audienceWords[audience] ?? 'members'}`,
  'programs.exported': (_target, kind) => `exported the program's ${kind}`,
  'program.created': () => 'created a program',
  'program.copied': () => 'copied a program for the next term',
  'program.updated': (target) => `changed ${target}`,
  'feedback-response.create': () => 'wrote a "you said, we did" note',
  'sso.signed-in': (target) => `signed in with ${target}`,
  'sso.refused': (target) => `refused a sign-in through ${target}`,
  'sso.person-created': (target) => `added ${target} at their first single sign-on`,
  'sso-connection.saved': (target, protocol) => `connected ${target} (${protocol.toUpperCase()}) for sign-in`,
  'sso-connection.deleted': (target, protocol) => `disconnected ${target} (${protocol.toUpperCase()})`,
  'scim-token.created': () => 'issued a new SCIM provisioning token',
  'scim-token.deleted': () => 'revoked the SCIM provisioning token',
  'scim.user-created': (target) => `added ${target} through SCIM provisioning`,
  'scim.user-updated': (target) => `updated ${target} through SCIM provisioning`,
  'scim.user-deactivated': (target) => `deactivated ${target} through SCIM provisioning`,
  // The account is gone, so the target is never named: the log keeps that it happened, not who.
  'scim.user-deleted': () => 'removed a person and their data through SCIM provisioning',
};

/** Targets that are not people, in words, when the event did not store a name for them. */
const subjectWords: Record<string, string> = {
  'groups.place-changed': 'a group',
  'groups.time-changed': 'a group',
  'meeting.changed': 'a meeting',
  'meeting.cancelled': 'a meeting',
  'program.updated': 'a program',
};

/** Fields the action's sentence already names ("changed the meeting time of Group 2: …"). */
const impliedFields = new Set(['slot', 'group']);

const audienceWords: Record<string, string> = {
  group: 'a group',
  enrolled: 'everyone enrolled',
  unplaced: 'everyone not yet in a group',
};

/**
 * The audit log's sentence for one event: who did what to whom, and old → new for each change,
 * e.g. "Avery Admin changed Dana Lee's role: participant → facilitator". Unknown actions fall back
 * to their stored name so nothing is ever hidden from an auditor.
 */
export function describeAuditEvent(event: AuditEventFacts): string {
  const actor = event.actorName ?? 'Tend';
  const changes = event.details?.changes ?? [];
  const [key = '', suffix = ''] = event.action.split(':');
  const target = event.targetName ?? event.details?.subject ?? subjectWords[key] ?? 'someone';
  const describeChange = (change: AuditChange) =>
    // A reason is said, not changed: "reason: room flooded".
    change.field === 'reason'
      ? describeValue(change.field, change.to)
      : `${describeValue(change.field, change.from)} → ${describeValue(change.field, change.to)}`;
  const labelled = (change: AuditChange) =>
    `${fieldLabels[change.field] ?? change.field}: ${describeChange(change)}`;
  if (changes.length > 0 && event.action.startsWith('user.')) {
    return `${actor} changed ${possessive(target)} ${changes.map(labelled).join('; ')}`;
  }
  const words = actionWords[key];
  if (words) {
    // One change that the sentence already names reads "from → to"; several are labelled.
    const values =
      changes.length === 1 && changes[0] && impliedFields.has(changes[0].field)
        ? [describeChange(changes[0])]
        : changes.map(labelled);
    return `${actor} ${words(target, suffix)}${values.length ? `: ${values.join('; ')}` : ''}`;
  }
  if (key.startsWith('program.')) return `${actor} marked a program ${key.slice('program.'.length)}`;
  return `${actor}: ${event.action}`;
}

/** A stored setting or field as the audit log keeps it: text, yes/no or none. */
function toAuditValue(value: unknown): string | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toAuditValue(item) ?? '').join(', ');
  return JSON.stringify(value);
}

/** Old → new for every field that `after` sets to something else than `before` had. */
export function listAuditChanges(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): AuditChange[] {
  return Object.keys(after)
    .filter((field) => after[field] !== undefined)
    .map((field) => ({ field, from: toAuditValue(before[field]), to: toAuditValue(after[field]) }))
    .filter((change) => change.from !== change.to);
}
