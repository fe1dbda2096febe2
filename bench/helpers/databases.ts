// A PostgreSQL database of its own for one benchmark run, on the server DATABASE_URL points at.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Runs one statement as the server's user (who needs CREATEDB), outside any database of ours. */
export async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export type BenchDatabase = { name: string; url: string; drop(): Promise<void> };

/** A new database named after the benchmark (prefix BENCH_DATABASE_PREFIX, default tend_bench). */
export async function createBenchDatabase(serverUrl: string, label: string): Promise<BenchDatabase> {
  const name = `${process.env.BENCH_DATABASE_PREFIX ?? 'tend_bench'}_${label}_${randomBytes(4).toString('hex')}`;
  await runOnServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => runOnServer(serverUrl, `drop database if exists ${name} with (force)`),
  };
}
