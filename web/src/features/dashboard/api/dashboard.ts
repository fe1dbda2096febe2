import { useQuery } from '@tanstack/react-query';
import type { ApiResponse } from '../../../lib/api.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { Role } from '../../session/api/session.ts';

type Count = { key: string; label: string; count: number };

export type NextMeeting = {
  id: string;
  groupId: string;
  groupName: string;
  programTitle: string;
  sequence: number;
  meetingCount: number;
  startsAt: string;
  endsAt: string;
  isUnderway: boolean;
  /** The time zone the person enrolled in, named in `when`. */
  timeZone: string;
  /** "Tuesday 12 January 2027, 12:00–13:00 (America/Toronto)" */
  when: string;
  place: string | null;
  videoUrl: string | null;
  topic: { title: string; summary: string } | null;
  guide: {
    openingCheckIn: string;
    prompts: string[];
    practice: { name: string; minutes: number };
  } | null;
};

export type Participation = {
  nextMeeting: NextMeeting | null;
  programs: {
    id: string;
    title: string;
    status: 'enrolled' | 'waitlisted';
    isInGroup: boolean;
    termStart: string;
  }[];
  joinablePrograms: { id: string; title: string; enrolmentCloses: string }[];
  followUps: {
    total: number;
    items: {
      id: string;
      kind: 'prompt' | 'catch-up';
      topicTitle: string;
      prompt: string;
      groupName: string;
      dueAt: string;
    }[];
  };
  questionnaires: {
    windowId: string;
    title: string;
    instrumentName: string;
    closesAt: string;
    answered: number;
    itemCount: number;
  }[];
  newPosts: { groupId: string; groupName: string; count: number; latestAt: string }[];
  recognitions: {
    total: number;
    latest: { id: string; kind: string; message: string; senderName: string; createdAt: string }[];
  };
  newPostDays: number;
  newRecognitionDays: number;
};

export type Facilitation = {
  nextMeeting: NextMeeting | null;
  attendanceToTake: {
    meetingId: string;
    groupName: string;
    sequence: number;
    startsAt: string;
    closesAt: string;
  }[];
};

export type ProgramPhase =
  | 'draft'
  | 'enrolment-not-open'
  | 'enrolment-open'
  | 'before-term'
  | 'running'
  | 'finished'
  | 'closed';

export type Coordination = {
  programs: {
    id: string;
    title: string;
    phase: ProgramPhase;
    enrolmentOpens: string;
    enrolmentCloses: string;
    termStart: string;
    termEnd: string;
    capacity: number | null;
    enrolled: number;
    facilitators: number;
    waitlisted: number;
    groups: number;
    unplaced: number;
    tasks: { kind: string; text: string; href: string }[];
  }[];
  windows: {
    id: string;
    title: string;
    instrumentName: string;
    programTitle: string | null;
    opensAt: string;
    closesAt: string;
    state: 'open' | 'upcoming';
    shouldClose: boolean;
  }[];
};

export type Leadership = NonNullable<ApiResponse<'GET', '/api/dashboard'>['leadership']>;

export type Dashboard = {
  organization: { name: string; timeZone: string };
  role: Role;
  membersByRole: Count[] | null;
  membersByLevel: Count[] | null;
  nextSteps: { title: string; description: string; href: string }[];
  participation: Participation | null;
  facilitation: Facilitation | null;
  coordination: Coordination | null;
  leadership: Leadership | null;
};

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: () => apiRequest<Dashboard>('GET', '/api/dashboard') });
}
