import { and, asc, desc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { SkillUse } from '../../core/reflection/compute-habit-weeks.ts';
import { millisecondsPerDay, millisecondsPerHour } from '../../core/scheduling/durations.ts';
import type { Database } from '../../db/connect.ts';
import { followUps, groups, meetings } from '../../db/schema.ts';
import { sendReflectionFollowUps } from '../../jobs/reflection-follow-ups.ts';
import type { SignedInMember } from '../../server/auth/sessions.ts';
import { recordAttendance } from '../../server/services/attendance.ts';
import { saveFeedback } from '../../server/services/feedback.ts';
import { sendFeedbackRequests } from '../../server/services/feedback-requests.ts';
import { listGroupMembers } from '../../server/services/meetings.ts';
import { changeReflectionSharing, writeReflection } from '../../server/services/reflections.ts';
import { type DemoClock, type DemoMembers, demoFollowUpDays } from './demo-members.ts';

/** The demo's own participant keeps a reflection waiting, so their home page has one to write. */
const leavesReflectionsWaiting = 'participant1@demo.tend.test';

const keeps = [
  'Hearing that a senior resident felt the same on nights.',
  'The two-minute breathing exercise before we started.',
  'Small enough that everyone spoke.',
  'The facilitator shared her own first year honestly.',
  'Practising what to say when a colleague is struggling.',
  'Writing one boundary down and saying it aloud.',
  'Mixed years — the students asked what we stopped asking.',
];
const changes = [
  'Start on time; we lost ten minutes waiting.',
  'More time for the practice part, less for slides.',
  'A room without a window onto the ward.',
  '',
  'Send the prompts a day before so I can think.',
  '',
  'Meet after clinic instead of at lunch.',
];
const answers = [
  'I used the pause before walking into the family meeting. It helped me slow down.',
  'I said no to an extra shift without apologising three times. Small, but new.',
  'I noticed my shoulders during handover and did the breathing once. Once is a start.',
  'I asked a classmate how she was really doing after the code. We talked for twenty minutes.',
  'Not yet — the week ran away with me. I want to try it on my commute.',
  'I wrote down one thing that went well each evening; three of five days.',
  'I told my preceptor I needed a minute after the death. She said take five.',
  'I caught the "I should have known" thought and answered it like I would a friend.',
];
const intentions = [
  'Pause before the first patient each morning.',
  'Eat lunch away from the workstation twice this week.',
  'Check in with one colleague after a hard case.',
  null,
  'Name one thing that went well before I leave the unit.',
];
const skillUses: SkillUse[] = ['yes', 'yes', 'tried', 'tried', 'not-yet'];

type PastMeeting = { id: string; groupId: string; endsAt: Date };

/** The three meetings each group has had: attendance taken, feedback given, reflections written. */
export async function runDemoMeetings(
  db: Database,
  members: DemoMembers,
  programId: string,
  clock: DemoClock,
): Promise<void> {
  const past = await db
    .select({ id: meetings.id, groupId: meetings.groupId, endsAt: meetings.endsAt })
    .from(meetings)
    .innerJoin(groups, eq(groups.id, meetings.groupId))
    .where(and(eq(groups.programId, programId), lte(meetings.endsAt, clock.now)))
    .orderBy(asc(meetings.endsAt));
  const checkpoints: Date[] = [];
  for (const meeting of past) {
    await holdDemoMeeting(db, members, meeting, clock);
    for (const days of demoFollowUpDays) {
      const due = new Date(meeting.endsAt.getTime() + days * millisecondsPerDay + 2 * millisecondsPerHour);
      if (due < clock.now) checkpoints.push(due);
    }
  }
  checkpoints.sort((a, b) => a.getTime() - b.getTime());
  const answered = new Map<string, number>();
  for (const checkpoint of checkpoints) await reflectAt(db, members, checkpoint, clock, answered);
  // What has come due since the last checkpoint reaches people now, as the scheduler would send it.
  await sendReflectionFollowUps(db, clock.now);
}

async function holdDemoMeeting(db: Database, members: DemoMembers, meeting: PastMeeting, clock: DemoClock) {
  const roster = await listGroupMembers(db, members.organizationId, meeting.groupId);
  const facilitator = roster.find((person) => person.isFacilitator);
  if (!facilitator) throw new Error('a demo group has no facilitator');
  const records = roster
    .filter((person) => !person.isFacilitator)
    .map((person) => {
      const draw = clock.random.next();
      const isOwnDemoPerson = members.byId(person.id).email === leavesReflectionsWaiting;
      const status = isOwnDemoPerson || draw < 0.82 ? 'present' : draw < 0.92 ? 'excused' : 'absent';
      return { userId: person.id, status } as const;
    });
  const after = (hours: number) => new Date(meeting.endsAt.getTime() + hours * millisecondsPerHour);
  await recordAttendance(db, members.byId(facilitator.id), meeting.id, records, after(0.2));
  await sendFeedbackRequests(db, after(0.5));
  for (const record of records) {
    if (record.status !== 'present' || clock.random.next() > 0.55) continue;
    await saveFeedback(
      db,
      members.byId(record.userId),
      meeting.id,
      {
        usefulness: (3 + clock.random.below(3)) as 3 | 4 | 5,
        feltSafe: (3 + clock.random.below(3)) as 3 | 4 | 5,
        keep: pick(keeps, clock),
        change: pick(changes, clock),
        topicsWanted: clock.random.next() < 0.4 ? ['errors-and-patient-death'] : ['trauma-informed-care'],
        preferredTimes: clock.random.next() < 0.5 ? ['wed-12'] : ['thu-17'],
        timeZone: 'America/Toronto',
      },
      after(2 + clock.random.next() * 20),
    );
  }
}

/** The follow-up job runs; most people answer some prompts, and share a few with their group. */
async function reflectAt(
  db: Database,
  members: DemoMembers,
  at: Date,
  clock: DemoClock,
  answered: Map<string, number>,
): Promise<void> {
  await sendReflectionFollowUps(db, at);
  const reached = await db
    .selectDistinct({ userId: followUps.userId })
    .from(followUps)
    .where(and(eq(followUps.sentAt, at), isNotNull(followUps.sentAt)));
  // The prompts each person reached has waiting, newest first, as their list of follow-ups shows them.
  const waiting = await db
    .select({ id: followUps.id, userId: followUps.userId })
    .from(followUps)
    .where(
      and(
        inArray(
          followUps.userId,
          reached.map((person) => person.userId),
        ),
        eq(followUps.kind, 'prompt'),
        isNull(followUps.answeredAt),
        lte(followUps.dueAt, at),
      ),
    )
    .orderBy(desc(followUps.dueAt));
  for (const { userId } of reached) {
    const member = members.byId(userId);
    for (const followUp of waiting.filter((prompt) => prompt.userId === userId)) {
      if (!wouldAnswer(member, answered, clock)) continue;
      answered.set(member.userId, (answered.get(member.userId) ?? 0) + 1);
      const written = new Date(at.getTime() + (1 + clock.random.next() * 30) * millisecondsPerHour);
      const reflection = await writeReflection(
        db,
        member,
        followUp.id,
        {
          answer: pick(answers, clock),
          skillUsed: pick(skillUses, clock),
          intention: pick(intentions, clock),
        },
        written,
      );
      if (clock.random.next() < 0.25) {
        const sharing = { isShared: true, isAnonymous: clock.random.next() < 0.5 };
        await changeReflectionSharing(db, member, reflection.id, sharing, written);
      }
    }
  }
}

function wouldAnswer(member: SignedInMember, answered: Map<string, number>, clock: DemoClock): boolean {
  if (member.email === leavesReflectionsWaiting) return (answered.get(member.userId) ?? 0) < 1;
  return clock.random.next() < 0.6;
}

function pick<T>(items: readonly T[], clock: DemoClock): T {
  return items[clock.random.below(items.length)] as T;
}
