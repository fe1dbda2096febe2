import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app-types.ts';
import { AppError } from '../errors.ts';

export type RequestQueueOptions = {
  /** API requests worked on at once; more only wait longer for the one embedded connection. */
  maxConcurrent: number;
  /** Requests allowed to wait; one more is answered 503 at once instead of hanging. */
  maxWaiting: number;
  /** The longest a request waits for its turn before it is answered 503. */
  maxWaitMs: number;
};

/** The embedded database has one connection: a few requests at a time, a bounded line behind them. */
export const embeddedDatabaseQueue: RequestQueueOptions = {
  maxConcurrent: 4,
  maxWaiting: 200,
  maxWaitMs: 10_000,
};
/** PostgreSQL's pool queues too; this only keeps a flood from piling up without bound. */
export const postgresQueue: RequestQueueOptions = { maxConcurrent: 64, maxWaiting: 2_000, maxWaitMs: 10_000 };

const retryAfterSeconds = 2;

const busy = () =>
  new AppError(
    'SERVICE_UNAVAILABLE',
    `Tend is busy right now; nothing was changed. Try again in ${retryAfterSeconds} seconds.`,
    {
      headers: { 'retry-after': String(retryAfterSeconds) },
    },
  );

type Waiter = { grant(): void; reject(error: AppError): void };

/**
 * Admission control in front of the database: each API request takes a place before anything reads
 * the database (its session included), and gives it back when answered or when its client goes away.
 * A request whose client disconnects while waiting is dropped without being worked on.
 */
export function registerRequestQueue(app: App, options: RequestQueueOptions): void {
  app.decorate('requestQueueLength', () => waiting.length);
  let running = 0;
  const waiting: Waiter[] = [];
  const holders = new WeakSet<FastifyRequest>();

  const release = (request: FastifyRequest) => {
    if (!holders.has(request)) return;
    holders.delete(request);
    const next = waiting.shift();
    if (next) next.grant();
    else running--;
  };

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
    if (running < options.maxConcurrent) {
      running++;
      holders.add(request);
      return;
    }
    if (waiting.length >= options.maxWaiting) throw busy();
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          cleanUp();
          holders.add(request);
          resolve();
        },
        reject: (error) => {
          cleanUp();
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.reject(busy()), options.maxWaitMs);
      const onClose = () => {
        if (reply.raw.writableFinished) return;
        // The client gave up: leave the line, and never start its work.
        const index = waiting.indexOf(waiter);
        if (index >= 0) waiting.splice(index, 1);
        cleanUp();
        reject(new ClientGoneError());
      };
      const cleanUp = () => {
        clearTimeout(timer);
        reply.raw.off('close', onClose);
        const index = waiting.indexOf(waiter);
        if (index >= 0) waiting.splice(index, 1);
      };
      reply.raw.on('close', onClose);
      waiting.push(waiter);
    });
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => release(request));
}

/** Thrown for a request whose client left while it waited; nobody is there to read the answer. */
export class ClientGoneError extends Error {}
