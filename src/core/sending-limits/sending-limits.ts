/**
 * How much one person may send to others in a while. Each thing that reaches other people — a
 * recognition, a group post, a report — costs its recipients attention (a notice, maybe an e-mail), so
 * one person sending thousands in a minute is abuse or a runaway script, never a conversation. The
 * limits are far above what anyone writes by hand and stop a flood within seconds.
 */
export const sendingKinds = [
  'recognition',
  'group-post',
  'group-reply',
  'post-report',
  'supervision-message',
  'feedback-response',
  'meeting-change',
  'group-message',
] as const;

export type SendingKind = (typeof sendingKinds)[number];

/** At most `limit` sends in any `windowMs` milliseconds. */
export type SendingRule = { limit: number; windowMs: number };
export type SendingLimits = Record<SendingKind, readonly SendingRule[]>;

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** A short burst is fine (thanking a whole team after a hard shift); a day has a ceiling too. */
export const defaultSendingLimits: SendingLimits = {
  recognition: [
    { limit: 10, windowMs: 10 * minute },
    { limit: 50, windowMs: day },
  ],
  'group-post': [
    { limit: 10, windowMs: 10 * minute },
    { limit: 60, windowMs: day },
  ],
  'group-reply': [
    { limit: 30, windowMs: 10 * minute },
    { limit: 200, windowMs: day },
  ],
  'post-report': [
    { limit: 10, windowMs: hour },
    { limit: 30, windowMs: day },
  ],
  'supervision-message': [
    { limit: 10, windowMs: hour },
    { limit: 40, windowMs: day },
  ],
  'feedback-response': [
    { limit: 10, windowMs: hour },
    { limit: 30, windowMs: day },
  ],
  'meeting-change': [
    { limit: 30, windowMs: hour },
    { limit: 200, windowMs: day },
  ],
  // A message can reach a whole program: a few an hour is plenty for a coordinator.
  'group-message': [
    { limit: 10, windowMs: hour },
    { limit: 40, windowMs: day },
  ],
};

/** What people call each kind in a sentence: "You sent 10 recognitions in the last 10 minutes." */
export const sendingNouns: Record<SendingKind, string> = {
  recognition: 'recognitions',
  'group-post': 'group posts',
  'group-reply': 'replies',
  'post-report': 'reports of posts',
  'supervision-message': 'supervision requests and changes',
  'feedback-response': '"you said, we did" notes',
  'meeting-change': 'meeting changes',
  'group-message': 'messages to groups',
};

export type SendingDecision =
  | { isAllowed: true; sentAt: number[] }
  | { isAllowed: false; retryAt: number; rule: SendingRule };

/**
 * Whether one more send is allowed at `now`, given when this person's earlier ones were (a sliding
 * window per rule, so no burst at a window's edge doubles the limit). When allowed, `sentAt` is the
 * history to keep: the new send added, anything older than the longest window dropped. When not,
 * `retryAt` is the first moment every rule would allow it again.
 */
export function decideSending(
  sentAt: readonly number[],
  now: number,
  rules: readonly SendingRule[],
): SendingDecision {
  let refusal: { retryAt: number; rule: SendingRule } | null = null;
  for (const rule of rules) {
    const inWindow = sentAt.filter((time) => time > now - rule.windowMs).sort((a, b) => a - b);
    if (inWindow.length < rule.limit) continue;
    // The window must lose enough of its oldest sends to leave room for one more.
    const freedBy = inWindow[inWindow.length - rule.limit];
    const retryAt = (freedBy ?? now) + rule.windowMs;
    if (!refusal || retryAt > refusal.retryAt) refusal = { retryAt, rule };
  }
  if (refusal) return { isAllowed: false, ...refusal };
  const longest = Math.max(0, ...rules.map((rule) => rule.windowMs));
  return { isAllowed: true, sentAt: [...sentAt.filter((time) => time > now - longest), now] };
}

/** "10 minutes", "1 hour", "2 days": a duration as a person says it, rounded up. */
export function describeDuration(milliseconds: number): string {
  const minutes = Math.max(1, Math.ceil(milliseconds / minute));
  if (minutes < 60) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  if (hours < 24) return hours === 1 ? '1 hour' : `${hours} hours`;
  const days = Math.ceil(hours / 24);
  return days === 1 ? '1 day' : `${days} days`;
}

/** The 429's message: what the limit is and when the person can send again. */
export function describeRefusal(kind: SendingKind, rule: SendingRule, waitMs: number): string {
  return (
    `You sent ${rule.limit} ${sendingNouns[kind]} in the last ${describeDuration(rule.windowMs)}, ` +
    `the most Tend allows. You can send again in ${describeDuration(waitMs)}.`
  );
}
