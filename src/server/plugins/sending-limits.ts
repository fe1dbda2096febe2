import {
  decideSending,
  defaultSendingLimits,
  describeRefusal,
  type SendingLimits,
} from '../../core/sending-limits/sending-limits.ts';
import type { App, AppDependencies } from '../app-types.ts';
import { AppError } from '../errors.ts';

/** How many sends between sweeps of people who have sent nothing for the longest window. */
const sendsBetweenSweeps = 1_000;

/**
 * Holds each person's recent sends and refuses one over the limit with 429 TOO_MANY_ATTEMPTS, saying
 * when to try again (also as Retry-After). A route opts in with `config.sendingLimit`.
 *
 * Keyed by the signed-in user's id, not the address: a hospital's staff share one address, and whoever
 * floods a colleague is signed in. Not @fastify/rate-limit: its clock is the wall clock, not the app's
 * injected one, and one route can be two kinds (a post or a reply). The decision is the core's pure
 * `decideSending`; the history lives only in this process's memory, so each of several servers keeps
 * its own count and a restart forgets — enough to stop a flood, which is the point, without writing
 * who sent what when. A refused or failed send is not a reason to forget an allowed one: every send
 * that passes validation counts.
 */
export function registerSendingLimits(
  app: App,
  { now }: Pick<AppDependencies, 'now'>,
  limits: SendingLimits = defaultSendingLimits,
): void {
  const history = new Map<string, number[]>();
  const longestWindowMs = Math.max(
    ...Object.values(limits).flatMap((rules) => rules.map((rule) => rule.windowMs)),
  );
  let sendsUntilSweep = sendsBetweenSweeps;

  app.addHook('preHandler', async (request) => {
    const chosen = request.routeOptions.config.sendingLimit;
    if (!chosen || !request.member) return;
    const kind = typeof chosen === 'function' ? chosen(request.body) : chosen;
    const time = now().getTime();
    const key = `${kind}:${request.member.userId}`;
    const decision = decideSending(history.get(key) ?? [], time, limits[kind]);
    if (!decision.isAllowed) {
      const waitMs = decision.retryAt - time;
      throw new AppError('TOO_MANY_ATTEMPTS', describeRefusal(kind, decision.rule, waitMs), {
        headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) },
      });
    }
    history.set(key, decision.sentAt);
    sendsUntilSweep -= 1;
    if (sendsUntilSweep > 0) return;
    sendsUntilSweep = sendsBetweenSweeps;
    for (const [entry, times] of history) {
      if (times.every((sent) => sent <= time - longestWindowMs)) history.delete(entry);
    }
  });
}
