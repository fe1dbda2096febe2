import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { describeDashboard } from '../services/dashboard.ts';
import { errorResponses, RoleSchema } from './schemas.ts';

const CountSchema = z.object({ key: z.string(), label: z.string(), count: z.number() });

const NextMeetingSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  programTitle: z.string(),
  sequence: z.number(),
  meetingCount: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  isUnderway: z.boolean().describe('Started and not yet ended'),
  timeZone: z.string().describe('The time zone the person enrolled in, else the organisation’s'),
  when: z.string().describe('"Tuesday 12 January 2027, 12:00–13:00 (America/Toronto)"'),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  topic: z.object({ title: z.string(), summary: z.string() }).nullable(),
  guide: z
    .object({
      openingCheckIn: z.string(),
      prompts: z.array(z.string()),
      practice: z.object({ name: z.string(), minutes: z.number() }),
    })
    .nullable()
    .describe('For the facilitator who runs it: the check-in, the prompts in order and the practice'),
});

const ParticipationSchema = z.object({
  nextMeeting: NextMeetingSchema.nullable(),
  programs: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(['enrolled', 'waitlisted']),
      isInGroup: z.boolean(),
      termStart: z.string(),
    }),
  ),
  joinablePrograms: z
    .array(z.object({ id: z.string(), title: z.string(), enrolmentCloses: z.string() }))
    .describe('Programs open for enrolment, listed only for someone in no program'),
  followUps: z.object({
    total: z.number(),
    items: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['prompt', 'catch-up']),
        topicTitle: z.string(),
        prompt: z.string(),
        groupName: z.string(),
        dueAt: z.string(),
      }),
    ),
  }),
  questionnaires: z.array(
    z.object({
      windowId: z.string(),
      title: z.string(),
      instrumentName: z.string(),
      closesAt: z.string(),
      answered: z.number(),
      itemCount: z.number(),
    }),
  ),
  newPosts: z.array(
    z.object({ groupId: z.string(), groupName: z.string(), count: z.number(), latestAt: z.string() }),
  ),
  recognitions: z.object({
    total: z.number(),
    latest: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        message: z.string(),
        senderName: z.string(),
        createdAt: z.string(),
      }),
    ),
  }),
  newPostDays: z.number(),
  newRecognitionDays: z.number(),
});

const FacilitationSchema = z.object({
  nextMeeting: NextMeetingSchema.nullable(),
  attendanceToTake: z.array(
    z.object({
      meetingId: z.string(),
      groupName: z.string(),
      sequence: z.number(),
      startsAt: z.string(),
      closesAt: z.string(),
    }),
  ),
});

const CoordinationSchema = z.object({
  programs: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      phase: z.enum([
        'draft',
        'enrolment-not-open',
        'enrolment-open',
        'before-term',
        'running',
        'finished',
        'closed',
      ]),
      enrolmentOpens: z.string(),
      enrolmentCloses: z.string(),
      termStart: z.string(),
      termEnd: z.string(),
      capacity: z.number().nullable(),
      enrolled: z.number().describe('Participants enrolled'),
      facilitators: z.number(),
      waitlisted: z.number(),
      groups: z.number(),
      unplaced: z.number(),
      tasks: z.array(z.object({ kind: z.string(), text: z.string(), href: z.string() })),
    }),
  ),
  windows: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      instrumentName: z.string(),
      programTitle: z.string().nullable(),
      opensAt: z.string(),
      closesAt: z.string(),
      state: z.enum(['open', 'upcoming']),
      shouldClose: z.boolean(),
    }),
  ),
});

const LeadershipSchema = z.object({
  reportsToAnswer: z
    .array(z.object({ category: z.string(), label: z.string(), reports: z.number() }))
    .describe('Stressor categories shown on the working-conditions page that no posted action answers yet'),
  weekCount: z.number().describe('How many recent weeks the report counts cover'),
  actionsInProgress: z.number(),
  latestResults: z
    .object({ windowTitle: z.string() })
    .nullable()
    .describe('The latest closed questionnaire window, whose anonymous results the outcomes page shows'),
});

export const DashboardSchema = z.object({
  organization: z.object({ name: z.string(), timeZone: z.string() }),
  role: RoleSchema,
  membersByRole: z.array(CountSchema).nullable().describe('Only for roles that manage people'),
  membersByLevel: z.array(CountSchema).nullable(),
  nextSteps: z.array(z.object({ title: z.string(), description: z.string(), href: z.string() })),
  participation: ParticipationSchema.nullable().describe('For participants and facilitators'),
  facilitation: FacilitationSchema.nullable().describe('For facilitators'),
  coordination: CoordinationSchema.nullable().describe('For coordinators'),
  leadership: LeadershipSchema.nullable().describe('For leaders'),
});

export function dashboardRoutes(app: App, { db, now }: AppDependencies): void {
  app.get(
    '/api/dashboard',
    {
      config: { action: 'dashboard.read' },
      schema: {
        tags: ['dashboard'],
        summary:
          'What is next for the signed-in person: their next meeting, reflection and questionnaire due, ' +
          'what is new; the meeting a facilitator runs next; each program’s to-do list for coordinators',
        response: { 200: DashboardSchema, ...errorResponses },
      },
    },
    async (request) => describeDashboard(db, requireMember(request), now()),
  );
}
