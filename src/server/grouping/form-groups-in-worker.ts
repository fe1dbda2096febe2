import { Worker } from 'node:worker_threads';
import type { GroupingInput, GroupingResult } from '../../core/grouping/model.ts';
import type { WorkerReply, WorkerRequest } from './form-groups.worker.ts';

/**
 * Runs `formGroups` (with its exact fallback on HiGHS) on a worker thread so the HTTP server keeps answering while a large cohort
 * is grouped (≈ 1 s for 1,000 people, ≈ 10 s for 10,000). One short-lived worker per call: forming
 * groups is rare. Its start-up — the modules, HiGHS, a JIT that starts cold — measured 0.5–1 s on
 * a heavily loaded 2-core machine (docs/grouping.md, Benchmark). Rejects if the worker
 * fails or `signal` aborts (the worker is then terminated).
 */
const workerUrl = new URL('./form-groups.worker.ts', import.meta.url);

/** A worker started ahead of a forming, while it has not been used nor stopped. */
let spare: { worker: Worker; hasExited: boolean } | null = null;

/**
 * Starts the next forming's worker now, so that its start-up overlaps other work: for a caller
 * that knows a forming is coming (the demo's term enrols people first). The spare worker does not
 * keep the process alive, and the next `formGroupsInWorker` takes it.
 */
export function startGroupingWorkerAhead(): void {
  if (spare && !spare.hasExited) return;
  const ahead = { worker: new Worker(workerUrl), hasExited: false };
  ahead.worker.unref();
  ahead.worker.once('exit', () => {
    ahead.hasExited = true;
  });
  // A worker that failed to start is replaced by a fresh one when it is needed.
  ahead.worker.on('error', () => undefined);
  spare = ahead;
}

function takeWorker(): Worker {
  const ahead = spare;
  spare = null;
  if (!ahead || ahead.hasExited) return new Worker(workerUrl);
  ahead.worker.ref();
  return ahead.worker;
}

export function formGroupsInWorker(
  input: GroupingInput,
  options: { signal?: AbortSignal; timeLimitSeconds?: number } = {},
): Promise<GroupingResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new Error('forming groups was cancelled'));
      return;
    }
    const worker = takeWorker();
    let isSettled = false;
    const settle = (action: () => void) => {
      if (isSettled) return;
      isSettled = true;
      options.signal?.removeEventListener('abort', onAbort);
      action();
      void worker.terminate();
    };
    const onAbort = () => settle(() => reject(new Error('forming groups was cancelled')));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: WorkerReply) => {
      settle(() =>
        reply.ok ? resolve(reply.result) : reject(new Error(`forming groups failed: ${reply.message}`)),
      );
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`the grouping worker stopped (exit code ${code})`))),
    );
    const request: WorkerRequest =
      options.timeLimitSeconds === undefined
        ? { input }
        : { input, timeLimitSeconds: options.timeLimitSeconds };
    worker.postMessage(request);
  });
}
