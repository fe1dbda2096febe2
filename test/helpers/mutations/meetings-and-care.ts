import type { ApiResponse } from '../../../web/src/lib/api.ts';
import { userIdOf } from '../meeting-fixtures.ts';
import { daysFrom } from '../programs.ts';
import { emailOf } from '../test-app.ts';
import type { Step } from './step.ts';

type Created = { id: string };
type Reflection = ApiResponse<'PUT', '/api/me/follow-ups/{followUpId}/reflection'>;

/**
 * Meetings, feedback, reflections, questionnaires, the group space, recognition, supervision and
 * working conditions: the writes of a term once the groups meet.
 */
export const meetingsAndCareSteps: Step[] = [
  { route: 'PATCH /api/meetings/:meetingId', as: 'facilitator', body: () => ({ place: 'Room 4.12' }) },
  {
    route: 'PUT /api/meetings/:meetingId/attendance',
    as: 'facilitator',
    before: async ({ db, ids }) => {
      ids.participantId = await userIdOf(db, emailOf.participant);
      ids.groupmateId = await userIdOf(db, 'participant2@demo.tend.test');
    },
    body: ({ ids }) => ({
      records: [
        { userId: ids.participantId, status: 'present' },
        { userId: ids.groupmateId, status: 'absent' },
      ],
    }),
  },
  {
    route: 'PUT /api/meetings/:meetingId/feedback',
    as: 'participant',
    body: () => ({ usefulness: 4, feltSafe: 5, keep: 'The opening round', topicsWanted: ['growth-mindset'] }),
  },
  {
    route: 'POST /api/programs/:programId/feedback-responses',
    as: 'coordinator',
    body: () => ({ youSaid: 'The room was cold.', weDid: 'We moved to a warmer room.' }),
  },
  {
    route: 'PUT /api/me/follow-ups/:followUpId/reflection',
    as: 'participant',
    body: () => ({
      answer: 'I used box breathing before a hard call.',
      skillUsed: 'tried',
      intention: 'Breathe first',
    }),
    keep: (answer, ids) => {
      ids.reflectionId = (answer as Reflection).id;
    },
  },
  {
    route: 'PUT /api/me/reflections/:reflectionId/sharing',
    as: 'participant',
    body: () => ({ isShared: true, isAnonymous: true }),
  },
  {
    route: 'PUT /api/me/nudge-preferences',
    as: 'participant',
    body: () => ({ frequency: 'fewer', pausedUntil: null }),
  },
  {
    route: 'POST /api/assessment-windows',
    as: 'coordinator',
    body: ({ ids, now }) => ({
      instrumentId: 'proqol-5',
      programId: ids.programId,
      title: 'End of term',
      helperTerm: 'nurse',
      kind: 'end-of-term',
      opensAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      closesAt: new Date(now.getTime() + 44 * 86_400_000).toISOString(),
    }),
  },
  {
    route: 'PUT /api/me/assessments/:windowId/draft',
    as: 'participant',
    body: () => ({ answers: { 1: 3, 2: 4 } }),
  },
  {
    route: 'POST /api/me/assessments/:windowId/submit',
    as: 'participant',
    body: () => ({ answers: { 1: 3, 2: 4, 3: 2, 4: 4, 5: 3, 6: 2 } }),
  },
  { route: 'POST /api/assessment-windows/:windowId/close', as: 'coordinator' },
  {
    route: 'POST /api/groups/:groupId/posts',
    as: 'participant',
    body: () => ({ body: 'Thank you all for Tuesday.' }),
  },
  {
    route: 'POST /api/recognitions',
    as: 'participant',
    body: ({ ids }) => ({
      recipientId: ids.groupmateId,
      kind: 'gratitude',
      message: 'Thank you for covering on Tuesday.',
      visibility: 'group',
      groupId: ids.groupId,
    }),
  },
  {
    route: 'PUT /api/me/recognition-preferences',
    as: 'participant',
    body: () => ({ acceptsPublicRecognition: false }),
  },
  {
    route: 'POST /api/supervision/pairings',
    as: 'facilitator',
    body: ({ ids, now }) => ({
      colleagueId: ids.groupmateId,
      myRole: 'supervisee',
      firstDate: daysFrom(now, 5),
      time: '09:00',
      timeZone: 'America/Toronto',
      cadenceWeeks: 4,
      count: 2,
      minutes: 30,
      place: 'Quiet room',
    }),
  },
  {
    route: 'POST /api/supervision/conversations/:conversationId/move',
    as: 'facilitator',
    body: ({ now }) => ({ date: daysFrom(now, 9), time: '10:30', timeZone: 'America/Toronto' }),
  },
  {
    route: 'PUT /api/supervision/conversations/:conversationId/notes',
    as: 'facilitator',
    body: () => ({
      experiences: 'A hard week on the ward.',
      reactions: 'Tired, then relieved.',
      whatHelped: 'Talking it through.',
      nextSteps: 'Ask for a debrief.',
    }),
  },
  { route: 'POST /api/supervision/pairings/:pairingId/end', as: 'facilitator' },
  {
    route: 'POST /api/working-condition-reports',
    as: 'participant',
    body: () => ({
      category: 'workload-and-staffing',
      unit: 'Inpatient wards',
      text: 'Two nurses for thirty beds at night.',
    }),
  },
  {
    route: 'POST /api/leadership-actions',
    as: 'leader',
    body: () => ({
      title: 'Cut duplicate discharge forms',
      description: 'One form instead of three.',
      ownerName: 'Director of nursing',
      status: 'planned',
      dueDate: '2027-01-31',
      categories: ['administrative-burden'],
    }),
    keep: (answer, ids) => {
      ids.actionId = (answer as Created).id;
    },
  },
  {
    route: 'PATCH /api/leadership-actions/:actionId',
    as: 'leader',
    body: () => ({ status: 'in-progress' }),
  },
];
