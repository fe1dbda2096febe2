import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type ShownShare =
  | { isShown: true; share: number; peopleCount: number }
  | { isShown: false; explanation: string };

export type MeetingEngagement = {
  meetingId: string;
  groupName: string;
  sequence: number;
  startsAt: string;
  reflected: ShownShare;
  practised: ShownShare;
};

export function useEngagement(programId: string) {
  return useQuery({
    queryKey: ['reflections', 'engagement', programId],
    queryFn: () =>
      apiRequest<{ minimumGroupSize: number; meetings: MeetingEngagement[] }>(
        'GET',
        `/api/programs/${programId}/engagement`,
      ),
  });
}
