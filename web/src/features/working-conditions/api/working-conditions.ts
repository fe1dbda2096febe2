import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';

export type ReportForm = ApiResponse<'GET', '/api/working-condition-reports/form'>;
export type ReportSummary = ApiResponse<'GET', '/api/working-condition-reports/summary'>;
export type ReportCount = ReportSummary['total'];
export type CommentRelease = ReportSummary['categories'][number]['comments'];

export type LeadershipAction = ApiResponse<'POST', '/api/leadership-actions'>;
export type ActionStatus = LeadershipAction['status'];
export const actionStatuses: readonly { value: ActionStatus; label: string }[] = [
  { value: 'planned', label: 'Planned' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
];

export type LeadershipActionInput = ApiBody<'POST', '/api/leadership-actions'>;
export type StressorCategory = NonNullable<LeadershipActionInput['categories']>[number];

export function useReportForm() {
  return useQuery({
    queryKey: ['working-condition-form'],
    queryFn: () => api('GET', '/api/working-condition-reports/form'),
  });
}

export function useFileReport() {
  return useMutation({
    mutationFn: (report: ApiBody<'POST', '/api/working-condition-reports'>) =>
      api('POST', '/api/working-condition-reports', { body: report }),
  });
}

/** The pages of a category's comments after the summary's first, once `isWanted`. */
export function useMoreReportComments(
  week: string,
  category: StressorCategory,
  firstOffset: number | null,
  isWanted: boolean,
) {
  return useInfiniteQuery({
    queryKey: ['working-condition-comments', week, category],
    enabled: isWanted && firstOffset !== null,
    initialPageParam: firstOffset ?? 0,
    queryFn: ({ pageParam }) =>
      api('GET', '/api/working-condition-reports/summary/comments', {
        query: { week, category, offset: pageParam, limit: 50 },
      }),
    getNextPageParam: (page) => page.nextOffset,
  });
}

export function useReportSummary() {
  return useQuery({
    queryKey: ['working-condition-summary'],
    queryFn: () => api('GET', '/api/working-condition-reports/summary'),
  });
}

export function useLeadershipActions() {
  return useQuery({
    queryKey: ['leadership-actions'],
    queryFn: () => api('GET', '/api/leadership-actions'),
  });
}

export function useCreateLeadershipAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: LeadershipActionInput) => api('POST', '/api/leadership-actions', { body: action }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['leadership-actions'] }),
  });
}

export function useUpdateLeadershipAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: Partial<LeadershipActionInput> & { id: string }) =>
      api('PATCH', '/api/leadership-actions/{actionId}', { path: { actionId: id }, body: changes }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['leadership-actions'] }),
  });
}
