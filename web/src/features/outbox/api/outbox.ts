import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type ApiResponse, api } from '../../../lib/api.ts';

export type OutboxMail = ApiResponse<'GET', '/api/outbox'>['mails'][number];

/** The organisation's e-mails a page at a time, newest first; `search` matches recipients and subjects. */
export function useOutbox(search: string) {
  return useInfiniteQuery({
    queryKey: ['outbox', search],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api('GET', '/api/outbox', {
        query: { limit: 100, search: search || undefined, after: pageParam ?? undefined },
      }),
    getNextPageParam: (page) => page.nextCursor,
    // A new search keeps the list (and its search box) on screen until its answer comes.
    placeholderData: keepPreviousData,
  });
}
