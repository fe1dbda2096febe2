import { and, asc, eq, gte, isNull, ne, or } from 'drizzle-orm';
import ical from 'ical-generator';
import type { Database } from '../../db/connect.ts';
import {
  calendarFeeds,
  enrollments,
  groupMembers,
  groups,
  meetings,
  memberships,
  organizations,
  programs,
  users,
} from '../../db/schema.ts';
import { generateToken, hashToken } from '../auth/tokens.ts';
import { describeMeetingEvent } from './meeting-event.ts';

type Owner = { userId: string; organizationId: string };

/** How far back the feed reaches, so last month's meetings stay in people's calendars. */
const pastWindowMs = 31 * 24 * 3_600_000;

/** The feed's secret address; the token is in it once and nowhere else (only its SHA-256 is stored). */
export function calendarFeedUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/api/calendar/${token}.ics`;
}

/** A new secret address for the person's calendar subscription; any earlier one stops working. */
export async function createCalendarFeed(db: Database, owner: Owner, now: Date): Promise<string> {
  const token = generateToken();
  await db.transaction(async (tx) => {
    await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, owner.userId));
    await tx.insert(calendarFeeds).values({
      id: hashToken(token),
      userId: owner.userId,
      organizationId: owner.organizationId,
      createdAt: now,
    });
  });
  return token;
}

/** Stops the person's subscription address from working. Returns whether there was one. */
export async function revokeCalendarFeed(db: Database, userId: string): Promise<boolean> {
  const deleted = await db
    .delete(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .returning({ id: calendarFeeds.id });
  return deleted.length > 0;
}

export async function findCalendarFeed(db: Database, userId: string): Promise<{ createdAt: string } | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return row ? { createdAt: row.createdAt.toISOString() } : null;
}

/**
 * The iCalendar feed behind a secret token: the person's meetings from a month ago on, in the
 * published groups they belong to (not in programs they withdrew from). Null when the token is
 * unknown or revoked, or the account is disabled or no longer in the organisation.
 */
export async function renderCalendarFeed(
  db: Database,
  token: string,
  now: Date,
  publicUrl: string,
): Promise<string | null> {
  const [feed] = await db
    .select({
      userId: calendarFeeds.userId,
      organizationId: calendarFeeds.organizationId,
      organizationName: organizations.name,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, calendarFeeds.userId),
        eq(memberships.organizationId, calendarFeeds.organizationId),
      ),
    )
    .innerJoin(organizations, eq(organizations.id, calendarFeeds.organizationId))
    .where(and(eq(calendarFeeds.id, hashToken(token)), isNull(users.disabledAt)));
  if (!feed) return null;

  const rows = await db
    .select({
      meeting: meetings,
      groupName: groups.name,
      groupPlace: groups.place,
      groupVideoUrl: groups.videoUrl,
      programTitle: programs.title,
    })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .innerJoin(programs, eq(programs.id, groups.programId))
    .innerJoin(meetings, eq(meetings.groupId, groups.id))
    .leftJoin(
      enrollments,
      and(eq(enrollments.programId, programs.id), eq(enrollments.userId, groupMembers.userId)),
    )
    .where(
      and(
        eq(groupMembers.userId, feed.userId),
        eq(groups.organizationId, feed.organizationId),
        eq(groups.status, 'published'),
        gte(meetings.startsAt, new Date(now.getTime() - pastWindowMs)),
        or(isNull(enrollments.id), ne(enrollments.status, 'withdrawn')),
      ),
    )
    .orderBy(asc(meetings.startsAt));

  const base = publicUrl.replace(/\/+$/, '');
  const calendar = ical({
    prodId: { company: 'Tend', product: 'Tend', language: 'EN' },
    name: `Tend: ${feed.organizationName}`,
    description: 'Your meetings in Tend',
    ttl: 60 * 60,
  });
  for (const row of rows) {
    calendar.createEvent(
      describeMeetingEvent(
        row.meeting,
        { name: row.groupName, place: row.groupPlace, videoUrl: row.groupVideoUrl },
        { title: row.programTitle },
        `${base}/meetings/${row.meeting.id}`,
      ),
    );
  }
  return calendar.toString();
}
