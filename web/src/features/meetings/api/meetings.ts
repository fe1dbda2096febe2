import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';

export type MyGroup = ApiResponse<'GET', '/api/me/groups'>['groups'][number];
export type MeetingSummary = MyGroup['meetings'][number];
/** `ownPlace`: the meeting's own place and link (null: the group's), for those who run it. */
export type MeetingDetail = ApiResponse<'GET', '/api/meetings/{meetingId}'>;
export type Topic = NonNullable<MeetingDetail['topic']>;
export type MeetingChanges = ApiBody<'PATCH', '/api/meetings/{meetingId}'>;
export type AttendanceRecord = ApiBody<'PUT', '/api/meetings/{meetingId}/attendance'>['records'][number];

export function useMyGroups() {
  return useQuery({
    queryKey: ['my-groups'],
    queryFn: async () => (await api('GET', '/api/me/groups')).groups,
  });
}

export function useMeeting(meetingId: string) {
  return useQuery({
    queryKey: ['meeting', meetingId],
    queryFn: () => api('GET', '/api/meetings/{meetingId}', { path: { meetingId } }),
  });
}

export function useChangeMeeting(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: MeetingChanges) =>
      api('PATCH', '/api/meetings/{meetingId}', { path: { meetingId }, body: changes }),
    onSuccess: (meeting) => {
      queryClient.setQueryData(['meeting', meetingId], meeting);
      void queryClient.invalidateQueries({ queryKey: ['my-groups'] });
    },
  });
}

export function useSetGroupPlace(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (place: ApiBody<'PUT', '/api/groups/{groupId}/place'>) =>
      api('PUT', '/api/groups/{groupId}/place', { path: { groupId }, body: place }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-groups'] }),
  });
}

export function useMessageGroup(programId: string, groupId: string) {
  return useMutation({
    mutationFn: (message: Omit<ApiBody<'POST', '/api/programs/{programId}/messages'>, 'audience'>) =>
      api('POST', '/api/programs/{programId}/messages', {
        path: { programId },
        body: { audience: { kind: 'group', groupId }, ...message },
      }),
  });
}

export function useRecordAttendance(meetingId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (records: AttendanceRecord[]) =>
      api('PUT', '/api/meetings/{meetingId}/attendance', { path: { meetingId }, body: { records } }),
    onSuccess: (meeting) => queryClient.setQueryData(['meeting', meetingId], meeting),
  });
}
