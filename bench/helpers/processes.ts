// Starting, timing and weighing child processes for the benchmarks.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { nodeFlags } from '../../src/cli/node-flags.ts';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const tendCommand = fileURLToPath(new URL('../../src/cli/tend.ts', import.meta.url));

export type StartedProcess = {
  child: ChildProcess;
  /** Milliseconds from spawning the process to its ready line. */
  readyMs: number;
  stop(): Promise<void>;
};

/** A TCP port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * Spawns `node ...args` and resolves once its standard output shows `readyLine`; the time counts the
 * whole process start: Node itself, loading modules, opening the database, listening.
 */
export function startProcess(
  args: string[],
  env: Record<string, string>,
  readyLine: string,
  timeoutMs = 120_000,
): Promise<StartedProcess> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyLine)) {
        clearTimeout(timer);
        child.stdout?.off('data', watch);
        child.stdout?.resume();
        resolve({ child, readyMs: performance.now() - startedAt, stop });
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** Resident memory of a running process in MB (Linux /proc), or null where that is not available. */
export function residentMegabytes(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
    return Number.isFinite(kilobytes) ? kilobytes / 1024 : null;
  } catch {
    return null;
  }
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** "1,234 ms  (reference 456 ms, ×2.71)": every figure beside the reference measured in the same run. */
export function besideReference(value: number, reference: number, unit: string, digits = 0): string {
  const format = (n: number) =>
    n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return `${format(value)} ${unit}  (reference ${format(reference)} ${unit}, ×${(value / reference).toFixed(2)})`;
}
