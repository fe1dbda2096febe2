import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type ReportForm = {
  categories: { value: string; label: string }[];
  units: string[];
  warning: string;
};

export type ReportCount =
  | { status: 'released'; reports: number }
  | { status: 'suppressed'; explanation: string };

export type CommentRelease =
  | { status: 'released'; respondentCount: number; comments: string[] }
  | { status: 'withheld'; minimumRespondents: number; message: string };

export type ReportSummary = {
  minimumGroupSize: number;
  weeks: string[];
  units: string[];
  total: ReportCount;
  categories: {
    category: string;
    label: string;
    total: ReportCount;
    byWeek: ReportCount[];
    byUnit: ReportCount[];
    comments: CommentRelease;
  }[];
  unitTotals: ReportCount[];
  weekTotals: ReportCount[];
};

export const actionStatuses = [
  { value: 'planned', label: 'Planned' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
] as const;
export type ActionStatus = (typeof actionStatuses)[number]['value'];

export type LeadershipAction = {
  id: string;
  title: string;
  description: string;
  ownerName: string;
  status: ActionStatus;
  dueDate: string | null;
  categories: string[];
  updatedAt: string;
};

export type LeadershipActionInput = Omit<LeadershipAction, 'id' | 'updatedAt'>;

export function useReportForm() {
  return useQuery({
    queryKey: ['working-condition-form'],
    queryFn: () => apiRequest<ReportForm>('GET', '/api/working-condition-reports/form'),
  });
}

export function useFileReport() {
  return useMutation({
    mutationFn: (report: { category: string; unit: string; text: string }) =>
      apiRequest<{ week: string }>('POST', '/api/working-condition-reports', report),
  });
}

export function useReportSummary() {
  return useQuery({
    queryKey: ['working-condition-summary'],
    queryFn: () => apiRequest<ReportSummary>('GET', '/api/working-condition-reports/summary'),
  });
}

export function useLeadershipActions() {
  return useQuery({
    queryKey: ['leadership-actions'],
    queryFn: () => apiRequest<{ actions: LeadershipAction[] }>('GET', '/api/leadership-actions'),
  });
}

export function useCreateLeadershipAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: LeadershipActionInput) =>
      apiRequest<LeadershipAction>('POST', '/api/leadership-actions', action),
    onSuccess: () => client.invalidateQueries({ queryKey: ['leadership-actions'] }),
  });
}

export function useUpdateLeadershipAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...changes }: Partial<LeadershipActionInput> & { id: string }) =>
      apiRequest<LeadershipAction>('PATCH', `/api/leadership-actions/${id}`, changes),
    onSuccess: () => client.invalidateQueries({ queryKey: ['leadership-actions'] }),
  });
}
