import { and, eq, inArray, or } from 'drizzle-orm';
import { topicLibrary } from '../../core/curriculum/library.ts';
import { findTopicProblems, type Topic } from '../../core/curriculum/topic.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { organizations, topics } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';

/**
 * A topic as a program refers to it: shipped topics by their slug, an organisation's own by the
 * row's uuid — so editing a shipped topic makes a copy and never changes Tend's library.
 */
export type TopicEntry = {
  ref: string;
  source: 'tend' | 'organization' | 'shared';
  /** The sharing organisation, for topics from another organisation's library. */
  sharedBy: string | null;
  isShared: boolean;
  basedOn: string | null;
  topic: Topic;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const shippedEntries: TopicEntry[] = topicLibrary.map((topic) => ({
  ref: topic.id,
  source: 'tend',
  sharedBy: null,
  isShared: true,
  basedOn: null,
  topic,
}));

export async function listTopics(db: Database | Transaction, organizationId: string): Promise<TopicEntry[]> {
  const rows = await db
    .select({ topic: topics, organizationName: organizations.name })
    .from(topics)
    .innerJoin(organizations, eq(organizations.id, topics.organizationId))
    .where(or(eq(topics.organizationId, organizationId), eq(topics.isShared, true)));
  const own = rows.map(
    ({ topic, organizationName }): TopicEntry => ({
      ref: topic.id,
      source: topic.organizationId === organizationId ? 'organization' : 'shared',
      sharedBy: topic.organizationId === organizationId ? null : organizationName,
      isShared: topic.isShared,
      basedOn: topic.basedOn,
      topic: topic.content as unknown as Topic,
    }),
  );
  return [
    ...own.filter((entry) => entry.source === 'organization'),
    ...shippedEntries,
    ...own.filter((entry) => entry.source === 'shared'),
  ];
}

/** The topics a program names, in its order; unknown references are refused with their names. */
export async function resolveTopicIds(
  db: Database | Transaction,
  organizationId: string,
  refs: readonly string[],
): Promise<TopicEntry[]> {
  if (refs.length === 0) return [];
  const byRef = await findTopics(db, organizationId, refs);
  const unknown = refs.filter((ref) => !byRef.has(ref));
  if (unknown.length > 0) {
    const message = `Unknown topic(s): ${unknown.join(', ')}. Pick topics from the library.`;
    throw new AppError('VALIDATION_FAILED', message, { fields: { 'body.topicIds': message } });
  }
  return refs.map((ref) => byRef.get(ref) as TopicEntry);
}

export async function findTopic(db: Database | Transaction, organizationId: string, ref: string | null) {
  if (!ref) return null;
  try {
    const [entry] = await resolveTopicIds(db, organizationId, [ref]);
    return entry ?? null;
  } catch {
    // A topic deleted or unshared after the meeting was planned: the meeting still exists.
    return null;
  }
}

/**
 * Many meetings' topics at once, in one statement at most: those deleted or unshared since the
 * meetings were planned are simply absent, as findTopic answers null for them.
 */
export async function findTopics(
  db: Database | Transaction,
  organizationId: string,
  refs: readonly (string | null)[],
): Promise<Map<string, TopicEntry>> {
  const wanted = [...new Set(refs.filter((ref): ref is string => ref !== null))];
  const found = new Map<string, TopicEntry>();
  const shipped = new Map(shippedEntries.map((entry) => [entry.ref, entry]));
  const uuids = wanted.filter((ref) => uuidPattern.test(ref));
  const rows =
    uuids.length === 0
      ? []
      : await db
          .select()
          .from(topics)
          .where(
            and(
              inArray(topics.id, uuids),
              or(eq(topics.organizationId, organizationId), eq(topics.isShared, true)),
            ),
          );
  for (const ref of wanted) {
    const entry = shipped.get(ref);
    if (entry) found.set(ref, entry);
  }
  for (const row of rows) {
    found.set(row.id, {
      ref: row.id,
      source: row.organizationId === organizationId ? 'organization' : 'shared',
      sharedBy: null,
      isShared: row.isShared,
      basedOn: row.basedOn,
      topic: row.content as unknown as Topic,
    });
  }
  return found;
}

function checkTopic(topic: unknown): Topic {
  const problems = findTopicProblems(topic);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Please correct the topic: ${problems.join('; ')}`, {
      fields: Object.fromEntries(problems.map((problem) => [`body.topic.${problem.split(':')[0]}`, problem])),
    });
  }
  return topic as Topic;
}

export async function createTopic(
  db: Database,
  member: SignedInMember,
  input: { topic: unknown; basedOn: string | null; isShared: boolean },
): Promise<TopicEntry> {
  const topic = checkTopic(input.topic);
  if (input.basedOn) await resolveTopicIds(db, member.organizationId, [input.basedOn]);
  const [row] = await db
    .insert(topics)
    .values({
      organizationId: member.organizationId,
      basedOn: input.basedOn,
      content: topic as unknown as Record<string, unknown>,
      isShared: input.isShared,
      createdBy: member.userId,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return {
    ref: row.id,
    source: 'organization',
    sharedBy: null,
    isShared: row.isShared,
    basedOn: row.basedOn,
    topic,
  };
}

export async function updateTopic(
  db: Database,
  member: SignedInMember,
  topicId: string,
  input: { topic: unknown; isShared: boolean },
  now: Date,
): Promise<TopicEntry> {
  const topic = checkTopic(input.topic);
  const [row] = await db
    .update(topics)
    .set({ content: topic as unknown as Record<string, unknown>, isShared: input.isShared, updatedAt: now })
    .where(and(eq(topics.id, topicId), eq(topics.organizationId, member.organizationId)))
    .returning();
  if (!row) throw notFound('That topic in your organisation’s library');
  return {
    ref: row.id,
    source: 'organization',
    sharedBy: null,
    isShared: row.isShared,
    basedOn: row.basedOn,
    topic,
  };
}
