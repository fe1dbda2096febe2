import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type ReportingSettings = {
  minimumReportingGroupSize: number;
  supportResources: { name: string; contact: string }[];
  /** Fewest people (or reports) with free text before any of it is shown. */
  commentMinimum: number;
  /** Units people choose from when reporting a working condition ("Not stated" is always added). */
  units: string[];
  /** Days after a meeting's end that its attendance can still be taken. */
  attendanceWindowDays: number;
};

export function useReportingSettings() {
  return useQuery({
    queryKey: ['organization-settings'],
    queryFn: () => apiRequest<ReportingSettings>('GET', '/api/organization/settings'),
  });
}

export function useSaveReportingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ReportingSettings) =>
      apiRequest<ReportingSettings>('PUT', '/api/organization/settings', settings),
    onSuccess: (saved) => queryClient.setQueryData(['organization-settings'], saved),
  });
}
