import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { Role } from '../../session/api/session.ts';

type Count = { key: string; label: string; count: number };

export type Dashboard = {
  organization: { name: string; timeZone: string };
  role: Role;
  membersByRole: Count[] | null;
  membersByLevel: Count[] | null;
  nextSteps: { title: string; description: string; href: string }[];
};

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: () => apiRequest<Dashboard>('GET', '/api/dashboard') });
}
