/** A post or reply as stored, with the author's name looked up. */
export type StoredPost = {
  id: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  isAnonymous: boolean;
  body: string;
  createdAt: string;
  editedAt: string | null;
  hiddenAt: string | null;
  hiddenReason: string | null;
};

/** Who is reading the group space. */
export type PostViewer = { userId: string; isFacilitator: boolean };

/** What one viewer may see of a post. `author` is null when the post is anonymous to them. */
export type PresentedPost = {
  id: string;
  parentId: string | null;
  author: { id: string; name: string } | null;
  authorLabel: string;
  isAnonymous: boolean;
  isMine: boolean;
  /** Null when the post is hidden and the viewer is neither its author nor a facilitator. */
  body: string | null;
  /** An instant, or for an anonymous post only its day (YYYY-MM-DD, UTC): see `dayOnly`. */
  createdAt: string;
  editedAt: string | null;
  isHidden: boolean;
  /** Why a facilitator hid it: told to the author and the facilitators only. */
  hiddenReason: string | null;
};

export const anonymousAuthorLabel = 'A group member';

/**
 * The day of an instant (UTC), without its time. The minute an anonymous post was written is a
 * clue to who wrote it (who was on a break, who had just left the meeting), so it never leaves
 * the server — not even to its author, whose screen others may see.
 */
export function dayOnly(instant: string): string {
  return instant.slice(0, 10);
}

/**
 * The one place that decides what a viewer learns about a post. An anonymous post names nobody to
 * anyone — facilitators included — and only its author is told it is theirs. Hidden content reaches
 * its author (with the reason) and the facilitators who moderate; other members see that a post was
 * hidden, nothing more.
 */
export function presentPost(post: StoredPost, viewer: PostViewer): PresentedPost {
  const isMine = post.authorId === viewer.userId;
  const isHidden = post.hiddenAt !== null;
  const mayReadHidden = isMine || viewer.isFacilitator;
  const author =
    post.isAnonymous || (isHidden && !mayReadHidden) ? null : { id: post.authorId, name: post.authorName };
  return {
    id: post.id,
    parentId: post.parentId,
    author,
    authorLabel: author ? author.name : post.isAnonymous ? anonymousAuthorLabel : 'Hidden',
    isAnonymous: post.isAnonymous,
    isMine,
    body: isHidden && !mayReadHidden ? null : post.body,
    createdAt: post.isAnonymous ? dayOnly(post.createdAt) : post.createdAt,
    editedAt: post.editedAt && post.isAnonymous ? dayOnly(post.editedAt) : post.editedAt,
    isHidden,
    hiddenReason: isHidden && mayReadHidden ? post.hiddenReason : null,
  };
}

export type PostThread = PresentedPost & { replies: PresentedPost[] };

/** Posts newest first, each with its replies oldest first, as one viewer may see them. */
export function presentThreads(posts: readonly StoredPost[], viewer: PostViewer): PostThread[] {
  // Ordered on the stored instants: presented anonymous posts carry only their day.
  const replies = new Map<string, PresentedPost[]>();
  const byTimeAscending = [...posts].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const post of byTimeAscending) {
    if (post.parentId === null) continue;
    const list = replies.get(post.parentId) ?? [];
    list.push(presentPost(post, viewer));
    replies.set(post.parentId, list);
  }
  return posts
    .filter((post) => post.parentId === null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((post) => ({
      ...presentPost(post, viewer),
      replies: replies.get(post.id) ?? [],
    }));
}
