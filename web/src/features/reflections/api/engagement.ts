import { useQuery } from '@tanstack/react-query';
import { type ApiResponse, api } from '../../../lib/api.ts';

export type MeetingEngagement = ApiResponse<
  'GET',
  '/api/programs/{programId}/engagement'
>['meetings'][number];
export type ShownShare = MeetingEngagement['reflected'];

export function useEngagement(programId: string) {
  return useQuery({
    queryKey: ['reflections', 'engagement', programId],
    queryFn: () => api('GET', '/api/programs/{programId}/engagement', { path: { programId } }),
  });
}
