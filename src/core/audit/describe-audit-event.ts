import { describeWeeklySlot, isWeeklySlot } from '../grouping/weekly-slot.ts';

/** One changed field of an audit event, in the stored values (a role, a level, true/false). */
export type AuditChange = { field: string; from: string | boolean | null; to: string | boolean | null };

/** What an audit event stores beside its action so the log can say what changed. */
export type AuditDetails = { changes?: AuditChange[]; count?: number };

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

/** Plain-words sentences for actions that have no change list, keyed by the action before any `:`. */
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
  'groups.member-moved': (target) => `moved ${target} to another group`,
  'groups.member-taken-out': (target) => `took ${target} out of a group`,
  'groups.place-changed': () => "changed a group's place",
  'groups.time-changed': () => "changed a group's meeting time",
  'leadership-action.create': () => 'recorded a leadership action',
  'leadership-action.update': () => 'updated a leadership action',
  'assessment-windows.create': () => 'opened assessment windows',
  'assessment-windows.close': () => 'closed an assessment window',
  'messages.sent': (_target, audience) => `sent a message to ${audienceWords[audience] ?? 'members'}`,
  'programs.exported': (_target, kind) => `exported the program's ${kind}`,
  'program.created': () => 'created a program',
  'program.copied': () => 'copied a program for the next term',
  'feedback-response.create': () => 'wrote a "you said, we did" note',
};

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
  const target = event.targetName ?? 'someone';
  const changes = event.details?.changes ?? [];
  if (changes.length > 0 && event.action.startsWith('user.')) {
    const parts = changes.map(
      (change) =>
        `${fieldLabels[change.field] ?? change.field}: ${describeValue(change.field, change.from)} → ${describeValue(change.field, change.to)}`,
    );
    return `${actor} changed ${possessive(target)} ${parts.join('; ')}`;
  }
  const [key = '', suffix = ''] = event.action.split(':');
  const words = actionWords[key];
  if (words) {
    const values = changes.map(
      (change) => `${describeValue(change.field, change.from)} → ${describeValue(change.field, change.to)}`,
    );
    return `${actor} ${words(target, suffix)}${values.length ? `: ${values.join('; ')}` : ''}`;
  }
  if (key.startsWith('program.')) return `${actor} marked a program ${key.slice('program.'.length)}`;
  return `${actor}: ${event.action}`;
}
