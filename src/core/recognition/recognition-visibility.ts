export const recognitionKinds = ['accomplishment', 'gratitude', 'effort'] as const;
export type RecognitionKind = (typeof recognitionKinds)[number];

export const recognitionVisibilities = ['private', 'group', 'organization'] as const;
export type RecognitionVisibility = (typeof recognitionVisibilities)[number];

export type VisibilityProblem = { field: 'visibility' | 'groupId'; message: string };

/**
 * Whether a recognition may be shown as the sender asks. Private thanks always reach the recipient;
 * anything public needs the recipient to accept public recognition, and a group wall needs a group
 * both people share.
 */
export function findVisibilityProblem(request: {
  visibility: RecognitionVisibility;
  groupId: string | null;
  acceptsPublicRecognition: boolean;
  sharedGroupIds: readonly string[];
}): VisibilityProblem | null {
  if (request.visibility === 'private') return null;
  if (!request.acceptsPublicRecognition) {
    return {
      field: 'visibility',
      message: 'This colleague receives private thanks only; send it privately instead.',
    };
  }
  if (request.visibility === 'group') {
    if (request.groupId === null) return { field: 'groupId', message: 'choose the group to show it to' };
    if (!request.sharedGroupIds.includes(request.groupId)) {
      return { field: 'groupId', message: 'choose a group you and your colleague are both in' };
    }
  }
  return null;
}

type VisibleRecognition = {
  senderId: string;
  recipientId: string;
  visibility: RecognitionVisibility;
  groupId: string | null;
};

/**
 * Whether a recognition is on the wall of someone in `viewerGroupIds`: organisation-wide, or shown to
 * a group they are in now — and only while its recipient still accepts public recognition.
 */
export function isOnWall(
  recognition: VisibleRecognition,
  viewerGroupIds: readonly string[],
  recipientAcceptsPublicRecognition: boolean,
): boolean {
  if (!recipientAcceptsPublicRecognition) return false;
  if (recognition.visibility === 'organization') return true;
  return (
    recognition.visibility === 'group' &&
    recognition.groupId !== null &&
    viewerGroupIds.includes(recognition.groupId)
  );
}

/** Who may read a recognition: the two people always; others only when it is on their wall. */
export function canSeeRecognition(
  recognition: VisibleRecognition,
  viewer: { userId: string; groupIds: readonly string[] },
  recipientAcceptsPublicRecognition: boolean,
): boolean {
  if (viewer.userId === recognition.senderId || viewer.userId === recognition.recipientId) return true;
  return isOnWall(recognition, viewer.groupIds, recipientAcceptsPublicRecognition);
}
