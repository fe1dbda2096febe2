import { useQuery } from '@tanstack/react-query';
import { type ApiResponse, api } from '../../../lib/api.ts';

export type OutboxMail = ApiResponse<'GET', '/api/outbox'>['mails'][number];

export function useOutbox() {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: () => api('GET', '/api/outbox'),
  });
}
