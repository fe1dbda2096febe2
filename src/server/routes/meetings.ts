import { z } from 'zod';
import { attendanceStatuses } from '../../db/schema.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { changeMeeting, describeMeeting, listMyGroups, recordAttendance } from '../services/meetings.ts';
import { errorResponses, MeetingIdParamsSchema, TopicSchema } from './schemas.ts';
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
  isFacilitator: z.boolean(),
  members: z.array(z.object({ id: z.string(), name: z.string(), isFacilitator: z.boolean() })),
  meetings: z.array(MeetingSchema.extend({ topicTitle: z.string().nullable() })),
});

const MeetingDetailSchema = MeetingSchema.extend({
  groupName: z.string(),
  programId: z.string(),
  programTitle: z.string(),
  meetingMinutes: z.number(),
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
    async (request) => describeMeeting(db, requireMember(request), request.params.meetingId),
  );

  app.patch(
    '/api/meetings/:meetingId',
    {
      config: { action: 'meetings.update', sendingLimit: 'meeting-change' },
      schema: {
        tags: ['meetings'],
        summary: 'Move one meeting, or set its place or video link; the group is notified',
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
            place: ShortTextSchema.max(200).nullable(),
            videoUrl: z.url('must be a link starting with https://').max(500).nullable(),
          })
          .partial()
          .refine((changes) => Object.keys(changes).length > 0, 'name at least one field to change'),
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
        summary: 'Take attendance for a meeting',
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
    async (request) =>
      recordAttendance(db, requireMember(request), request.params.meetingId, request.body.records, now()),
  );
}
