import { useInfiniteQuery } from '@tanstack/react-query';
import { type ApiResponse, api } from '../../../lib/api.ts';

export type OutboxMail = ApiResponse<'GET', '/api/outbox'>['mails'][number];

/** The organisation's e-mails a page at a time, newest first. */
export function useOutbox() {
  return useInfiniteQuery({
    queryKey: ['outbox'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api('GET', '/api/outbox', { query: { limit: 100, after: pageParam ?? undefined } }),
    getNextPageParam: (page) => page.nextCursor,
  });
}
