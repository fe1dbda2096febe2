import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';

/** Every field of a program as its form edits it (the server fills in those left out). */
export type ProgramFields = Required<ApiBody<'POST', '/api/programs'>>;
export type Program = ApiResponse<'GET', '/api/programs/{programId}'>;
export type OwnEnrollment = ApiResponse<'GET', '/api/programs/{programId}/enrollment'>;
export type EnrollmentInput = ApiBody<'PUT', '/api/programs/{programId}/enrollment'>;
export type RosterEntry = ApiResponse<'GET', '/api/programs/{programId}/enrollments'>['enrollments'][number];
export type Overview = ApiResponse<'GET', '/api/programs/{programId}/overview'>;
/** What becomes of one's posts and shared reflections on withdrawing. */
export type SharedContentChoice = OwnEnrollment['sharedContentChoices'][number]['value'];

const programsKey = ['programs'];

export function usePrograms() {
  return useQuery({
    queryKey: programsKey,
    queryFn: async () => (await api('GET', '/api/programs')).programs,
  });
}

export function useProgram(programId: string) {
  return useQuery({
    queryKey: [...programsKey, programId],
    queryFn: () => api('GET', '/api/programs/{programId}', { path: { programId } }),
  });
}

export function useCreateProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: ProgramFields) => api('POST', '/api/programs', { body: fields }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programsKey }),
  });
}

export function useUpdateProgram(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ApiBody<'PATCH', '/api/programs/{programId}'>) =>
      api('PATCH', '/api/programs/{programId}', { path: { programId }, body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programsKey }),
  });
}

export function useOwnEnrollment(programId: string) {
  return useQuery({
    queryKey: ['enrollment', programId],
    queryFn: () => api('GET', '/api/programs/{programId}/enrollment', { path: { programId } }),
  });
}

export function useEnrol(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnrollmentInput) =>
      api('PUT', '/api/programs/{programId}/enrollment', { path: { programId }, body: input }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useWithdraw(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sharedContent: SharedContentChoice) =>
      api('DELETE', '/api/programs/{programId}/enrollment', {
        path: { programId },
        query: { sharedContent },
      }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useRoster(programId: string) {
  return useQuery({
    queryKey: ['roster', programId],
    queryFn: async () =>
      (await api('GET', '/api/programs/{programId}/enrollments', { path: { programId } })).enrollments,
  });
}

export function useOverview(programId: string) {
  return useQuery({
    queryKey: ['overview', programId],
    queryFn: () => api('GET', '/api/programs/{programId}/overview', { path: { programId } }),
  });
}

export function useTopicLibrary(isEnabled: boolean) {
  return useQuery({
    queryKey: ['topics'],
    queryFn: async () => (await api('GET', '/api/topics')).topics,
    enabled: isEnabled,
  });
}

/** Places a facilitator (who may never have signed in) with the hours they can lead. */
export function usePlaceFacilitator(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      userId,
      ...body
    }: { userId: string } & ApiBody<'PUT', '/api/programs/{programId}/facilitators/{userId}'>) =>
      api('PUT', '/api/programs/{programId}/facilitators/{userId}', { path: { programId, userId }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['roster', programId] }),
  });
}

export type ProgramMessage = ApiBody<'POST', '/api/programs/{programId}/messages'>;
export type MessageAudience = ProgramMessage['audience'];

export function useSendProgramMessage(programId: string) {
  return useMutation({
    mutationFn: (message: ProgramMessage) =>
      api('POST', '/api/programs/{programId}/messages', { path: { programId }, body: message }),
  });
}

/** Where each CSV export of a program downloads from (the browser sends the session cookie). */
export function programExportPath(programId: string, name: 'groups' | 'roster' | 'attendance'): string {
  return `/api/programs/${programId}/exports/${name}.csv`;
}

export type NextTermDates = ApiBody<'POST', '/api/programs/{programId}/copies'>;

/** Next term's draft from this program: its curriculum and settings with new dates, nobody's data. */
export function useCopyProgram(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dates: NextTermDates) =>
      api('POST', '/api/programs/{programId}/copies', { path: { programId }, body: dates }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programsKey }),
  });
}
