import { z } from 'zod';
import { attendanceStatuses } from '../../db/schema.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { recordAttendance } from '../services/attendance.ts';
import { changeMeeting } from '../services/meeting-changes.ts';
import { describeMeeting, listMyGroups } from '../services/meetings.ts';
import { errorResponses, MeetingIdParamsSchema, TopicSchema, VideoUrlSchema } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

const AttendanceStatusSchema = z.enum(attendanceStatuses);

const MeetingSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  sequence: z.number(),
  topicId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  isCancelled: z.boolean(),
});

const MyGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  programId: z.string(),
  programTitle: z.string(),
  slot: z.string().nullable(),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  isFacilitator: z.boolean(),
  members: z.array(z.object({ id: z.string(), name: z.string(), isFacilitator: z.boolean() })),
  meetings: z.array(MeetingSchema.extend({ topicTitle: z.string().nullable() })),
});

const MeetingDetailSchema = MeetingSchema.extend({
  ownPlace: z
    .object({ place: z.string().nullable(), videoUrl: z.string().nullable() })
    .nullable()
    .describe("The meeting's own place and link, for those who run it; null for members"),
  attendanceWindow: z.object({
    state: z.enum(['not-yet', 'open', 'closed']),
    opensAt: z.string(),
    closesAt: z.string(),
  }),
  groupName: z.string(),
  programId: z.string(),
  programTitle: z.string(),
  meetingMinutes: z.number(),
  timeZone: z.string().describe("The organisation's time zone, which the meeting's times are changed in"),
  canRun: z.boolean().describe('Facilitators of the group and coordinators run the meeting'),
  topic: TopicSchema.nullable(),
  roster: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      isFacilitator: z.boolean(),
      attendance: AttendanceStatusSchema.nullable().describe('Null: not recorded, or not yours to see'),
    }),
  ),
});

export function meetingRoutes(app: App, { db, now, organizer }: AppDependencies): void {
  app.get(
    '/api/me/groups',
    {
      config: { action: 'my-groups.read' },
      schema: {
        tags: ['meetings'],
        summary: 'Your own published groups, their members and meetings',
        response: { 200: z.object({ groups: z.array(MyGroupSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ groups: await listMyGroups(db, requireMember(request)) }),
  );

  app.get(
    '/api/meetings/:meetingId',
    {
      config: { action: 'meetings.read' },
      schema: {
        tags: ['meetings'],
        summary: "A meeting of one's own group; facilitators also get the briefing, prompts and attendance",
        params: MeetingIdParamsSchema,
        response: { 200: MeetingDetailSchema, ...errorResponses },
      },
    },
    async (request) => describeMeeting(db, requireMember(request), request.params.meetingId, now()),
  );

  app.patch(
    '/api/meetings/:meetingId',
    {
      config: { action: 'meetings.update', sendingLimit: 'meeting-change' },
      schema: {
        tags: ['meetings'],
        summary:
          'Move one meeting, set its own place or video link, or cancel it; the group is told what changed and why',
        params: MeetingIdParamsSchema,
        body: z
          .object({
            startsAt: z.iso.datetime({
              offset: true,
              message: 'must be a date-time such as 2027-01-12T17:00:00Z',
            }),
            endsAt: z.iso.datetime({
              offset: true,
              message: 'must be a date-time such as 2027-01-12T18:00:00Z',
            }),
            place: ShortTextSchema.max(200).nullable().describe("A room; null uses the group's"),
            videoUrl: VideoUrlSchema.nullable().describe("An https link; null uses the group's"),
            isCancelled: z
              .literal(true, 'must be true to cancel the meeting')
              .describe('Cancels the meeting'),
            reason: ShortTextSchema.max(500).describe('Why, told to the members in the notice'),
          })
          .partial()
          .refine(
            ({ reason: _reason, ...changes }) => Object.keys(changes).length > 0,
            'name at least one field to change',
          ),
        response: { 200: MeetingDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      changeMeeting(db, requireMember(request), request.params.meetingId, request.body, now(), organizer),
  );

  app.put(
    '/api/meetings/:meetingId/attendance',
    {
      config: { action: 'attendance.record' },
      schema: {
        tags: ['meetings'],
        summary:
          "Take attendance for a meeting, from its start until the organisation's attendance window after its end",
        params: MeetingIdParamsSchema,
        body: z.object({
          records: z
            .array(z.object({ userId: z.uuid(), status: AttendanceStatusSchema }))
            .min(1, 'mark at least one person')
            .max(50),
        }),
        response: { 200: MeetingDetailSchema, ...errorResponses },
      },
    },
    async (request) => {
      const member = requireMember(request);
      const at = now();
      await recordAttendance(db, member, request.params.meetingId, request.body.records, at);
      return describeMeeting(db, member, request.params.meetingId, at);
    },
  );
}
