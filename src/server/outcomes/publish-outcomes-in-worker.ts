import type { OutcomePublication } from '../../core/measurement/outcome-publication.ts';
import { runInWorker } from '../workers/run-in-worker.ts';
import type { PublicationRequest } from './publish-outcomes.worker.ts';

/**
 * Runs `publishOutcomes` on a worker thread: the joint disclosure check of a whole organisation's
 * windows takes seconds at 10,000 people. One short-lived worker per publication.
 */
export function publishOutcomesInWorker(request: PublicationRequest): Promise<OutcomePublication> {
  return runInWorker(
    new URL('./publish-outcomes.worker.ts', import.meta.url),
    request,
    'publishing outcomes',
  );
}
