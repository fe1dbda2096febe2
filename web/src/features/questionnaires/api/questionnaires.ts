import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type AssessmentWindow = {
  id: string;
  programId: string | null;
  instrumentId: string;
  instrumentName: string;
  title: string;
  kind: string;
  opensAt: string;
  closesAt: string;
  isClosed: boolean;
};

export type ResponseStatus = 'not-started' | 'draft' | 'submitted';

export type OwnAssessment = {
  window: AssessmentWindow;
  opensAt: string;
  closesAt: string;
  isOpen: boolean;
  status: ResponseStatus;
};

export type SubscaleScore =
  | {
      subscaleId: string;
      name: string;
      status: 'complete';
      score: number;
      band: { id: string; label: string; meaning: string };
      /** High burnout or secondary traumatic stress, low well-being: support is offered, privately. */
      suggestsSupport: boolean;
    }
  | { subscaleId: string; name: string; status: 'incomplete'; missingItems: number[] };

export type Questionnaire = {
  window: AssessmentWindow;
  isOpen: boolean;
  status: ResponseStatus;
  instrument: {
    id: string;
    name: string;
    instructions: string;
    recallPeriod: string | null;
    items: { number: number; text: string; options: { value: number; label: string }[] }[];
    attribution: string[];
    citation: string;
    links: { label: string; url: string }[];
    alteredWording: string | null;
  };
  answers: Record<string, number>;
  scores: SubscaleScore[] | null;
};

export type PersonalResult = {
  instrumentId: string;
  name: string;
  attribution: string[];
  bandsNote: string;
  subscales: {
    subscaleId: string;
    name: string;
    description: string;
    direction: 'higher-is-better' | 'lower-is-better';
    range: { min: number; max: number };
    latest:
      | { status: 'complete'; score: number; bandLabel: string; meaning: string; suggestsSupport: boolean }
      | { status: 'incomplete'; missingItems: number[] }
      | null;
    trend: { windowId: string; windowTitle: string; submittedAt: string; score: number }[];
  }[];
};

export type SupportMessage = {
  title: string;
  body: string;
  reasons: string[];
  resources: { name: string; contact: string }[];
};

export function useOwnAssessments() {
  return useQuery({
    queryKey: ['my-assessments'],
    queryFn: () => apiRequest<{ assessments: OwnAssessment[] }>('GET', '/api/me/assessments'),
  });
}

export function useQuestionnaire(windowId: string) {
  return useQuery({
    queryKey: ['my-assessments', windowId],
    queryFn: () => apiRequest<Questionnaire>('GET', `/api/me/assessments/${windowId}`),
  });
}

export function useSaveAnswers(windowId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ answers, mode }: { answers: Record<string, number | null>; mode: 'draft' | 'submit' }) =>
      mode === 'draft'
        ? apiRequest<{ status: string }>('PUT', `/api/me/assessments/${windowId}/draft`, { answers })
        : apiRequest<{ status: string }>('POST', `/api/me/assessments/${windowId}/submit`, { answers }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['my-assessments'] });
      void queryClient.invalidateQueries({ queryKey: ['my-results'] });
      void queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export function useOwnResults(enabled = true) {
  return useQuery({
    queryKey: ['my-results'],
    enabled,
    queryFn: () =>
      apiRequest<{ results: PersonalResult[]; support: SupportMessage | null }>('GET', '/api/me/results'),
  });
}
