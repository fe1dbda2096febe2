/**
 * Worker-thread entry: receives one GroupingInput, answers with the engine's result (or the
 * error message if the engine ever threw), then exits. Loaded by form-groups-in-worker.ts.
 */
import { parentPort } from 'node:worker_threads';
import { formGroups } from '../../core/grouping/form-groups.ts';
import type { GroupingInput } from '../../core/grouping/model.ts';

export type WorkerReply =
  | { ok: true; result: ReturnType<typeof formGroups> }
  | { ok: false; message: string };

parentPort?.once('message', (input: GroupingInput) => {
  let reply: WorkerReply;
  try {
    reply = { ok: true, result: formGroups(input) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
