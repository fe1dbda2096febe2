import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/** The organisation's audit log a page at a time, newest first; `search` matches actions and names. */
export function useAuditEvents(search: string) {
  return useInfiniteQuery({
    queryKey: ['audit-events', search],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api('GET', '/api/audit-events', {
        query: { limit: 100, search: search || undefined, after: pageParam ?? undefined },
      }),
    getNextPageParam: (page) => page.nextCursor,
    // A new search keeps the list (and its search box) on screen until its answer comes.
    placeholderData: keepPreviousData,
  });
}
