import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymousAuthorLabel, presentPost, presentThreads, type StoredPost } from './present-post.ts';

const base: StoredPost = {
  id: 'p1',
  parentId: null,
  authorId: 'ana',
  authorName: 'Ana Ruiz',
  isAnonymous: false,
  body: 'A hard week.',
  createdAt: '2027-01-01T10:00:00.000Z',
  editedAt: null,
  hiddenAt: null,
  hiddenReason: null,
};

describe('presentPost', () => {
  it('names the author of a post that is not anonymous', () => {
    const post = presentPost(base, { userId: 'ben', isFacilitator: false });
    expect(post.author).toEqual({ id: 'ana', name: 'Ana Ruiz' });
    expect(post.isMine).toBe(false);
  });

  it('never names the author of an anonymous post, not even to the facilitator', () => {
    const anonymous = { ...base, isAnonymous: true };
    for (const viewer of [
      { userId: 'ben', isFacilitator: false },
      { userId: 'fay', isFacilitator: true },
    ]) {
      const post = presentPost(anonymous, viewer);
      expect(post.author).toBeNull();
      expect(post.authorLabel).toBe(anonymousAuthorLabel);
      expect(JSON.stringify(post)).not.toContain('ana');
    }
  });

  it('tells the author of an anonymous post that it is theirs', () => {
    const post = presentPost({ ...base, isAnonymous: true }, { userId: 'ana', isFacilitator: false });
    expect(post.isMine).toBe(true);
    expect(post.author).toBeNull();
  });

  it('shows a hidden post to other members without its content, author or reason', () => {
    const hidden = { ...base, hiddenAt: '2027-01-02T00:00:00.000Z', hiddenReason: 'Names a patient' };
    const post = presentPost(hidden, { userId: 'ben', isFacilitator: false });
    expect(post).toMatchObject({ isHidden: true, body: null, author: null, hiddenReason: null });
  });

  it('tells the author and the facilitator that a post was hidden and why', () => {
    const hidden = { ...base, hiddenAt: '2027-01-02T00:00:00.000Z', hiddenReason: 'Names a patient' };
    for (const viewer of [
      { userId: 'ana', isFacilitator: false },
      { userId: 'fay', isFacilitator: true },
    ]) {
      expect(presentPost(hidden, viewer)).toMatchObject({
        body: 'A hard week.',
        hiddenReason: 'Names a patient',
      });
    }
  });
});

describe('the time of an anonymous post', () => {
  const written = { ...base, isAnonymous: true, createdAt: '2027-01-01T10:47:13.000Z' };

  it('is the day only, for every viewer, its author included', () => {
    for (const viewer of [
      { userId: 'ben', isFacilitator: false },
      { userId: 'fay', isFacilitator: true },
      { userId: 'ana', isFacilitator: false },
    ]) {
      const post = presentPost({ ...written, editedAt: '2027-01-02T08:05:00.000Z' }, viewer);
      expect(post.createdAt).toBe('2027-01-01');
      expect(post.editedAt).toBe('2027-01-02');
      expect(JSON.stringify(post)).not.toMatch(/T\d\d:\d\d/);
    }
  });

  it('keeps the exact time of a named post', () => {
    expect(presentPost(base, { userId: 'ben', isFacilitator: false }).createdAt).toBe(base.createdAt);
  });

  it('still orders anonymous replies by when they were written', () => {
    const threads = presentThreads(
      [
        { ...base, id: 'p' },
        { ...written, id: 'late', parentId: 'p', createdAt: '2027-01-01T18:00:00.000Z' },
        { ...written, id: 'early', parentId: 'p', createdAt: '2027-01-01T11:00:00.000Z' },
      ],
      { userId: 'ben', isFacilitator: false },
    );
    expect(threads[0]?.replies.map((reply) => reply.id)).toEqual(['early', 'late']);
  });
});

describe('presentThreads', () => {
  it('orders posts newest first and their replies oldest first', () => {
    const posts: StoredPost[] = [
      { ...base, id: 'old', createdAt: '2027-01-01T00:00:00.000Z' },
      { ...base, id: 'new', createdAt: '2027-01-03T00:00:00.000Z' },
      { ...base, id: 'r2', parentId: 'old', createdAt: '2027-01-05T00:00:00.000Z' },
      { ...base, id: 'r1', parentId: 'old', createdAt: '2027-01-04T00:00:00.000Z' },
    ];
    const threads = presentThreads(posts, { userId: 'ben', isFacilitator: false });
    expect(threads.map((thread) => thread.id)).toEqual(['new', 'old']);
    expect(threads[1]?.replies.map((reply) => reply.id)).toEqual(['r1', 'r2']);
  });

  it('never lets another viewer see who wrote an anonymous post or reply (property)', () => {
    const people = ['u-ana', 'u-ben', 'u-cai', 'u-dee', 'u-eli'];
    const postArbitrary = fc.record({
      authorIndex: fc.integer({ min: 0, max: people.length - 1 }),
      isAnonymous: fc.boolean(),
      isHidden: fc.boolean(),
      isReply: fc.boolean(),
      body: fc.string({ maxLength: 20 }),
    });
    fc.assert(
      fc.property(
        fc.array(postArbitrary, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: people.length - 1 }),
        fc.boolean(),
        (drafts, viewerIndex, isFacilitator) => {
          const posts: StoredPost[] = drafts.map((draft, index) => ({
            ...base,
            id: `post-${index}`,
            parentId: draft.isReply && index > 0 ? 'post-0' : null,
            authorId: people[draft.authorIndex] ?? 'u-ana',
            authorName: `Name of ${people[draft.authorIndex]}`,
            isAnonymous: draft.isAnonymous,
            // Bodies never contain ids or names, so any leak comes from the presentation itself.
            body: draft.body.replace(/u-|Name/g, ''),
            createdAt: new Date(Date.UTC(2027, 0, 1, 0, index)).toISOString(),
            hiddenAt: draft.isHidden ? '2027-02-01T00:00:00.000Z' : null,
            hiddenReason: draft.isHidden ? 'off topic' : null,
          }));
          const viewer = people[viewerIndex] ?? 'u-ana';
          const seen = JSON.stringify(presentThreads(posts, { userId: viewer, isFacilitator }));
          for (const post of posts) {
            const onlyAnonymous = posts.every(
              (other) => other.authorId !== post.authorId || other.isAnonymous,
            );
            if (post.isAnonymous && onlyAnonymous && post.authorId !== viewer) {
              expect(seen).not.toContain(post.authorId);
              expect(seen).not.toContain(post.authorName);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
