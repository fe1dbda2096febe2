import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export type OutboxMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  calendar: string | null;
  status: 'waiting' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export function useOutbox() {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: () => apiRequest<{ isDeliveryConfigured: boolean; mails: OutboxMail[] }>('GET', '/api/outbox'),
  });
}
