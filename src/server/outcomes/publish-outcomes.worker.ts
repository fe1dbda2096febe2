/**
 * Worker-thread entry: receives one publication's input (the instrument by id), answers with the
 * gated publication (or the error message), then exits. Loaded by publish-outcomes-in-worker.ts.
 */
import { parentPort } from 'node:worker_threads';
import { findInstrument } from '../../core/instruments/catalog.ts';
import {
  type OutcomePublication,
  type PublicationInput,
  publishOutcomes,
} from '../../core/measurement/outcome-publication.ts';

export type PublicationRequest = Omit<PublicationInput, 'instrument'> & { instrumentId: string };
export type WorkerReply = { ok: true; result: OutcomePublication } | { ok: false; message: string };

parentPort?.once('message', (request: PublicationRequest) => {
  let reply: WorkerReply;
  try {
    const { instrumentId, ...rest } = request;
    const instrument = findInstrument(instrumentId);
    if (!instrument) throw new Error(`unknown instrument ${instrumentId}`);
    reply = { ok: true, result: publishOutcomes({ ...rest, instrument }) };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
