import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type MeetingSummary = {
  id: string;
  sequence: number;
  startsAt: string;
  endsAt: string;
  place: string | null;
  videoUrl: string | null;
  isCancelled: boolean;
  topicTitle: string | null;
};

export type MyGroup = {
  id: string;
  name: string;
  programId: string;
  programTitle: string;
  slot: string | null;
  /** Where the group usually meets; a meeting's own place overrides it. */
  place: string | null;
  videoUrl: string | null;
  isFacilitator: boolean;
  members: { id: string; name: string; isFacilitator: boolean }[];
  meetings: MeetingSummary[];
};

export type Topic = {
  title: string;
  summary: string;
  goals: string[];
  facilitatorBriefing: string[];
  openingCheckIn: string;
  discussionPrompts: { text: string; facilitatorNote?: string; suggestedMinutes?: number }[];
  practice: { name: string; steps: string[]; minutes: number };
  followUpPrompts: string[];
};

export type MeetingDetail = Omit<MeetingSummary, 'topicTitle'> & {
  groupName: string;
  programTitle: string;
  meetingMinutes: number;
  /** The organisation's zone: the change form takes times in it. */
  timeZone: string;
  canRun: boolean;
  /** The meeting's own place and link (null: the group's), for those who run it. */
  ownPlace: { place: string | null; videoUrl: string | null } | null;
  /** Attendance can be taken from the start until the window after the end closes. */
  attendanceWindow: { state: 'not-yet' | 'open' | 'closed'; opensAt: string; closesAt: string };
  topic: Topic | null;
  roster: {
    id: string;
    name: string;
    isFacilitator: boolean;
    attendance: 'present' | 'absent' | 'excused' | null;
  }[];
};

export function useMyGroups() {
  return useQuery({
    queryKey: ['my-groups'],
    queryFn: async () => (await apiRequest<{ groups: MyGroup[] }>('GET', '/api/me/groups')).groups,
  });
}

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: ['meeting', meetingId],
    queryFn: () => apiRequest<MeetingDetail>('GET', `/api/meetings/${meetingId}`),
  });
}

export function useChangeMeeting(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: {
      startsAt?: string;
      endsAt?: string;
      place?: string | null;
      videoUrl?: string | null;
      isCancelled?: true;
      reason?: string;
    }) => apiRequest<MeetingDetail>('PATCH', `/api/meetings/${meetingId}`, changes),
    onSuccess: (meeting) => {
      queryClient.setQueryData(['meeting', meetingId], meeting);
      void queryClient.invalidateQueries({ queryKey: ['my-groups'] });
    },
  });
}

export function useSetGroupPlace(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (place: { place: string | null; videoUrl: string | null }) =>
      apiRequest<{ groupId: string }>('PUT', `/api/groups/${groupId}/place`, place),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-groups'] }),
  });
}

export function useMessageGroup(programId: string, groupId: string) {
  return useMutation({
    mutationFn: (message: { subject: string; body: string }) =>
      apiRequest<{ recipients: number }>('POST', `/api/programs/${programId}/messages`, {
        audience: { kind: 'group', groupId },
        ...message,
      }),
  });
}

export function useRecordAttendance(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (records: { userId: string; status: 'present' | 'absent' | 'excused' }[]) =>
      apiRequest<MeetingDetail>('PUT', `/api/meetings/${meetingId}/attendance`, { records }),
    onSuccess: (meeting) => queryClient.setQueryData(['meeting', meetingId], meeting),
  });
}
