/**
 * A program's feedback results for its coordinator, released per closed feedback period and frozen
 * (docs/decisions/007-feedback-and-working-condition-reports.md). Each meeting's feedback period
 * closes a week after it ends; the first read after one closes makes a new release of the program's
 * figures over every meeting whose period has closed, judged against every earlier release, and
 * every read in between returns the latest release unchanged.
 */
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { effectiveCommentMinimum } from '../../core/evaluation/comment-minimum.ts';
import type { EarlierRelease } from '../../core/evaluation/release-after-earlier.ts';
import { effectiveMinimumGroupSize } from '../../core/evaluation/release-aggregates.ts';
import {
  type FeedbackAnswer,
  feedbackPeriodClosesAt,
  type Rating,
} from '../../core/feedback/feedback-form.ts';
import { findNextCandidates, type ParticipantVoice } from '../../core/feedback/recommend-next.ts';
import {
  type FeedbackDecisions,
  type FeedbackSummary,
  feedbackRatingCells,
  feedbackRecommendationCells,
  publishFeedback,
} from '../../core/feedback/summarize-feedback.ts';
import { formatDay } from '../../core/scheduling/format-meeting-time.ts';
import type { Database, Transaction } from '../../db/connect.ts';
import { enrollments, groups, meetingFeedback, meetings, programs } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { notFound } from '../errors.ts';
import {
  readRelease,
  readReleases,
  type StoredRelease,
  storeReleases,
  whileHoldingScope,
} from './aggregate-releases.ts';
import { findOrganizationSettings } from './organization.ts';
import { listTopics } from './topics.ts';

type FeedbackRelease = { summary: FeedbackSummary; decisions: FeedbackDecisions; meetingIds: string[] };
type Settings = Awaited<ReturnType<typeof findOrganizationSettings>>;

/**
 * A program's feedback for its coordinator: figures, distributions, per-topic means, comments and
 * the recommended next topics and times, every figure through the privacy gate, as last released.
 */
export async function describeProgramFeedback(
  db: Database,
  member: SignedInMember,
  programId: string,
  now: Date,
) {
  const [program] = await db
    .select()
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, member.organizationId)));
  if (!program) throw notFound('That program');
  const settings = await findOrganizationSettings(db, member.organizationId);
  const programMeetings = await db
    .select({ id: meetings.id, endsAt: meetings.endsAt })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(and(eq(groups.programId, programId), eq(groups.status, 'published'), isNull(meetings.cancelledAt)))
    .orderBy(asc(meetings.endsAt));
  const closesAt = (meeting: { endsAt: Date }) => feedbackPeriodClosesAt(meeting.endsAt);
  const closed = programMeetings.filter((meeting) => closesAt(meeting).getTime() <= now.getTime());
  const scope = { organizationId: member.organizationId, kind: 'feedback' as const, scopeId: programId };
  const isCovered = (release: StoredRelease<FeedbackRelease> | undefined) => {
    const covered = new Set(release?.contents.meetingIds ?? []);
    return closed.every((meeting) => covered.has(meeting.id));
  };
  let latest = (await readRelease<FeedbackRelease>(db, scope, 'latest')) ?? undefined;
  if (closed.length > 0 && !isCovered(latest)) {
    latest = await whileHoldingScope(db, scope, async (tx) => {
      const earlier = await readReleases<FeedbackRelease>(tx, scope);
      const stored = earlier.at(-1);
      if (stored && isCovered(stored)) return stored;
      const periodClosedAt = closesAt(closed.at(-1) ?? { endsAt: now });
      const made: StoredRelease<FeedbackRelease> = {
        // Numbered, not keyed by date alone: a meeting moved into the past can close a period before
        // the latest release's, and must still make a release of its own.
        periodKey: `${String(earlier.length + 1).padStart(6, '0')} ${periodClosedAt.toISOString()}`,
        periodClosedAt,
        releasedAt: now,
        contents: await publishClosedFeedback(tx, member.organizationId, programId, settings, {
          meetingIds: closed.map((meeting) => meeting.id),
          earlier,
          now,
        }),
      };
      await storeReleases(tx, scope, [made]);
      return made;
    });
  }
  const covered = new Set(latest?.contents.meetingIds ?? []);
  const next = programMeetings.find((meeting) => !covered.has(meeting.id) && closesAt(meeting) > now);
  const nextReleaseAt = next ? closesAt(next) : null;
  // Before the first release, what to plan for comes from enrolment alone (no answer is read), which
  // the coordinator sees person by person on the groups board anyway: shown as it is now.
  const summary =
    latest?.contents.summary ??
    (await db.transaction(async (tx) => ({
      ...notYetReleased(settings, nextReleaseAt),
      recommendations: (
        await publishClosedFeedback(tx, member.organizationId, programId, settings, {
          meetingIds: [],
          earlier: [],
          now,
        })
      ).summary.recommendations,
    })));
  return {
    ...summary,
    program: { id: program.id, title: program.title },
    timeZone: settings.timeZone,
    releasedAt: latest ? latest.releasedAt.toISOString() : null,
    nextReleaseAt: nextReleaseAt ? nextReleaseAt.toISOString() : null,
  };
}

/** Before any meeting's feedback period has closed there is nothing to show, only when there will be. */
function notYetReleased(settings: Settings, nextReleaseAt: Date | null): FeedbackSummary {
  const explanation = nextReleaseAt
    ? `Feedback figures appear on ${formatDay(nextReleaseAt, settings.timeZone)}, once the first meeting's feedback period (a week after it ends) has closed.`
    : 'Feedback figures appear a week after the first meeting ends, once its feedback period has closed.';
  const hidden = { status: 'suppressed' as const, explanation };
  const withheld = { status: 'withheld' as const, minimumRespondents: 0, message: explanation };
  return {
    minimumGroupSize: effectiveMinimumGroupSize(settings.minimumReportingGroupSize),
    overall: hidden,
    usefulness: [1, 2, 3, 4, 5].map((rating) => ({ rating, figure: hidden })),
    feltSafe: [1, 2, 3, 4, 5].map((rating) => ({ rating, figure: hidden })),
    topics: [],
    keep: withheld,
    change: withheld,
    recommendations: [],
  };
}

/**
 * The program's figures over the answers to `meetingIds`, judged against every earlier release with
 * its cells rebuilt from the meetings it covered (as the data are now: an erased account's answers
 * are gone from both).
 */
async function publishClosedFeedback(
  tx: Transaction,
  organizationId: string,
  programId: string,
  settings: Settings,
  period: { meetingIds: string[]; earlier: readonly StoredRelease<FeedbackRelease>[]; now: Date },
): Promise<FeedbackRelease> {
  const rows = await tx
    .select({ feedback: meetingFeedback, topicId: meetings.topicId })
    .from(meetingFeedback)
    .innerJoin(meetings, eq(meetings.id, meetingFeedback.meetingId))
    .where(
      and(eq(meetingFeedback.programId, programId), inArray(meetingFeedback.meetingId, period.meetingIds)),
    )
    .orderBy(asc(meetingFeedback.updatedAt));
  const library = await listTopics(tx, organizationId);
  const topicChoices = library
    .filter((entry) => entry.source !== 'shared')
    .map((entry) => ({ id: entry.ref, title: entry.topic.title, tags: entry.topic.tags }));
  const enrolled = await tx
    .select({
      userId: enrollments.userId,
      interests: enrollments.interests,
      availability: enrollments.availability,
    })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.programId, programId),
        eq(enrollments.status, 'enrolled'),
        eq(enrollments.isFacilitator, false),
      ),
    );
  const programGroupIds = (
    await tx.select({ id: groups.id }).from(groups).where(eq(groups.programId, programId))
  ).map((group) => group.id);
  const startedMeetings =
    programGroupIds.length === 0
      ? []
      : await tx
          .select({ topicId: meetings.topicId, startsAt: meetings.startsAt })
          .from(meetings)
          .where(and(inArray(meetings.groupId, programGroupIds), lte(meetings.startsAt, period.now)));

  /** The answers, voices and held topics a release covering `meetingIds` saw at `asOf`. */
  const inputsOf = (meetingIds: readonly string[], asOf: Date) => {
    const included = new Set(meetingIds);
    const covered = rows.filter(({ feedback }) => included.has(feedback.meetingId));
    const answers: FeedbackAnswer[] = covered.map(({ feedback, topicId }) => ({
      personId: feedback.userId,
      answerId: `${feedback.meetingId}:${feedback.userId}`,
      topicId,
      usefulness: feedback.usefulness as Rating,
      feltSafe: feedback.feltSafe as Rating,
      keep: feedback.keep,
      change: feedback.change,
    }));
    const candidates = findNextCandidates({
      voices: voicesOf(
        enrolled,
        covered.map(({ feedback }) => feedback),
      ),
      topics: topicChoices,
      heldTopicIds: startedMeetings.flatMap((meeting) =>
        meeting.topicId && meeting.startsAt <= asOf ? [meeting.topicId] : [],
      ),
    });
    return { answers, candidates };
  };
  const commentMinimum = effectiveCommentMinimum(settings);
  const earlier = period.earlier.map((release) => ({
    release,
    ...inputsOf(release.contents.meetingIds, release.releasedAt),
  }));
  const toEarlier = (pick: 'ratings' | 'recommendations'): EarlierRelease[] =>
    earlier.map(({ release, answers, candidates }) => ({
      key: release.periodKey,
      decisions: release.contents.decisions[pick],
      cells:
        pick === 'ratings'
          ? feedbackRatingCells(answers, commentMinimum)
          : feedbackRecommendationCells(candidates),
    }));
  const { answers, candidates } = inputsOf(period.meetingIds, period.now);
  const { summary, decisions } = publishFeedback({
    answers,
    topicTitles: new Map(library.map((entry) => [entry.ref, entry.topic.title])),
    candidates,
    minimumGroupSize: settings.minimumReportingGroupSize,
    commentMinimum,
    earlier: { ratings: toEarlier('ratings'), recommendations: toEarlier('recommendations') },
  });
  return { summary, decisions, meetingIds: period.meetingIds };
}

/**
 * What everyone enrolled wants next: enrolment's interests and hours, topics asked for in feedback
 * added, the latest feedback's hours replacing enrolment's (answers come oldest first). People who
 * withdrew are no longer asked about the program's next steps.
 */
function voicesOf(
  enrolled: readonly { userId: string; interests: string[]; availability: string[] }[],
  answers: readonly (typeof meetingFeedback.$inferSelect)[],
): ParticipantVoice[] {
  const voices = new Map<string, ParticipantVoice>();
  for (const person of enrolled) {
    voices.set(person.userId, {
      personId: person.userId,
      enrolmentInterests: person.interests,
      topicsWanted: [],
      enrolmentAvailability: person.availability,
      preferredTimes: [],
    });
  }
  for (const feedback of answers) {
    const voice = voices.get(feedback.userId);
    if (!voice) continue;
    voices.set(feedback.userId, {
      ...voice,
      topicsWanted: [...new Set([...voice.topicsWanted, ...feedback.topicsWanted])],
      preferredTimes: feedback.preferredTimes.length > 0 ? feedback.preferredTimes : voice.preferredTimes,
    });
  }
  return [...voices.values()];
}
