// One load measurement: autocannon against one URL, reduced to the figures the API benchmark prints.
import autocannon from 'autocannon';
import { median } from '../helpers/processes.ts';

export type Load = {
  requestsPerSecond: number;
  /** autocannon reports p97.5, not p95; it is the stricter of the two, so a target met here holds at p95. */
  latencyP97_5Ms: number;
  /** Connection errors, timeouts and answers that are not 2xx (503 when the queue is full). */
  failures: number;
};

export async function measureLoad(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<Load> {
  const result = await autocannon({ url, connections, duration: seconds, headers, timeout: 10 });
  return {
    requestsPerSecond: result.requests.average,
    latencyP97_5Ms: result.latency.p97_5,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** The median of several runs, figure by figure, since one run on a shared machine says little. */
export function medianLoad(runs: Load[]): Load {
  return {
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    latencyP97_5Ms: median(runs.map((run) => run.latencyP97_5Ms)),
    failures: median(runs.map((run) => run.failures)),
  };
}
