import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDirectory } from '../db/data-directory-lock.ts';

/** Writes the embedded database to one gzipped tar file; the server must be stopped (the lock says so). */
export async function backupDataDirectory(dataDirectory: string, file: string): Promise<string> {
  if (!existsSync(dataDirectory))
    throw new Error(`There is no data directory at ${dataDirectory} to back up.`);
  const unlock = lockDataDirectory(dataDirectory);
  try {
    const client = await PGlite.create(dataDirectory);
    const dump = await client.dumpDataDir('gzip');
    await client.close();
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return `Backed up ${dataDirectory} to ${file} (${Math.round(dump.size / 1024)} KiB).`;
  } finally {
    unlock();
  }
}

/**
 * Restores a backup into the data directory. An existing directory is kept beside it,
 * renamed, so a restore can itself be undone.
 */
export async function restoreDataDirectory(dataDirectory: string, file: string, now: Date): Promise<string> {
  if (!existsSync(file)) throw new Error(`There is no backup file at ${file}.`);
  const archive = new Blob([await readFile(file)]);
  let keptAside = '';
  if (existsSync(dataDirectory) && readdirSync(dataDirectory).length > 0) {
    lockDataDirectory(dataDirectory)();
    keptAside = `${dataDirectory}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDirectory, keptAside);
  }
  const unlock = lockDataDirectory(dataDirectory);
  try {
    const client = await PGlite.create(dataDirectory, { loadDataDir: archive });
    await client.query('select 1');
    await client.close();
  } catch (error) {
    unlock();
    // Put things back as they were: no half-restored directory, the previous data in its place.
    rmSync(dataDirectory, { recursive: true, force: true });
    if (keptAside) renameSync(keptAside, dataDirectory);
    throw new Error(`${file} is not a Tend backup that can be restored: ${(error as Error).message}`);
  }
  unlock();
  return `Restored ${file} into ${dataDirectory}.${keptAside ? ` The previous data is kept in ${keptAside}.` : ''}`;
}
