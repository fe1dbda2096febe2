import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type ProgramFields = {
  title: string;
  description: string;
  audience: string;
  termStart: string;
  termEnd: string;
  enrolmentOpens: string;
  enrolmentCloses: string;
  capacity: number | null;
  groupSizeMin: number;
  groupSizeMax: number;
  meetingCount: number;
  meetingMinutes: number;
  cadenceWeeks: number;
  holidays: string[];
  topicIds: string[];
  reminderHours: number;
  /** Days after each meeting that follow-up reflection prompts go out. */
  followUpDays: number[];
};

export type Program = ProgramFields & {
  id: string;
  status: 'draft' | 'published' | 'closed';
  enrolledCount: number;
  waitlistedCount: number;
  isEnrolmentOpen: boolean;
  myEnrollmentStatus: 'enrolled' | 'waitlisted' | 'withdrawn' | null;
};

export type OwnEnrollment = {
  enrollment: {
    status: 'enrolled' | 'waitlisted' | 'withdrawn';
    level: string | null;
    discipline: string | null;
    timeZone: string;
    availability: string[];
    interests: string[];
    /** Private: the people this person asked not to be grouped with, named back to them only. */
    avoidPeople: { id: string; name: string }[];
    isFacilitator: boolean;
  } | null;
  /** timeZone: the organisation's, which availability is entered in unless the person changes it. */
  defaults: { level: string | null; discipline: string | null; timeZone: string };
  guidelines: string[];
  withdrawalStatement: string;
  sharedContentChoices: { value: SharedContentChoice; statement: string }[];
};

/** What becomes of one's posts and shared reflections on withdrawing. */
export type SharedContentChoice = 'keep' | 'anonymise' | 'remove';

export type EnrollmentInput = {
  level: string | null;
  discipline: string | null;
  availability: string[];
  timeZone: string;
  interests: string[];
  avoidUserIds: string[];
  agreesToGuidelines: boolean;
};

export type RosterEntry = {
  userId: string;
  name: string;
  email: string;
  level: string | null;
  discipline: string | null;
  status: string;
  isFacilitator: boolean;
  availableHours: number;
  interests: string[];
};

export type Overview = {
  enrolment: {
    enrolled: number;
    facilitators: number;
    waitlisted: number;
    withdrawn: number;
    capacity: number | null;
  };
  groups: {
    id: string;
    name: string;
    status: string;
    slot: string | null;
    memberCount: number;
    attendanceRate: number | null;
    meetings: { id: string; sequence: number; startsAt: string; attendanceRate: number | null }[];
  }[];
  upcomingMeetings: { id: string; groupName: string; sequence: number; startsAt: string }[];
};

export type TopicEntry = {
  ref: string;
  source: string;
  topic: { id: string; title: string; summary: string; tags: string[] };
};

const programsKey = ['programs'];

export function usePrograms() {
  return useQuery({
    queryKey: programsKey,
    queryFn: async () => (await apiRequest<{ programs: Program[] }>('GET', '/api/programs')).programs,
  });
}

export function useProgram(programId: string) {
  return useQuery({
    queryKey: [...programsKey, programId],
    queryFn: () => apiRequest<Program>('GET', `/api/programs/${programId}`),
  });
}

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: ProgramFields) => apiRequest<{ id: string }>('POST', '/api/programs', fields),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programsKey }),
  });
}

export function useUpdateProgram(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<ProgramFields> & { status?: Program['status'] }) =>
      apiRequest<{ id: string; status: string }>('PATCH', `/api/programs/${programId}`, changes),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programsKey }),
  });
}

export function useOwnEnrollment(programId: string) {
  return useQuery({
    queryKey: ['enrollment', programId],
    queryFn: () => apiRequest<OwnEnrollment>('GET', `/api/programs/${programId}/enrollment`),
  });
}

export function useEnrol(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnrollmentInput) =>
      apiRequest<{ status: 'enrolled' | 'waitlisted'; position: number | null }>(
        'PUT',
        `/api/programs/${programId}/enrollment`,
        input,
      ),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useWithdraw(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sharedContent: SharedContentChoice) =>
      apiRequest<{ statement: string; sharedContent: string }>(
        'DELETE',
        `/api/programs/${programId}/enrollment?sharedContent=${sharedContent}`,
      ),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useRoster(programId: string) {
  return useQuery({
    queryKey: ['roster', programId],
    queryFn: async () =>
      (await apiRequest<{ enrollments: RosterEntry[] }>('GET', `/api/programs/${programId}/enrollments`))
        .enrollments,
  });
}

export function useOverview(programId: string) {
  return useQuery({
    queryKey: ['overview', programId],
    queryFn: () => apiRequest<Overview>('GET', `/api/programs/${programId}/overview`),
  });
}

export function useTopicLibrary(isEnabled: boolean) {
  return useQuery({
    queryKey: ['topics'],
    queryFn: async () => (await apiRequest<{ topics: TopicEntry[] }>('GET', '/api/topics')).topics,
    enabled: isEnabled,
  });
}

/** Places a facilitator (who may never have signed in) with the hours they can lead. */
export function usePlaceFacilitator(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: { userId: string; availability: string[]; timeZone: string }) =>
      apiRequest<{ status: string }>('PUT', `/api/programs/${programId}/facilitators/${userId}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['roster', programId] }),
  });
}

export type MessageAudience = { kind: 'group' | 'enrolled' | 'unplaced'; groupId?: string };

export function useSendProgramMessage(programId: string) {
  return useMutation({
    mutationFn: (message: { audience: MessageAudience; subject: string; body: string }) =>
      apiRequest<{ recipients: number }>('POST', `/api/programs/${programId}/messages`, message),
  });
}

/** Where each CSV export of a program downloads from (the browser sends the session cookie). */
export function programExportPath(programId: string, name: 'groups' | 'roster' | 'attendance'): string {
  return `/api/programs/${programId}/exports/${name}.csv`;
}

export type NextTermDates = {
  title: string;
  termStart: string;
  termEnd: string;
  enrolmentOpens: string;
  enrolmentCloses: string;
};

/** Next term's draft from this program: its curriculum and settings with new dates, nobody's data. */
export function useCopyProgram(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dates: NextTermDates) =>
      apiRequest<{ id: string; title: string }>('POST', `/api/programs/${programId}/copies`, dates),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programsKey }),
  });
}
