import type { CommentRelease } from '../evaluation/release-comments.ts';

/**
 * What people wrote about working conditions, a page at a time: in a year an organisation files
 * thousands of reports, and the summary would otherwise carry every text of every category. Pages
 * are cut from a frozen weekly release, so an offset names the same comment however long a leader
 * takes to read on, and a page shows nothing the release did not already release.
 */
export const commentsPerPage = 20;

export type CommentPage = { comments: readonly string[]; commentCount: number; nextOffset: number | null };

export function pageOfComments(comments: readonly string[], offset: number, limit: number): CommentPage {
  const end = offset + limit;
  return {
    comments: comments.slice(offset, end),
    commentCount: comments.length,
    nextOffset: end < comments.length ? end : null,
  };
}

/** A category's comments as the summary shows them: the first page, and where the next starts. */
export function firstPageOfComments(release: CommentRelease) {
  return release.status === 'released'
    ? { ...release, ...pageOfComments(release.comments, 0, commentsPerPage) }
    : release;
}
