import { api } from '../../../lib/api.ts';
import { useSearchablePages } from '../../../lib/searchable-pages.ts';

/** The organisation's audit log a page at a time, newest first; `search` matches actions and names. */
export function useAuditEvents(search: string) {
  return useSearchablePages(['audit-events'], search, (page) =>
    api('GET', '/api/audit-events', { query: { limit: 100, ...page } }),
  );
}
