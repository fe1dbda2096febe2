import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiQuery, type ApiResponse, api } from '../../../lib/api.ts';

export type Instrument = ApiResponse<'GET', '/api/instruments'>['instruments'][number];
export type ScheduledWindow = ApiResponse<'GET', '/api/assessment-windows'>['windows'][number];
export type WindowKind = ScheduledWindow['kind'];
export type Outcomes = ApiResponse<'GET', '/api/outcomes'>;
export type Breakdown = Outcomes['breakdown'];
export type ScheduleInput = ApiBody<'POST', '/api/assessment-windows'>;

type OutcomesParameters = ApiQuery<'GET', '/api/outcomes'>;
/** What the outcomes page asks for: always a breakdown, which the API would otherwise default. */
export type OutcomesQuery = Pick<OutcomesParameters, 'instrumentId' | 'programId'> &
  Required<Pick<OutcomesParameters, 'breakdown'>>;

export function outcomesSearch(query: OutcomesQuery): string {
  const search = new URLSearchParams({ instrumentId: query.instrumentId, breakdown: query.breakdown });
  if (query.programId) search.set('programId', query.programId);
  return search.toString();
}

export function useInstruments() {
  return useQuery({
    queryKey: ['instruments'],
    queryFn: () => api('GET', '/api/instruments'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePrograms() {
  return useQuery({
    queryKey: ['outcomes', 'programs'],
    queryFn: () => api('GET', '/api/programs'),
  });
}

export function useWindows() {
  return useQuery({
    queryKey: ['assessment-windows'],
    queryFn: () => api('GET', '/api/assessment-windows'),
  });
}

export function useScheduleWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleInput) => api('POST', '/api/assessment-windows', { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assessment-windows'] }),
  });
}

export function useCloseWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (windowId: string) =>
      api('POST', '/api/assessment-windows/{windowId}/close', { path: { windowId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['assessment-windows'] });
      void queryClient.invalidateQueries({ queryKey: ['outcomes'] });
    },
  });
}

export function useOutcomes(query: OutcomesQuery | null) {
  return useQuery({
    queryKey: ['outcomes', query],
    queryFn: () => api('GET', '/api/outcomes', { query: query as OutcomesQuery }),
    enabled: query !== null,
    // While a newly closed window is being published, look again every few seconds.
    refetchInterval: (current) => (current.state.data?.isUpToDate === false ? 3000 : false),
  });
}
