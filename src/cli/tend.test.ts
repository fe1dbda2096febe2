import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tend = fileURLToPath(new URL('./tend.ts', import.meta.url));

// Lists every module the process loads, on standard error, when it exits.
const listModules = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
const loaded = [];
registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(loaded) + '\\n'));
`)}`;

describe('tend groups form', () => {
  it('forms groups without loading the web server, the database or the configuration', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'tend-cli-'));
    try {
      const roster = join(directory, 'roster.csv');
      const rows = Array.from(
        { length: 18 },
        (_, index) => `p${index},${index < 2 ? 'faculty' : 'resident'},tue-12,${index < 2 ? 'yes' : 'no'}`,
      );
      await writeFile(roster, `id,level,availability,facilitator\n${rows.join('\n')}\n`);
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', listModules, tend, 'groups', 'form', roster, '--effort', '0.05'],
        { timeout: 60_000 },
      );
      expect(stdout).toContain('group-1,tue-12');
      const loaded = JSON.parse(stderr.split('\nLOADED ').at(-1) ?? '[]') as string[];
      const source = loaded.filter((url) => url.includes('/src/'));
      expect(source.some((url) => url.includes('/src/core/grouping/'))).toBe(true);
      const outside = source.filter(
        (url) => !/\/src\/(core|cli)\//.test(url) && !url.endsWith('/src/server/grouping/highs-solver.ts'),
      );
      expect(outside).toEqual([]);
      expect(loaded.filter((url) => /fastify|pglite|drizzle-orm|\/pg\//.test(url))).toEqual([]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
