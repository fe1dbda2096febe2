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
import type { StoredOutcomeSnapshot } from '../core/measurement/outcome-publication.ts';
import { recognitionKinds, recognitionVisibilities } from '../core/recognition/recognition-visibility.ts';

export type OrganizationSettings = {
  minimumReportingGroupSize: number;
  timeZone: string;
  locale: string;
  supportResources: { name: string; contact: string }[];
  /** Fewest people whose free text must exist before any is shown (default 10, never below 3). */
  commentMinimum?: number;
  /** Units a working-condition report can name; Tend's default list when absent. */
  units?: string[];
  /** Days after a meeting's end that attendance can still be taken (default 7). */
  attendanceWindowDays?: number;
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
    /** When the reminder went out (with a fresh link of its own), so nobody is reminded twice. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (table) => [index('invitations_user_idx').on(table.userId)],
);

/** A "forgot password" link: single use, short-lived, only its hash stored. */
export const passwordResets = pgTable(
  'password_resets',
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
  (table) => [index('password_resets_user_idx').on(table.userId)],
);

/* ---------- programs, enrolment, curriculum, groups, meetings ---------- */

export type LastGrouping = {
  seed: number;
  formedAt: string;
  unplaced: { id: string; reason: string; message: string }[];
  diagnoses: { code: string; message: string }[];
  /** "level mix: best possible", or how far the level mix is from its bound. */
  levelMix?: string;
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
    /** Days after a meeting ends that its follow-up reflection prompts go out, in order. */
    followUpDays: jsonb('follow_up_days').$type<number[]>().notNull().default([1, 7, 30]),
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
    /** Where the group meets, for members only; a meeting's own place or link overrides it. */
    place: text('place'),
    /** An https link to the group's video call; a meeting's own link overrides it. */
    videoUrl: text('video_url'),
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
    /** A mail carrying a sign-in link: admins see that it was sent, never its text. */
    isConfidential: boolean('is_confidential').notNull().default(false),
    /** The kind of notice it tells of; a later notice of the same kind folds into it while it waits. */
    kind: text('kind'),
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
  /** Push notifications on the person's devices, by what they are about; in-app notices stay either way. */
  isPushMeetingsEnabled: boolean('is_push_meetings_enabled').notNull().default(true),
  isPushFollowUpsEnabled: boolean('is_push_follow_ups_enabled').notNull().default(true),
  isPushActionsEnabled: boolean('is_push_actions_enabled').notNull().default(true),
});

/* ---------- Web Push: the server's keys, people's devices, messages waiting to go ---------- */

/**
 * The server's VAPID key pair (id 'vapid'), made at first start: push services accept messages only
 * from the key a browser subscribed with, so it must outlive restarts and be shared by every server.
 */
export const pushKeys = pgTable('push_keys', {
  id: text('id').primaryKey(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One browser on one device that agreed to receive a person's push notifications. */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The push service's address for this browser; unique, so a shared device notifies its latest person. */
    endpoint: text('endpoint').notNull().unique(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('push_subscriptions_user_idx').on(table.userId)],
);

/** A push notification waiting to be sent to one device; delivered and retried like the e-mail outbox. */
export const pushMessages = pgTable(
  'push_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
    /** JSON: {title, body, link, kind} — the notice's own words, which are about the recipient only. */
    payload: text('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (table) => [index('push_messages_unsent_idx').on(table.sentAt, table.createdAt)],
);

/* ---------- follow-up reflection ---------- */

export const followUpKinds = ['prompt', 'catch-up'] as const;
export const followUpSkipReasons = [
  'answered',
  'withdrawn',
  'paused',
  'opted-out',
  'fewer',
  'superseded',
] as const;

/**
 * One scheduled follow-up for one person after one meeting: a reflection prompt for those who
 * attended (one row per step of the program's schedule), a catch-up summary for those who missed it.
 * The unique key makes planning idempotent; `sent_at` or `skipped_at`, set under a row lock, make
 * sending happen at most once.
 */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    step: integer('step').notNull(),
    kind: text('kind', { enum: followUpKinds }).notNull(),
    /** The reflection prompt, or the catch-up summary, as it stood when planned. */
    prompt: text('prompt').notNull(),
    topicTitle: text('topic_title').notNull(),
    skill: text('skill').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    skippedAt: timestamp('skipped_at', { withTimezone: true }),
    skipReason: text('skip_reason', { enum: followUpSkipReasons }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('follow_ups_meeting_user_step_unique').on(table.meetingId, table.userId, table.step),
    index('follow_ups_pending_idx').on(table.dueAt),
    index('follow_ups_user_idx').on(table.userId, table.dueAt),
  ],
);

export const skillUses = ['yes', 'tried', 'not-yet'] as const;

/** A person's answer to one follow-up: private to them unless they share it with their group. */
export const reflections = pgTable(
  'reflections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followUpId: uuid('follow_up_id')
      .notNull()
      .references(() => followUps.id, { onDelete: 'cascade' })
      .unique(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    topicTitle: text('topic_title').notNull(),
    skill: text('skill').notNull(),
    prompt: text('prompt').notNull(),
    answer: text('answer').notNull(),
    skillUsed: text('skill_used', { enum: skillUses }).notNull(),
    intention: text('intention'),
    isSharedWithGroup: boolean('is_shared_with_group').notNull().default(false),
    isSharedAnonymously: boolean('is_shared_anonymously').notNull().default(false),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('reflections_user_idx').on(table.userId, table.createdAt),
    index('reflections_meeting_idx').on(table.meetingId),
  ],
);

export const nudgeFrequencies = ['every', 'fewer', 'none'] as const;

/** How often a person wants follow-up nudges; no row means every follow-up, not paused. */
export const nudgePreferences = pgTable('nudge_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  frequency: text('frequency', { enum: nudgeFrequencies }).notNull().default('every'),
  pausedUntil: timestamp('paused_until', { withTimezone: true }),
});

/* ---------- group space, recognition, reflective supervision ---------- */

/** A post in a group's private space, or a reply to one (parentId). */
export const groupPosts = pgTable(
  'group_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    /** The post a reply answers; null for a post. */
    parentId: uuid('parent_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Shown to the group as "A group member"; the author id never leaves the server for others. */
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
    hiddenReason: text('hidden_reason'),
  },
  (table) => [
    index('group_posts_group_idx').on(table.groupId, table.createdAt),
    index('group_posts_parent_idx').on(table.parentId),
  ],
);

/** A member's concern about a post, for the group's facilitators; open until they act on it. */
export const groupPostReports = pgTable(
  'group_post_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    postId: uuid('post_id')
      .notNull()
      .references(() => groupPosts.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('group_post_reports_post_reporter_unique').on(table.postId, table.reporterId)],
);

export const recognitions = pgTable(
  'recognitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: recognitionKinds }).notNull(),
    message: text('message').notNull(),
    visibility: text('visibility', { enum: recognitionVisibilities }).notNull(),
    /** The group it is shown to, when visibility is 'group'. */
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('recognitions_recipient_idx').on(table.recipientId, table.createdAt),
    index('recognitions_organization_idx').on(table.organizationId, table.createdAt),
  ],
);

/** A person who turned off public recognition receives private thanks only. */
export const recognitionPreferences = pgTable('recognition_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  acceptsPublicRecognition: boolean('accepts_public_recognition').notNull().default(true),
});

export const supervisionPairingStatuses = ['proposed', 'active', 'declined', 'ended', 'withdrawn'] as const;

/**
 * A reflective-supervision arrangement between two members: proposed by either, active once the
 * other accepts. An accepted one also records the relation in `supervisions` (a grouping conflict).
 */
export const supervisionPairings = pgTable(
  'supervision_pairings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    superviseeId: uuid('supervisee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: supervisionPairingStatuses }).notNull(),
    cadenceWeeks: integer('cadence_weeks').notNull(),
    conversationCount: integer('conversation_count').notNull(),
    minutes: integer('minutes').notNull(),
    place: text('place'),
    videoUrl: text('video_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** When either person ended it (status ended) or the proposer withdrew it (status withdrawn). */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('supervision_pairings_supervisor_idx').on(table.supervisorId),
    index('supervision_pairings_supervisee_idx').on(table.superviseeId),
  ],
);

/** One supervision conversation and the pair's shared notes on it (structured template). */
export const supervisionConversations = pgTable(
  'supervision_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    pairingId: uuid('pairing_id')
      .notNull()
      .references(() => supervisionPairings.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    experiences: text('experiences').notNull().default(''),
    reactions: text('reactions').notNull().default(''),
    whatHelped: text('what_helped').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    notesUpdatedAt: timestamp('notes_updated_at', { withTimezone: true }),
    notesUpdatedBy: uuid('notes_updated_by').references(() => users.id, { onDelete: 'set null' }),
    /** Calendar SEQUENCE: raised on every move or cancellation so calendars replace their copy. */
    revision: integer('revision').notNull().default(0),
    /** Set for the conversations still ahead when the supervision ended; their notes are kept. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (table) => [index('supervision_conversations_pairing_idx').on(table.pairingId, table.sequence)],
);

/* ---------- session feedback and "you said, we did" ---------- */

/** One attendee's feedback on one meeting; edited in place until the program's term ends. */
export const meetingFeedback = pgTable(
  'meeting_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    usefulness: integer('usefulness').notNull(),
    feltSafe: integer('felt_safe').notNull(),
    keep: text('keep').notNull().default(''),
    change: text('change').notNull().default(''),
    /** Topic ids wanted next. */
    topicsWanted: jsonb('topics_wanted').$type<string[]>().notNull().default([]),
    /** Weekly slots in the organisation's time zone. */
    preferredTimes: jsonb('preferred_times').$type<string[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('meeting_feedback_meeting_user_unique').on(table.meetingId, table.userId),
    index('meeting_feedback_program_idx').on(table.programId),
  ],
);

/** A coordinator's answer to a program's feedback, shown on the program page and sent as a notice. */
export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    youSaid: text('you_said').notNull(),
    weDid: text('we_did').notNull(),
    postedBy: uuid('posted_by').references(() => users.id, { onDelete: 'set null' }),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('feedback_responses_program_idx').on(table.programId, table.postedAt)],
);

/* ---------- working-condition reports and leadership actions ---------- */

/**
 * An anonymous report of a systemic stressor. Deliberately no user id, no timestamp and no
 * address: only the ISO week it was filed in (docs/decisions/007-feedback-and-working-condition-reports.md).
 */
export const workingConditionReports = pgTable(
  'working_condition_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    unit: text('unit').notNull(),
    text: text('text').notNull().default(''),
    /** Monday of the ISO week it was filed, in the organisation's time zone. */
    week: date('week').notNull(),
  },
  (table) => [index('working_condition_reports_organization_idx').on(table.organizationId, table.week)],
);

export const leadershipActionStatuses = ['planned', 'in-progress', 'done'] as const;

/** What leadership is doing about reported working conditions; every member can read these. */
export const leadershipActions = pgTable(
  'leadership_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerName: text('owner_name').notNull(),
    status: text('status', { enum: leadershipActionStatuses }).notNull(),
    dueDate: date('due_date'),
    categories: jsonb('categories').$type<string[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('leadership_actions_organization_idx').on(table.organizationId, table.updatedAt)],
);

/* ---------- measurement: assessment windows, responses, reminders ---------- */

export const assessmentWindowKindValues = [
  'baseline-at-enrolment',
  'end-of-term',
  'every-3-months',
  'every-6-months',
] as const;

/** When an instrument is open to answer, for a program's people or the whole organisation. */
export const assessmentWindows = pgTable(
  'assessment_windows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Null: everyone in the organisation who takes part (participants and facilitators). */
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'cascade' }),
    instrumentId: text('instrument_id').notNull(),
    title: text('title').notNull(),
    /** The coordinator's word for the audience in place of ProQOL's [helper]. */
    helperTerm: text('helper_term'),
    kind: text('kind', { enum: assessmentWindowKindValues }).notNull(),
    /** Windows scheduled together (a repeating series) share it. */
    seriesId: uuid('series_id').notNull(),
    sequence: integer('sequence').notNull().default(1),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Set when a coordinator closes the window early. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    remindersEnabled: boolean('reminders_enabled').notNull().default(true),
    /** Days after the window opens for a person that the one reminder goes out. */
    reminderAfterDays: integer('reminder_after_days').notNull().default(3),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('assessment_windows_organization_idx').on(table.organizationId, table.instrumentId, table.opensAt),
    index('assessment_windows_program_idx').on(table.programId),
  ],
);

export const assessmentResponseStatuses = ['draft', 'submitted'] as const;

/** One person's answers to one window: a draft until submitted, then scored and frozen. */
export const assessmentResponses = pgTable(
  'assessment_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    windowId: uuid('window_id')
      .notNull()
      .references(() => assessmentWindows.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    instrumentId: text('instrument_id').notNull(),
    status: text('status', { enum: assessmentResponseStatuses }).notNull(),
    /** Item number → answer value; unanswered items are absent. */
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    /** Every subscale's result (complete with band, or incomplete with the missing items), at submit. */
    scores: jsonb('scores').$type<unknown[]>(),
    /** Subscale id → reported score, only when every subscale is complete: what outcomes read. */
    subscaleScores: jsonb('subscale_scores').$type<Record<string, number>>(),
    isComplete: boolean('is_complete').notNull().default(false),
    /** Snapshots at submit, so outcomes group people as they were then. */
    programId: uuid('program_id'),
    level: text('level'),
    discipline: text('discipline'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('assessment_responses_window_user_unique').on(table.windowId, table.userId),
    index('assessment_responses_user_idx').on(table.userId, table.instrumentId),
    index('assessment_responses_outcomes_idx')
      .on(table.windowId)
      .where(sql`${table.status} = 'submitted' and ${table.isComplete}`),
  ],
);

/** The one reminder each person gets per window: the primary key is what makes it exactly once. */
export const assessmentReminders = pgTable(
  'assessment_reminders',
  {
    windowId: uuid('window_id')
      .notNull()
      .references(() => assessmentWindows.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.windowId, table.userId] })],
);

/* ---------- outcome snapshots ---------- */

/**
 * One released outcome view per dashboard query, kept so a dashboard reads a row instead of working
 * the figures out again. `fingerprint` sums up everything the view depends on (the closed windows,
 * their responses' count and latest change, the minimum size, program names): a view whose
 * fingerprint no longer matches is worked out again and replaced, so none is ever stale.
 */
export const outcomeSnapshots = pgTable(
  'outcome_snapshots',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    viewKey: text('view_key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    outcomes: jsonb('outcomes').$type<StoredOutcomeSnapshot>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.organizationId, table.viewKey] })],
);
