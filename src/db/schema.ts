import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { roles } from '../core/accounts/roles.ts';

export type OrganizationSettings = {
  minimumReportingGroupSize: number;
  timeZone: string;
  locale: string;
  supportResources: { name: string; contact: string }[];
};

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  settings: jsonb('settings').$type<OrganizationSettings>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('users_email_unique').on(sql`lower(${table.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    level: text('level'),
    discipline: text('discipline'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('memberships_organization_user_unique').on(table.organizationId, table.userId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the opaque token, hex; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetId: text('target_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('audit_events_organization_idx').on(table.organizationId, table.createdAt)],
);

export const invitations = pgTable(
  'invitations',
  {
    /** SHA-256 of the link's token, hex. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('invitations_user_idx').on(table.userId)],
);

/* ---------- programs, enrolment, curriculum, groups, meetings ---------- */

export type LastGrouping = {
  seed: number;
  formedAt: string;
  unplaced: { id: string; reason: string; message: string }[];
  diagnoses: { code: string; message: string }[];
};

export const programStatuses = ['draft', 'published', 'closed'] as const;

export const programs = pgTable(
  'programs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    audience: text('audience').notNull().default(''),
    termStart: date('term_start').notNull(),
    termEnd: date('term_end').notNull(),
    enrolmentOpens: date('enrolment_opens').notNull(),
    enrolmentCloses: date('enrolment_closes').notNull(),
    /** Most people who can enrol; later enrolments join the waiting list. Null: no limit. */
    capacity: integer('capacity'),
    groupSizeMin: integer('group_size_min').notNull().default(8),
    groupSizeMax: integer('group_size_max').notNull().default(10),
    meetingCount: integer('meeting_count').notNull(),
    meetingMinutes: integer('meeting_minutes').notNull(),
    cadenceWeeks: integer('cadence_weeks').notNull(),
    /** ISO dates (yyyy-mm-dd) on which no meeting is held. */
    holidays: jsonb('holidays').$type<string[]>().notNull().default([]),
    /** The program's topics in meeting order: ids of shipped topics or of the organisation's own. */
    topicIds: jsonb('topic_ids').$type<string[]>().notNull().default([]),
    /** Hours before a meeting that reminders go out. */
    reminderHours: integer('reminder_hours').notNull().default(24),
    status: text('status', { enum: programStatuses }).notNull().default('draft'),
    /** What the grouping engine could not do at its last run: unplaced people and diagnoses, with reasons. */
    lastGrouping: jsonb('last_grouping').$type<LastGrouping>(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('programs_organization_idx').on(table.organizationId)],
);

export const enrollmentStatuses = ['enrolled', 'waitlisted', 'withdrawn'] as const;

export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    level: text('level'),
    discipline: text('discipline'),
    /** Weekly slots (e.g. "tue-12") in the organisation's time zone. */
    availability: jsonb('availability').$type<string[]>().notNull().default([]),
    /** The time zone the person entered their availability in. */
    timeZone: text('time_zone').notNull(),
    interests: jsonb('interests').$type<string[]>().notNull().default([]),
    /** Takes part as a facilitator rather than as a participant. */
    isFacilitator: boolean('is_facilitator').notNull().default(false),
    /** People this person privately asked not to be grouped with; only the grouping engine reads it. */
    avoidUserIds: jsonb('avoid_user_ids').$type<string[]>().notNull().default([]),
    agreedToGuidelinesAt: timestamp('agreed_to_guidelines_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: enrollmentStatuses }).notNull(),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('enrollments_program_user_unique').on(table.programId, table.userId),
    index('enrollments_organization_idx').on(table.organizationId),
  ],
);

/** An organisation's own topics: written by a coordinator, or an edited copy of a shipped one. */
export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The shipped topic this one was adapted from, if any. */
    basedOn: text('based_on'),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    /** Shared topics are offered to other organisations' coordinators. */
    isShared: boolean('is_shared').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('topics_organization_idx').on(table.organizationId)],
);

export const groupStatuses = ['draft', 'published'] as const;

export const groups = pgTable(
  'groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The weekly slot every member is free, in the organisation's time zone. */
    slot: text('slot'),
    explanation: text('explanation').notNull().default(''),
    score: jsonb('score').$type<Record<string, number>>(),
    status: text('status', { enum: groupStatuses }).notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('groups_program_idx').on(table.programId)],
);

export const groupMembers = pgTable(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    isFacilitator: boolean('is_facilitator').notNull().default(false),
    isPinned: boolean('is_pinned').notNull().default(false),
  },
  (table) => [
    primaryKey({ columns: [table.groupId, table.userId] }),
    index('group_members_user_idx').on(table.userId),
  ],
);

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    topicId: text('topic_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place'),
    videoUrl: text('video_url'),
    /** Bumped at every change, so calendar clients replace the old invitation. */
    revision: integer('revision').notNull().default(0),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (table) => [index('meetings_group_idx').on(table.groupId, table.startsAt)],
);

export const attendanceStatuses = ['present', 'absent', 'excused'] as const;

export const attendance = pgTable(
  'attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: attendanceStatuses }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.userId] })],
);

/** Supervisor and supervisee never share a group (a conflict of interest). */
export const supervisions = pgTable(
  'supervisions',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    superviseeId: uuid('supervisee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (table) => [primaryKey({ columns: [table.supervisorId, table.superviseeId] })],
);

/* ---------- notices, e-mail, calendars ---------- */

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [index('notifications_user_idx').on(table.userId, table.createdAt)],
);

/** Every e-mail Tend sends; without SMTP settings it stays here for admins to read in development. */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    /** An iCalendar invitation sent as an attachment, if any. */
    calendar: text('calendar'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** When a server took it to send; a claim long past means that server died mid-send. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (table) => [index('outbox_unsent_idx').on(table.sentAt, table.createdAt)],
);

export const calendarFeeds = pgTable('calendar_feeds', {
  /** SHA-256 of the secret in the feed's URL. */
  id: text('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' })
    .unique(),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  isEmailEnabled: boolean('is_email_enabled').notNull().default(true),
});
