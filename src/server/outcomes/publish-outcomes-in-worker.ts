import { Worker } from 'node:worker_threads';
import type { OutcomePublication } from '../../core/measurement/outcome-publication.ts';
import type { PublicationRequest, WorkerReply } from './publish-outcomes.worker.ts';

/**
 * Runs `publishOutcomes` on a worker thread: the joint disclosure check of a whole organisation's
 * windows takes seconds at 10,000 people, and on the main thread it would stall every request
 * meanwhile. One short-lived worker per publication, as for forming groups.
 */
export function publishOutcomesInWorker(request: PublicationRequest): Promise<OutcomePublication> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./publish-outcomes.worker.ts', import.meta.url));
    let isSettled = false;
    const settle = (action: () => void) => {
      if (isSettled) return;
      isSettled = true;
      action();
      void worker.terminate();
    };
    worker.once('message', (reply: WorkerReply) =>
      settle(() =>
        reply.ok ? resolve(reply.result) : reject(new Error(`publishing outcomes failed: ${reply.message}`)),
      ),
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the outcomes worker stopped (exit code ${code})`))),
    );
    worker.postMessage(request);
  });
}
