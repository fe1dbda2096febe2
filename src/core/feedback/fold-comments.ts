import type { CommentRelease } from '../evaluation/release-comments.ts';

export type FoldedComment = { text: string; count: number };

/** A comment release with repeats folded: each distinct comment once, with how many wrote it. */
export type FoldedCommentRelease =
  | { status: 'released'; respondentCount: number; comments: readonly FoldedComment[] }
  | Extract<CommentRelease, { status: 'withheld' }>;

/** Case, spacing and a final full stop do not make a comment different. */
function keyOf(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .toLowerCase();
}

/** Of equally common wordings, one in sentence case reads best: not shouted, not all lower case. */
function readabilityRank(text: string): number {
  const first = text.charAt(0);
  const isSentenceCase = first !== first.toLowerCase() && text !== text.toUpperCase();
  return isSentenceCase ? 0 : 1;
}

/**
 * Folds repeated comments into one line with a count, most-written first (ties alphabetically), so
 * twenty "more time for practice" read as one point made twenty times. Each line shows the wording
 * most people used. The counts add nothing to what the release already shows — the same comments
 * listed one by one — so no further privacy check is needed; a withheld release stays withheld.
 */
export function foldComments(release: CommentRelease): FoldedCommentRelease {
  if (release.status === 'withheld') return release;
  const byKey = new Map<string, Map<string, number>>();
  for (const comment of release.comments) {
    const key = keyOf(comment);
    const wordings = byKey.get(key) ?? new Map<string, number>();
    const wording = comment.trim().replace(/\s+/g, ' ');
    wordings.set(wording, (wordings.get(wording) ?? 0) + 1);
    byKey.set(key, wordings);
  }
  const comments = [...byKey.values()].map((wordings) => {
    const ranked = [...wordings].sort(
      ([a, countA], [b, countB]) =>
        countB - countA || readabilityRank(a) - readabilityRank(b) || (a < b ? -1 : a > b ? 1 : 0),
    );
    const count = ranked.reduce((sum, [, times]) => sum + times, 0);
    return { text: ranked[0]?.[0] ?? '', count };
  });
  comments.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { status: 'released', respondentCount: release.respondentCount, comments };
}
