import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reasonToBuildWeb } from '../scripts/build-web-if-stale.ts';

let project: string;
// Times an hour ahead, so the directories the test creates (stamped now) are older than every file.
const start = Date.now() + 3_600_000;
const at = (minutes: number) => new Date(start + minutes * 60_000);
async function touch(path: string, time: Date) {
  await mkdir(join(project, path, '..'), { recursive: true });
  await writeFile(join(project, path), '');
  await utimes(join(project, path), time, time);
}

beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'tend-stale-'));
  await touch('web/src/main.tsx', at(0));
  await touch('vite.config.ts', at(0));
  await touch('package-lock.json', at(0));
});
afterEach(() => rm(project, { recursive: true, force: true }));

describe('building the web app before start', () => {
  it('builds when nothing was built yet', () => {
    expect(reasonToBuildWeb(project)).toMatch(/not built/);
  });

  it('skips the build when the build is newer than every source', async () => {
    await touch('dist/web/index.html', at(5));
    expect(reasonToBuildWeb(project)).toBeNull();
  });

  it('rebuilds when a file deep in web/ changed after the build', async () => {
    await touch('dist/web/index.html', at(5));
    await touch('web/src/features/journal/page.tsx', at(9));
    expect(reasonToBuildWeb(project)).toBe('web changed since the last build');
  });

  it('rebuilds when the Vite configuration or the locked dependencies changed', async () => {
    await touch('dist/web/index.html', at(5));
    await touch('package-lock.json', at(7));
    expect(reasonToBuildWeb(project)).toBe('package-lock.json changed since the last build');
    await touch('vite.config.ts', at(8));
    expect(reasonToBuildWeb(project)).toBe('vite.config.ts changed since the last build');
  });
});
