import { useQuery } from '@tanstack/react-query';
import { type ApiResponse, api } from '../../../lib/api.ts';

export type Dashboard = ApiResponse<'GET', '/api/dashboard'>;
export type Participation = NonNullable<Dashboard['participation']>;
export type Facilitation = NonNullable<Dashboard['facilitation']>;
export type Coordination = NonNullable<Dashboard['coordination']>;
export type Leadership = NonNullable<Dashboard['leadership']>;
export type NextMeeting = NonNullable<Participation['nextMeeting']>;
export type ProgramPhase = Coordination['programs'][number]['phase'];

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: () => api('GET', '/api/dashboard') });
}
