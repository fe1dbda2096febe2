import { asc, eq } from 'drizzle-orm';
import { millisecondsPerDay, millisecondsPerHour } from '../../core/scheduling/durations.ts';
import { type StressorCategory, unitNotStated } from '../../core/working-conditions/report-form.ts';
import type { Database } from '../../db/connect.ts';
import { groups } from '../../db/schema.ts';
import { createAnonymousReportLimiter } from '../../server/services/anonymous-report-limiter.ts';
import { createPost } from '../../server/services/group-space.ts';
import { listGroupMembers } from '../../server/services/meetings.ts';
import { sendRecognition } from '../../server/services/recognitions.ts';
import { createLeadershipAction, fileReport } from '../../server/services/working-conditions.ts';
import type { DemoClock, DemoMembers } from './demo-members.ts';

const posts = [
  {
    body: 'Thank you all for last week. I tried the "name it to tame it" line on a night shift and it worked.',
    isAnonymous: false,
    reply: 'Same here — I used it before a difficult family conversation.',
  },
  {
    body: 'I froze during a code and nobody said anything afterwards. I have not told anyone but this group.',
    isAnonymous: true,
    reply: 'Thank you for trusting us with that. It happens to more of us than admit it.',
  },
  {
    body: 'Could we spend ten minutes next time on saying no to extra shifts without guilt?',
    isAnonymous: false,
    reply: null,
  },
];

/** A few posts and replies in each group, and recognitions between people who meet. */
export async function postDemoGroupLife(
  db: Database,
  members: DemoMembers,
  programId: string,
  clock: DemoClock,
): Promise<void> {
  const programGroups = await db
    .select({ id: groups.id })
    .from(groups)
    .where(eq(groups.programId, programId))
    .orderBy(asc(groups.name));
  for (const [groupIndex, group] of programGroups.entries()) {
    const roster = await listGroupMembers(db, members.organizationId, group.id);
    const people = roster.filter((person) => !person.isFacilitator).map((person) => members.byId(person.id));
    const facilitator = roster.find((person) => person.isFacilitator);
    for (const [index, post] of posts.entries()) {
      if ((index + groupIndex) % 4 === 3) continue;
      const author = people[(index * 3 + groupIndex) % people.length];
      const replier = people[(index * 3 + groupIndex + 1) % people.length];
      if (!author || !replier) continue;
      const at = clock.at(12 - index * 4 - clock.random.next());
      const { id } = await createPost(db, author, group.id, post, at);
      if (post.reply) {
        const later = new Date(at.getTime() + 5 * millisecondsPerHour);
        await createPost(
          db,
          replier,
          group.id,
          { body: post.reply, isAnonymous: false, parentId: id },
          later,
        );
      }
    }
    const [first, second] = people;
    if (facilitator && first) {
      await sendRecognition(
        db,
        members.byId(facilitator.id),
        {
          recipientId: first.userId,
          kind: 'effort',
          message: 'You made room for the quieter voices in our last meeting. Thank you.',
          visibility: 'group',
          groupId: group.id,
        },
        clock.at(5),
      );
    }
    if (first && second) {
      await sendRecognition(
        db,
        second,
        {
          recipientId: first.userId,
          kind: 'gratitude',
          message: 'Thanks for covering my patient so I could get to the meeting.',
          visibility: 'private',
        },
        clock.at(2),
      );
    }
  }
}

const reports: { category: StressorCategory; texts: string[] }[] = [
  {
    category: 'workload-and-staffing',
    texts: [
      'Two nurses called in sick and nobody was brought in; we had eight patients each.',
      'Evening shifts on 4 West run one nurse short most weeks.',
      'No time for breaks when the unit is at capacity.',
      'Students are counted as staff when the unit is short.',
      'Discharges pile up at 5 pm with one person to do them.',
      'I stayed two hours late three times this week to finish notes.',
      'One pharmacist covers three wards on weekends.',
      'Agency staff do not know the unit, so we supervise them on top of our patients.',
      'Clinic overbooked by six patients every Monday.',
      'Social work referrals wait a week because there is one worker for the hospital.',
      'Residents covering two services overnight.',
    ],
  },
  {
    category: 'scheduling',
    texts: [
      'The rota comes out four days before the month starts.',
      'Swapping a shift takes three approvals.',
      'Night-to-day turnarounds with less than 24 hours off.',
      'Exam weeks are scheduled with full clinical days.',
      'Weekend calls are not shared evenly between residents.',
    ],
  },
  {
    category: 'safety',
    texts: [
      'A visitor threatened a colleague and security took 20 minutes.',
      'The needle bins are overfull again.',
    ],
  },
  {
    category: 'other',
    texts: [
      'The staff room was turned into storage.',
      'No quiet place to make a hard phone call.',
      'Parking costs a day of pay each month.',
    ],
  },
];

/**
 * Anonymous reports over the weeks before this one — two categories often enough to be shown (the first with
 * enough texts for them to be read), two too rare to be — and the leader's answer to the first, so
 * the second is still waiting for one.
 */
export async function fileDemoWorkingConditions(
  db: Database,
  members: DemoMembers,
  clock: DemoClock,
): Promise<void> {
  const limiter = createAnonymousReportLimiter({ limit: 10, windowMs: millisecondsPerDay });
  const reporters = members.withRole('participant');
  let next = 0;
  for (const { category, texts } of reports) {
    for (const [index, text] of texts.entries()) {
      const reporter = reporters[(next++ * 7) % reporters.length];
      if (!reporter) continue;
      await fileReport(
        db,
        reporter,
        { category, unit: unitNotStated, text },
        // A week back at the latest: leaders see only weeks that have ended.
        clock.at(7 + index * 4),
        limiter,
      );
    }
  }
  await createLeadershipAction(
    db,
    members.byEmail('leader@demo.tend.test'),
    {
      title: 'A float nurse on the two busiest evening shifts',
      description:
        'From next month a float nurse covers 4 West and 5 East on Tuesday and Thursday evenings, the shifts ' +
        'most reports named. We will look at the reports again after six weeks.',
      ownerName: 'Leonard Achebe, Director of Nursing',
      status: 'in-progress',
      dueDate: null,
      categories: ['workload-and-staffing'],
    },
    clock.at(1),
  );
}
