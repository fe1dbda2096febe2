/**
 * Worker-thread entry: answers each GroupingInput with the engine's result (or the error message
 * if the engine ever threw), one at a time, and waits for the next. Loaded by
 * form-groups-in-worker.ts.
 * HiGHS is loaded here, off the request thread, for the engine's exact fallback.
 */
import { parentPort } from 'node:worker_threads';
import { formGroups } from '../../core/grouping/form-groups.ts';
import type { GroupingInput } from '../../core/grouping/model.ts';
import { loadHighsSolver } from './highs-solver.ts';

export type WorkerReply =
  | { ok: true; result: ReturnType<typeof formGroups> }
  | { ok: false; message: string };

export type WorkerRequest = { input: GroupingInput; timeLimitSeconds?: number };

// HiGHS starts loading (reading and compiling highs.wasm) as soon as the worker does, while the
// roster is still being copied over; a failure is reported with the reply, not as a crash.
const solverLoading = loadHighsSolver();
solverLoading.catch(() => undefined);

parentPort?.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const solve = await solverLoading;
    const exact =
      request.timeLimitSeconds === undefined
        ? { solve }
        : { solve, timeLimitSeconds: request.timeLimitSeconds };
    reply = { ok: true, result: formGroups(request.input, { exact }) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
