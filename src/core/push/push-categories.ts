/** What a person can switch push notifications off for, each on its own. */
export const pushCategories = ['meetings', 'follow-ups', 'actions'] as const;
export type PushCategory = (typeof pushCategories)[number];

/**
 * Which notices also go to a person's devices: the ones about time (a meeting soon or moved, a
 * reflection due) and leadership answering what people reported. The rest stay in the app and e-mail.
 */
const categoryOfKind: Record<string, PushCategory> = {
  'group-assignment': 'meetings',
  'meeting-changed': 'meetings',
  'meeting-cancelled': 'meetings',
  'meeting-reminder': 'meetings',
  'reflection-follow-up': 'follow-ups',
  'reflection-catch-up': 'follow-ups',
  'leadership-action': 'actions',
};

export function pushCategoryOf(kind: string): PushCategory | null {
  return categoryOfKind[kind] ?? null;
}
