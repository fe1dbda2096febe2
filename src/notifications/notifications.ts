import { and, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/connect.ts';
import { exactTime, type PageKey, toPage } from '../db/page-cursor.ts';
import { notificationPreferences, notifications } from '../db/schema.ts';
import { searchablePages, searchPattern } from '../db/searchable-pages.ts';

type Owner = { userId: string; organizationId: string };

export type NotificationView = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

function ownedBy(owner: Owner) {
  return and(eq(notifications.userId, owner.userId), eq(notifications.organizationId, owner.organizationId));
}

const ownedByPlaceholders = () =>
  and(
    eq(notifications.userId, sql.placeholder('userId')),
    eq(notifications.organizationId, sql.placeholder('organizationId')),
  );

/**
 * A page of notices, each row also carrying the unread count (computed once, not per row): one
 * statement for the page and the badge, the first page or the page after a key.
 */
function noticesPage(db: Database, after: SQL | undefined, name: string) {
  return db
    .select({
      notice: notifications,
      sortTime: exactTime(notifications.createdAt),
      unreadCount: sql<number>`(select count(*)::int from ${notifications} unread where unread.user_id = ${sql.placeholder('userId')} and unread.organization_id = ${sql.placeholder('organizationId')} and unread.read_at is null)`,
    })
    .from(notifications)
    .where(and(ownedByPlaceholders(), after))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(sql.placeholder('limit'))
    .prepare(name);
}
const noticePages = searchablePages(noticesPage, {
  name: 'tend_notices',
  time: notifications.createdAt,
  id: notifications.id,
  matching: sql`(${notifications.title} ilike ${searchPattern} or ${notifications.body} ilike ${searchPattern})`,
});

/** One page of a person's own notices, newest first, and how many are unread in all. */
export async function listNotifications(
  db: Database,
  owner: Owner,
  options: { search?: string | undefined; after?: PageKey | undefined; limit: number },
): Promise<{ notifications: NotificationView[]; nextCursor: string | null; unreadCount: number }> {
  const parameters = { userId: owner.userId, organizationId: owner.organizationId, limit: options.limit + 1 };
  const { statement, values } = noticePages(db, options);
  const rows = await statement.execute({ ...parameters, ...values });
  const page = toPage(
    rows,
    options.limit,
    (row) => [row.sortTime, row.notice.id],
    ({ notice }) => ({
      id: notice.id,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      createdAt: notice.createdAt.toISOString(),
      readAt: notice.readAt?.toISOString() ?? null,
    }),
  );
  return {
    notifications: page.items,
    nextCursor: page.nextCursor,
    // An empty page carries no count: only then is it asked for on its own.
    unreadCount: rows[0]?.unreadCount ?? (await countUnread(db, owner)),
  };
}

async function countUnread(db: Database, owner: Owner): Promise<number> {
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(ownedBy(owner), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}

/** Marks some (ids) or all of a person's own notices read; other people's ids are ignored. */
export async function markNotificationsRead(
  db: Database,
  owner: Owner,
  which: { ids: string[] } | { all: true },
  now: Date,
): Promise<{ unreadCount: number }> {
  const chosen = 'ids' in which ? inArray(notifications.id, which.ids) : undefined;
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(ownedBy(owner), isNull(notifications.readAt), chosen));
  return { unreadCount: await countUnread(db, owner) };
}

export type NoticeChannels = {
  isEmailEnabled: boolean;
  /** Push notifications by category; each on until the person turns it off. */
  push: { meetings: boolean; followUps: boolean; actions: boolean };
};

export async function findNoticeChannels(db: Database, owner: Owner): Promise<NoticeChannels> {
  const [row] = await db
    .select()
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.organizationId, owner.organizationId),
        eq(notificationPreferences.userId, owner.userId),
      ),
    );
  return {
    isEmailEnabled: row?.isEmailEnabled ?? true,
    push: {
      meetings: row?.isPushMeetingsEnabled ?? true,
      followUps: row?.isPushFollowUpsEnabled ?? true,
      actions: row?.isPushActionsEnabled ?? true,
    },
  };
}

/** Changes only the channels named; the others keep their setting. */
export async function setNoticeChannels(
  db: Database,
  owner: Owner,
  changes: { isEmailEnabled?: boolean | undefined; push?: Partial<NoticeChannels['push']> | undefined },
): Promise<NoticeChannels> {
  const set = {
    ...(changes.isEmailEnabled === undefined ? {} : { isEmailEnabled: changes.isEmailEnabled }),
    ...(changes.push?.meetings === undefined ? {} : { isPushMeetingsEnabled: changes.push.meetings }),
    ...(changes.push?.followUps === undefined ? {} : { isPushFollowUpsEnabled: changes.push.followUps }),
    ...(changes.push?.actions === undefined ? {} : { isPushActionsEnabled: changes.push.actions }),
  };
  if (Object.keys(set).length === 0) return findNoticeChannels(db, owner);
  await db
    .insert(notificationPreferences)
    .values({ organizationId: owner.organizationId, userId: owner.userId, ...set })
    .onConflictDoUpdate({
      target: [notificationPreferences.organizationId, notificationPreferences.userId],
      set,
    });
  return findNoticeChannels(db, owner);
}
