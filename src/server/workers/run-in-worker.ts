import { Worker } from 'node:worker_threads';

/** What a task's worker answers: its result, or why it failed. */
export type WorkerReply<Result> = { ok: true; result: Result } | { ok: false; message: string };

/**
 * Runs one task on a short-lived worker thread and resolves with its result. For the disclosure
 * checks, which take from a fraction of a second (a year of weekly report summaries) to seconds (a
 * whole organisation's outcome windows): on the main thread they would stall every other request
 * meanwhile. `task` names the work in errors.
 */
export function runInWorker<Request, Result>(
  workerUrl: URL,
  request: Request,
  task: string,
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl);
    let isSettled = false;
    const settle = (action: () => void) => {
      if (isSettled) return;
      isSettled = true;
      action();
      void worker.terminate();
    };
    worker.once('message', (reply: WorkerReply<Result>) =>
      settle(() =>
        reply.ok ? resolve(reply.result) : reject(new Error(`${task} failed: ${reply.message}`)),
      ),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`${task} stopped (exit code ${code})`))));
    worker.postMessage(request);
  });
}
