import { topicLibrary } from '../../../src/core/curriculum/library.ts';
import type { ApiResponse } from '../../../web/src/lib/api.ts';
import { userIdOf } from '../meeting-fixtures.ts';
import { daysFrom, enrolDemoPeople, enrolmentBody, programFields } from '../programs.ts';
import type { SeededApp } from '../seeded-app.ts';
import type { TestClient } from '../test-app.ts';
import type { Step } from './step.ts';

type Created = { id: string };
type Groups = ApiResponse<'GET', '/api/programs/{programId}/groups'>;
type TopicEntry = ApiResponse<'POST', '/api/topics'>;

/** A program of its own, formed from scratch: the seed's program already has its group. */
const onFormed = { programId: 'formedProgramId' };

/** The groups as the coordinator's board sends them back after editing. */
async function editedGroups({ clients, ids }: SeededApp) {
  const coordinator = clients.get('coordinator') as TestClient;
  const overview: Groups = (
    await coordinator.request('GET', `/api/programs/${ids.formedProgramId}/groups`)
  ).json();
  return {
    groups: overview.groups.map((group) => ({
      id: group.id,
      name: group.name,
      ...(group.slot ? { slot: group.slot } : {}),
      memberIds: group.members.map((member) => member.id),
      pinnedIds: group.members.filter((member) => member.isPinned).map((member) => member.id),
    })),
  };
}

/** Each participant of the first group moving to the second, as the coordinator would drag them. */
async function movesFromFirstGroup({ clients, ids }: SeededApp) {
  const coordinator = clients.get('coordinator') as TestClient;
  const overview: Groups = (
    await coordinator.request('GET', `/api/programs/${ids.formedProgramId}/groups`)
  ).json();
  const [first, second] = overview.groups;
  return (first?.members ?? [])
    .filter((member) => !member.isFacilitator)
    .map((member) => ({ userId: member.id, toGroupId: second?.id ?? '' }));
}

/** The first of those moves the rules allow (some would put people with a conflict of interest together). */
async function allowedMove(seeded: SeededApp) {
  const coordinator = seeded.clients.get('coordinator') as TestClient;
  for (const move of await movesFromFirstGroup(seeded)) {
    const preview = await coordinator.request(
      'POST',
      `/api/programs/${seeded.ids.formedProgramId}/groups/changes/preview`,
      { moves: [move] },
    );
    if (preview.json().isAllowed) return { moves: [move] };
  }
  throw new Error('the rules let nobody move from the first group to the second');
}

const [libraryTopic] = topicLibrary;

/** Programs, enrolment, forming and changing groups, messages, and the topic library. */
export const programSteps: Step[] = [
  {
    route: 'POST /api/programs',
    as: 'coordinator',
    body: ({ now }) => programFields(now, { title: 'Spring circles' }),
    keep: (answer, ids) => {
      ids.formedProgramId = (answer as Created).id;
    },
  },
  {
    route: 'PATCH /api/programs/:programId',
    as: 'coordinator',
    params: onFormed,
    body: () => ({ status: 'published' }),
  },
  {
    route: 'PUT /api/programs/:programId/enrollment',
    as: 'participant',
    params: onFormed,
    // Sixteen participants and two facilitators free on Tuesdays at noon: enough for two groups.
    before: async ({ app, ids }) => {
      await enrolDemoPeople(app, ids.formedProgramId ?? '', 16);
    },
    body: () => enrolmentBody({ interests: ['sleep'] }),
  },
  {
    route: 'PUT /api/programs/:programId/facilitators/:userId',
    as: 'coordinator',
    params: { userId: 'secondFacilitatorId' },
    before: async ({ db, ids }) => {
      ids.secondFacilitatorId = await userIdOf(db, 'facilitator2@demo.tend.test');
    },
    body: () => ({ availability: ['tue-12', 'wed-12'], timeZone: 'America/Toronto' }),
  },
  {
    route: 'POST /api/programs/:programId/groups/form/preview',
    as: 'coordinator',
    params: onFormed,
    body: () => ({ seed: 3 }),
  },
  {
    route: 'POST /api/programs/:programId/groups/form',
    as: 'coordinator',
    params: onFormed,
    body: () => ({ seed: 3 }),
  },
  {
    route: 'POST /api/programs/:programId/groups/evaluate',
    as: 'coordinator',
    params: onFormed,
    body: editedGroups,
  },
  {
    route: 'PUT /api/programs/:programId/groups',
    as: 'coordinator',
    params: onFormed,
    body: editedGroups,
  },
  {
    route: 'POST /api/programs/:programId/groups/publish',
    as: 'coordinator',
    params: onFormed,
  },
  {
    route: 'POST /api/programs/:programId/groups/changes/preview',
    as: 'coordinator',
    params: onFormed,
    body: async (seeded) => ({ moves: [(await movesFromFirstGroup(seeded))[0]] }),
  },
  {
    route: 'POST /api/programs/:programId/groups/changes',
    as: 'coordinator',
    params: onFormed,
    body: allowedMove,
  },
  { route: 'POST /api/programs/:programId/groups/unplaced/notices', as: 'coordinator' },
  {
    route: 'POST /api/programs/:programId/copies',
    as: 'coordinator',
    params: onFormed,
    body: ({ now }) => ({
      termStart: daysFrom(now, 200),
      termEnd: daysFrom(now, 200 + 7 * 14),
      enrolmentOpens: daysFrom(now, 150),
      enrolmentCloses: daysFrom(now, 190),
    }),
  },
  {
    route: 'DELETE /api/programs/:programId/enrollment',
    as: 'participant',
    params: onFormed,
    query: '?sharedContent=anonymise',
  },
  {
    route: 'POST /api/programs/:programId/messages',
    as: 'facilitator',
    body: ({ ids }) => ({
      audience: { kind: 'group', groupId: ids.groupId },
      subject: 'Bring a snack',
      body: 'We meet a little longer next week.',
    }),
  },
  {
    route: 'PUT /api/groups/:groupId/place',
    as: 'facilitator',
    body: () => ({ place: 'Room 2.01', videoUrl: null }),
  },
  { route: 'PUT /api/groups/:groupId/time', as: 'coordinator', body: () => ({ slot: 'thu-18' }) },
  {
    route: 'POST /api/topics',
    as: 'coordinator',
    body: () => ({
      topic: { ...libraryTopic, title: 'Boundaries on night shifts' },
      basedOn: libraryTopic?.id,
    }),
    keep: (answer, ids) => {
      ids.ownTopicId = (answer as TopicEntry).ref;
    },
  },
  {
    route: 'PUT /api/topics/:topicId',
    as: 'coordinator',
    params: { topicId: 'ownTopicId' },
    body: () => ({ topic: { ...libraryTopic, title: 'Boundaries on every shift' }, isShared: true }),
  },
];
