import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canSeeRecognition,
  findVisibilityProblem,
  recognitionVisibilities,
} from './recognition-visibility.ts';

describe('findVisibilityProblem', () => {
  it('always lets private thanks through', () => {
    expect(
      findVisibilityProblem({
        visibility: 'private',
        groupId: null,
        acceptsPublicRecognition: false,
        sharedGroupIds: [],
      }),
    ).toBeNull();
  });

  it('refuses public recognition to someone who turned it off', () => {
    for (const visibility of ['group', 'organization'] as const) {
      expect(
        findVisibilityProblem({
          visibility,
          groupId: 'g1',
          acceptsPublicRecognition: false,
          sharedGroupIds: ['g1'],
        })?.field,
      ).toBe('visibility');
    }
  });

  it('needs a group both people share for the group wall', () => {
    const ask = { visibility: 'group' as const, acceptsPublicRecognition: true, sharedGroupIds: ['g1'] };
    expect(findVisibilityProblem({ ...ask, groupId: null })?.field).toBe('groupId');
    expect(findVisibilityProblem({ ...ask, groupId: 'g2' })?.field).toBe('groupId');
    expect(findVisibilityProblem({ ...ask, groupId: 'g1' })).toBeNull();
  });
});

describe('canSeeRecognition', () => {
  it('shows nothing beyond the two people once the recipient turns public recognition off (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...recognitionVisibilities),
        fc.constantFrom('g1', 'g2', null),
        fc.constantFrom('sender', 'recipient', 'colleague'),
        fc.subarray(['g1', 'g2']),
        (visibility, groupId, viewerId, groupIds) => {
          const recognition = { senderId: 'sender', recipientId: 'recipient', visibility, groupId };
          const isVisible = canSeeRecognition(recognition, { userId: viewerId, groupIds }, false);
          expect(isVisible).toBe(viewerId !== 'colleague');
        },
      ),
    );
  });

  it('shows group recognition to that group only, and organisation recognition to everyone', () => {
    const group = { senderId: 's', recipientId: 'r', visibility: 'group' as const, groupId: 'g1' };
    expect(canSeeRecognition(group, { userId: 'x', groupIds: ['g1'] }, true)).toBe(true);
    expect(canSeeRecognition(group, { userId: 'x', groupIds: ['g2'] }, true)).toBe(false);
    const wall = { ...group, visibility: 'organization' as const, groupId: null };
    expect(canSeeRecognition(wall, { userId: 'x', groupIds: [] }, true)).toBe(true);
    const privately = { ...group, visibility: 'private' as const };
    expect(canSeeRecognition(privately, { userId: 'x', groupIds: ['g1'] }, true)).toBe(false);
  });
});
