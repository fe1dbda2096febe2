import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiResponse, api } from '../../../lib/api.ts';

export type ReportingSettings = ApiResponse<'GET', '/api/organization/settings'>;

export function useReportingSettings() {
  return useQuery({
    queryKey: ['organization-settings'],
    queryFn: () => api('GET', '/api/organization/settings'),
  });
}

export function useSaveReportingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReportingSettings) => api('PUT', '/api/organization/settings', { body: settings }),
    onSuccess: (saved) => queryClient.setQueryData(['organization-settings'], saved),
  });
}
