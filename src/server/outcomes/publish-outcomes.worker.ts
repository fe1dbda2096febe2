/**
 * Worker-thread entry: receives one publication's input (the instrument by id), answers with the
 * gated publication (or the error message), then exits. Loaded by publish-outcomes-in-worker.ts.
 */
import { findInstrument } from '../../core/instruments/catalog.ts';
import {
  type OutcomePublication,
  type PublicationInput,
  publishOutcomes,
} from '../../core/measurement/outcome-publication.ts';
import { answerOnce } from '../workers/answer-once.ts';

export type PublicationRequest = Omit<PublicationInput, 'instrument'> & { instrumentId: string };

answerOnce<PublicationRequest, OutcomePublication>(({ instrumentId, ...rest }) => {
  const instrument = findInstrument(instrumentId);
  if (!instrument) throw new Error(`unknown instrument ${instrumentId}`);
  return publishOutcomes({ ...rest, instrument });
});
