import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/** The organisation's audit log a page at a time, newest first. */
export function useAuditEvents() {
  return useInfiniteQuery({
    queryKey: ['audit-events'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api('GET', '/api/audit-events', { query: { limit: 100, after: pageParam ?? undefined } }),
    getNextPageParam: (page) => page.nextCursor,
  });
}
