import { createRandom, type Random, shuffleInPlace } from '../../core/grouping/random.ts';
import type { WeeklySlot } from '../../core/grouping/weekly-slot.ts';
import { proqol5 } from '../../core/instruments/proqol-5.ts';
import { millisecondsPerDay } from '../../core/scheduling/durations.ts';
import type { MeetingPlace } from '../../core/scheduling/meeting-place.ts';
import { planMeetings } from '../../core/scheduling/recurrence.ts';
import { utcToZoned } from '../../core/scheduling/time-zones.ts';
import type { Database } from '../../db/connect.ts';
import type { SignedInMember } from '../../server/auth/sessions.ts';
import type { InvitationOrganizer } from '../../server/calendar/meeting-invitation.ts';
import { startGroupingWorkerAhead } from '../../server/grouping/form-groups-in-worker.ts';
import { enrol } from '../../server/services/enrollments.ts';
import { setGroupPlace } from '../../server/services/group-places.ts';
import { describeGroups, formProgramGroups, publishGroups } from '../../server/services/groups.ts';
import { findOrganizationSettings } from '../../server/services/organization.ts';
import { publishOutcomesOf } from '../../server/services/outcomes.ts';
import { createProgram, updateProgram } from '../../server/services/programs.ts';
import { proposeSupervision, respondToSupervision } from '../../server/services/supervision.ts';
import { runDemoMeetings } from './demo-meetings.ts';
import {
  type DemoClock,
  type DemoMembers,
  demoFollowUpDays,
  demoLateEnrollee,
  loadDemoMembers,
  termParticipants,
} from './demo-members.ts';
import { answerDemoQuestionnaires, scheduleDemoWindows } from './demo-questionnaires.ts';
import { fileDemoWorkingConditions, postDemoGroupLife } from './demo-voices.ts';

/**
 * A term in progress for the demo organisation, made the way people would make it — through the
 * services, with the clock they are given moved forward step by step — so the demo cannot drift from
 * the product. Everything is placed relative to `now`: the program was planned six weeks ago, its
 * groups have met three times, the baseline questionnaire closed and a mid-term one is open.
 */

export const demoTermSeed = 2026;

/** The hours the demo's people can meet, in the organisation's zone: lunch and late afternoon midweek. */
const demoHours: WeeklySlot[] = ['tue-12', 'tue-17', 'wed-12', 'wed-17', 'thu-12', 'thu-17'];
const demoTopics = [
  'stress-anxiety-and-burnout',
  'self-care-and-boundaries',
  'mindfulness-for-busy-days',
  'peer-support-and-help-seeking',
  'compassion-satisfaction',
  'growth-mindset',
];
const meetingMinutes = 60;
const demoPlaces: MeetingPlace[] = [
  { place: 'Room 2.14, Health Sciences Library', videoUrl: null },
  { place: 'Wellness room, 5 East (next to the staff lounge)', videoUrl: null },
  { place: 'Seminar room B, Education Centre', videoUrl: 'https://meet.example.org/tend-demo-group-3' },
  { place: null, videoUrl: 'https://meet.example.org/tend-demo-group-4' },
];

export async function createDemoTerm(
  db: Database,
  organizationId: string,
  now: Date,
  seed = demoTermSeed,
): Promise<{ programId: string }> {
  // The groups are formed after the enrolments; their worker starts loading meanwhile.
  startGroupingWorkerAhead();
  const members = await loadDemoMembers(db, organizationId);
  const settings = await findOrganizationSettings(db, organizationId);
  const clock: DemoClock = {
    now,
    at: (daysAgo) => new Date(now.getTime() - daysAgo * millisecondsPerDay),
    random: createRandom(seed),
  };
  const coordinator = members.byEmail('coordinator@demo.tend.test');
  const organizer: InvitationOrganizer = { name: settings.name, email: 'no-reply@demo.tend.test' };
  const today = (daysAgo: number) => utcToZoned(clock.at(daysAgo), settings.timeZone).date;

  // A supervisor and her supervisee, so the engine has a conflict to keep apart.
  await pairSupervision(db, members, clock, organizer, settings.timeZone);

  const program = await createProgram(db, coordinator, {
    title: 'Resilience in practice — winter term',
    description:
      'Six weekly small-group meetings, each on one topic, led by a faculty facilitator with guided ' +
      'discussion prompts, then a short reflection to turn a skill into a habit.',
    audience: 'All learners and staff, Riverside Health Sciences',
    termStart: today(30),
    termEnd: today(-40),
    enrolmentOpens: today(45),
    enrolmentCloses: today(-14),
    capacity: 60,
    groupSizeMin: 8,
    groupSizeMax: 10,
    meetingCount: demoTopics.length,
    meetingMinutes,
    cadenceWeeks: 1,
    holidays: [],
    topicIds: demoTopics,
    reminderHours: 24,
    followUpDays: demoFollowUpDays,
  });
  await updateProgram(db, coordinator, program.id, { status: 'published' });
  const windows = await scheduleDemoWindows(db, coordinator, program.id, clock);

  const enrollees = [...members.withRole('facilitator'), ...termParticipants(members)];
  for (const [index, member] of enrollees.entries()) {
    await enrol(db, member, program.id, enrolmentOf(member, clock.random), clock.at(42 - index / 10));
  }
  // People answer the baseline and report working conditions while the coordinator forms groups:
  // neither reads what the other writes, and the engine works on its own thread, so they overlap
  // as they would in real use.
  await together([
    (async () => {
      await answerDemoQuestionnaires(db, members, windows, clock);
      await fileDemoWorkingConditions(db, members, clock);
    })(),
    formProgramGroups(
      db,
      coordinator,
      program.id,
      {
        seed,
        weights: {},
        historyMode: 'new-combinations',
        facilitatorsPerGroup: { min: 1, max: 1 },
        keepManualMoves: true,
        confirmMoves: true,
      },
      clock.at(33),
    ),
  ]);
  const formed = await describeGroups(db, coordinator, program.id);
  const slots = formed.groups.flatMap((group) => (group.slot ? [group.slot] : []));
  await publishGroups(
    db,
    coordinator,
    program.id,
    firstMeetingTime(slots, now, settings.timeZone),
    organizer,
  );
  for (const [index, group] of formed.groups.entries()) {
    await setGroupPlace(
      db,
      coordinator,
      group.id,
      demoPlaces[index % demoPlaces.length] ?? { place: null, videoUrl: null },
    );
  }

  // Enrolment is still open, and someone who can only come on Saturday mornings joins today.
  await enrol(
    db,
    members.byEmail(demoLateEnrollee),
    program.id,
    { ...enrolmentOf(members.byEmail(demoLateEnrollee), clock.random), availability: ['sat-08'] },
    clock.at(0.1),
  );
  // The leader's first look finds the baseline's figures, not a publication still being worked out.
  // It reads only the questionnaires' answers, so it is worked out on its thread while the groups meet.
  await together([
    publishOutcomesOf(db, organizationId, proqol5.id, now),
    (async () => {
      await runDemoMeetings(db, members, program.id, clock);
      await postDemoGroupLife(db, members, program.id, clock);
    })(),
  ]);
  return { programId: program.id };
}

/**
 * Waits for every one of independent steps, then fails with the first failure: the caller removes a
 * half-made demo, which must not happen while another step is still writing to it.
 */
async function together(steps: Promise<unknown>[]): Promise<void> {
  const settled = await Promise.allSettled(steps);
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

function enrolmentOf(member: SignedInMember, random: Random) {
  const hours = shuffleInPlace([...demoHours], random).slice(0, 4 + random.below(3));
  return {
    level: member.level,
    discipline: member.discipline,
    availability: hours,
    timeZone: 'America/Toronto',
    interests: shuffleInPlace([...demoTopics], random).slice(0, 2),
    avoidUserIds: [],
    agreesToGuidelines: true,
  };
}

/**
 * When publishing must happen for every group's third meeting to be the last one that has ended by
 * `now`: a minute before the earliest of the groups' first meetings, counted back from the last.
 */
export function firstMeetingTime(slots: WeeklySlot[], now: Date, timeZone: string): Date {
  const fourWeeksAgo = new Date(now.getTime() - 28 * millisecondsPerDay);
  const firsts = slots.map((slot) => {
    const { meetings } = planMeetings({
      slot,
      timeZone,
      termStart: utcToZoned(fourWeeksAgo, timeZone).date,
      termEnd: utcToZoned(now, timeZone).date,
      meetingCount: 10,
      cadenceWeeks: 1,
      meetingMinutes,
      holidays: [],
      notBefore: fourWeeksAgo,
    });
    const ended = meetings.filter((meeting) => meeting.endsAt.getTime() <= now.getTime());
    const first = ended[ended.length - 3];
    if (!first) throw new Error(`the demo could not place three meetings before now at ${slot}`);
    return first.startsAt.getTime();
  });
  return new Date(Math.min(...firsts) - 60_000);
}

async function pairSupervision(
  db: Database,
  members: DemoMembers,
  clock: DemoClock,
  organizer: InvitationOrganizer,
  timeZone: string,
): Promise<void> {
  const supervisor = members.byEmail('facilitator2@demo.tend.test');
  const supervisee = members.withRole('participant').find((member) => member.level === 'resident');
  if (!supervisee) throw new Error('the demo has no resident to supervise');
  const firstDate = utcToZoned(clock.at(-3), timeZone).date;
  const { id } = await proposeSupervision(
    db,
    supervisor,
    {
      colleagueId: supervisee.userId,
      myRole: 'supervisor',
      firstDate,
      time: '16:00',
      timeZone,
      cadenceWeeks: 2,
      count: 6,
      minutes: 45,
      place: 'Clinical teaching office, 3rd floor',
    },
    clock.at(50),
  );
  await respondToSupervision(db, supervisee, id, true, clock.at(49), organizer);
}
