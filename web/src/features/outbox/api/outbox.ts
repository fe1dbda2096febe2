import { type ApiResponse, api } from '../../../lib/api.ts';
import { useSearchablePages } from '../../../lib/searchable-pages.ts';

export type OutboxMail = ApiResponse<'GET', '/api/outbox'>['mails'][number];

/** The organisation's e-mails a page at a time, newest first; `search` matches recipients and subjects. */
export function useOutbox(search: string) {
  return useSearchablePages(['outbox'], search, (page) =>
    api('GET', '/api/outbox', { query: { limit: 100, ...page } }),
  );
}
