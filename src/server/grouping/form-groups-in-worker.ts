import { Worker } from 'node:worker_threads';
import type { GroupingInput, GroupingResult } from '../../core/grouping/model.ts';
import type { WorkerReply, WorkerRequest } from './form-groups.worker.ts';

/**
 * Runs `formGroups` (with its exact fallback on HiGHS) on a worker thread so the HTTP server keeps
 * answering while a large cohort is grouped (≈ 1 s for 1,000 people, ≈ 10 s for 10,000).
 *
 * A worker that has formed groups is kept for the next forming rather than stopped. Stopping a
 * thread frees the WebAssembly it compiled (HiGHS), and freeing that while the main thread runs
 * PGlite's has aborted the whole process inside V8 (`jit_page_->allocations_.erase(addr) == 1`,
 * nodejs/node#64500) — a demo start died of it in CI. Keeping the worker also skips its start-up
 * (the modules, HiGHS, a cold JIT: 0.5–1 s on a loaded 2-core machine, docs/grouping.md).
 * A worker is stopped only when a caller aborts a forming it cannot otherwise interrupt.
 */
const workerUrl = new URL('./form-groups.worker.ts', import.meta.url);

/**
 * One idle worker is kept (about 65 MB with HiGHS loaded): formings are rare, and a second one
 * at the same moment gets its own worker, stopped afterwards.
 */
const mostIdleWorkers = 1;
const idle: Worker[] = [];

function startWorker(): Worker {
  const worker = new Worker(workerUrl);
  worker.once('exit', () => {
    const index = idle.indexOf(worker);
    if (index >= 0) idle.splice(index, 1);
  });
  // A worker that fails while idle is dropped by its exit; the next forming starts another.
  worker.on('error', () => undefined);
  return worker;
}

function release(worker: Worker): void {
  if (idle.length >= mostIdleWorkers) {
    void worker.terminate();
    return;
  }
  // An idle worker never keeps the process alive.
  worker.unref();
  idle.push(worker);
}

/**
 * Starts a worker now, so that its start-up overlaps other work: for a caller that knows a
 * forming is coming (the demo's term enrols people first). The next `formGroupsInWorker` takes it.
 */
export function startGroupingWorkerAhead(): void {
  if (idle.length === 0) release(startWorker());
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
    const worker = idle.pop() ?? startWorker();
    worker.ref();
    let isSettled = false;
    const settle = (action: () => void, canReuse: boolean) => {
      if (isSettled) return;
      isSettled = true;
      options.signal?.removeEventListener('abort', onAbort);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (canReuse) release(worker);
      else void worker.terminate();
      action();
    };
    const onAbort = () => settle(() => reject(new Error('forming groups was cancelled')), false);
    const onMessage = (reply: WorkerReply) =>
      settle(
        () =>
          reply.ok ? resolve(reply.result) : reject(new Error(`forming groups failed: ${reply.message}`)),
        true,
      );
    const onError = (error: Error) => settle(() => reject(error), false);
    const onExit = (code: number) =>
      settle(() => reject(new Error(`the grouping worker stopped (exit code ${code})`)), false);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const request: WorkerRequest =
      options.timeLimitSeconds === undefined
        ? { input }
        : { input, timeLimitSeconds: options.timeLimitSeconds };
    worker.postMessage(request);
  });
}
