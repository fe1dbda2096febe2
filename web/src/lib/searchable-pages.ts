import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';

/** What one page of a searchable list is asked with: the search, if any, and the previous page's cursor. */
export type PageQuery = { search: string | undefined; after: string | undefined };

/**
 * A list that comes a page at a time and can be searched (the server's `search` and `after`). A new
 * search keeps the list, and its search box, on screen until its answer comes.
 */
export function useSearchablePages<Page extends { nextCursor: string | null }>(
  key: readonly unknown[],
  search: string,
  fetchPage: (query: PageQuery) => Promise<Page>,
  options: { refetchInterval?: number } = {},
) {
  return useInfiniteQuery({
    queryKey: [...key, search],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchPage({ search: search || undefined, after: pageParam ?? undefined }),
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    ...options,
  });
}
