import { parentPort } from 'node:worker_threads';
import type { WorkerReply } from './run-in-worker.ts';

/** Worker-thread side of runInWorker: answers the one request it is sent with `work`'s result. */
export function answerOnce<Request, Result>(work: (request: Request) => Result): void {
  parentPort?.once('message', (request: Request) => {
    let reply: WorkerReply<Result>;
    try {
      reply = { ok: true, result: work(request) };
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(reply);
  });
}
