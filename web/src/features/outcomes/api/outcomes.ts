import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type Instrument = {
  id: string;
  name: string;
  shortName: string;
  itemCount: number;
  hasHelperTerm: boolean;
  subscales: {
    id: string;
    name: string;
    direction: 'higher-is-better' | 'lower-is-better';
    range: { min: number; max: number };
    bands: { id: string; label: string; min: number; max: number }[];
  }[];
  licenceSummary: string;
  useCondition: string | null;
};

export type WindowKind = 'baseline-at-enrolment' | 'end-of-term' | 'every-3-months' | 'every-6-months';

export type ScheduledWindow = {
  id: string;
  programId: string | null;
  instrumentId: string;
  instrumentName: string;
  title: string;
  helperTerm: string | null;
  kind: WindowKind;
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  isClosed: boolean;
  remindersEnabled: boolean;
  reminderAfterDays: number;
  submittedCount: number | null;
};

export type Hidden = { status: 'hidden'; reason: string; explanation: string };
export type Group = { key: string; label: string } | null;
export type Breakdown = 'program' | 'level' | 'discipline';

export type Outcomes = {
  instrument: { id: string; name: string; shortName: string; attribution: string[] };
  programTitle: string | null;
  /** When these figures were published; a newly closed window is published in the background. */
  publishedAt: string | null;
  isUpToDate: boolean;
  openWindows: { id: string; title: string; closesAt: string }[];
  minimumGroupSize: number;
  breakdown: Breakdown;
  windows: { id: string; title: string; opensAt: string }[];
  focusWindowId: string | null;
  baselineWindowId: string | null;
  groups: { key: string; label: string }[];
  trend: {
    windowId: string;
    group: Group;
    result:
      | {
          status: 'released';
          n: number;
          subscales: { subscaleId: string; mean: number; standardDeviation: number | null }[];
        }
      | Hidden;
  }[];
  distributions: {
    group: Group;
    subscaleId: string;
    result:
      | { status: 'released'; n: number; bands: { bandId: string; label: string; count: number | null }[] }
      | Hidden;
  }[];
  change: {
    group: Group;
    result:
      | {
          status: 'released';
          n: number;
          subscales: {
            subscaleId: string;
            meanBefore: number;
            meanAfter: number;
            meanChange: number;
            confidenceInterval: { level: number; lower: number; upper: number } | null;
            cohensDz: number | null;
            hedgesGav: number | null;
            reliableChange:
              | {
                  status: 'computed';
                  reliableChangeThreshold: number;
                  reliability: {
                    coefficient: number;
                    kind: 'cronbach-alpha' | 'test-retest';
                    source: string;
                  };
                  improved: number | null;
                  deteriorated: number | null;
                  noReliableChange: number | null;
                }
              | { status: 'not-computed'; message: string };
          }[];
        }
      | Hidden;
  }[];
  hiddenCount: number;
};

export type OutcomesQuery = { instrumentId: string; breakdown: Breakdown; programId?: string | undefined };

export function outcomesSearch(query: OutcomesQuery): string {
  const search = new URLSearchParams({ instrumentId: query.instrumentId, breakdown: query.breakdown });
  if (query.programId) search.set('programId', query.programId);
  return search.toString();
}

export function useInstruments() {
  return useQuery({
    queryKey: ['instruments'],
    queryFn: () => apiRequest<{ instruments: Instrument[] }>('GET', '/api/instruments'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function usePrograms() {
  return useQuery({
    queryKey: ['outcomes', 'programs'],
    queryFn: () => apiRequest<{ programs: { id: string; title: string }[] }>('GET', '/api/programs'),
  });
}

export function useWindows() {
  return useQuery({
    queryKey: ['assessment-windows'],
    queryFn: () =>
      apiRequest<{ windows: ScheduledWindow[]; minimumGroupSize: number }>('GET', '/api/assessment-windows'),
  });
}

export type ScheduleInput = {
  instrumentId: string;
  programId: string | null;
  title: string;
  helperTerm: string | null;
  kind: WindowKind;
  opensAt: string;
  closesAt: string;
  occurrences: number;
  remindersEnabled: boolean;
  reminderAfterDays: number;
};

export function useScheduleWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleInput) => apiRequest('POST', '/api/assessment-windows', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['assessment-windows'] }),
  });
}

export function useCloseWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (windowId: string) => apiRequest('POST', `/api/assessment-windows/${windowId}/close`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['assessment-windows'] });
      void queryClient.invalidateQueries({ queryKey: ['outcomes'] });
    },
  });
}

export function useOutcomes(query: OutcomesQuery | null) {
  return useQuery({
    queryKey: ['outcomes', query],
    queryFn: () => apiRequest<Outcomes>('GET', `/api/outcomes?${outcomesSearch(query as OutcomesQuery)}`),
    enabled: query !== null,
    // While a newly closed window is being published, look again every few seconds.
    refetchInterval: (current) => (current.state.data?.isUpToDate === false ? 3000 : false),
  });
}
