import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const tend = new URL('../src/cli/tend.ts', import.meta.url).pathname;
// Preloaded into the command: names every module it loads on standard error.
const listModules = `data:text/javascript,${encodeURIComponent(
  `import { registerHooks } from 'node:module';
   registerHooks({ resolve(specifier, context, next) {
     const resolved = next(specifier, context);
     process.stderr.write('loaded ' + resolved.url + '\\n');
     return resolved;
   } });`,
)}`;
const serverOrDatabase =
  /\/src\/(?:server|db|jobs)\/|\/node_modules\/(?:drizzle-orm|@electric-sql|pg|pg-boss|fastify|highs|pdf-lib)\//;
/** The exact solver `groups form` falls back to when the heuristic leaves someone out (issue 13). */
const groupingSolver = /\/src\/server\/grouping\/highs-solver\.ts$|\/node_modules\/highs\//;

function modulesLoadedBy(args: string[]): string[] {
  const run = spawnSync(process.execPath, ['--import', listModules, tend, ...args], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const output = run.stderr;
  return output
    .split('\n')
    .filter((line) => line.startsWith('loaded '))
    .map((line) => line.slice('loaded '.length));
}

const directory = mkdtempSync(join(tmpdir(), 'tend-cli-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('commands that need no server start without loading it', () => {
  it('shows help without loading the server or the database', () => {
    const loaded = modulesLoadedBy(['help']);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((url) => serverOrDatabase.test(url))).toEqual([]);
  });

  it('forms groups from a roster without loading the server or the database', () => {
    const roster = join(directory, 'roster.csv');
    const people = Array.from({ length: 10 }, (_, index) =>
      [`u-${index}`, index % 2 ? 'resident' : 'student-2', 'tue-12', index === 0 ? 'yes' : 'no'].join(','),
    );
    writeFileSync(roster, ['id,level,availability,facilitator', ...people].join('\n'));
    const loaded = modulesLoadedBy(['groups', 'form', roster, '--min', '8', '--max', '10', '--seed', '1']);
    expect(loaded.some((url) => url.includes('/src/cli/groups-form.ts'))).toBe(true);
    expect(loaded.filter((url) => serverOrDatabase.test(url) && !groupingSolver.test(url))).toEqual([]);
  });
});
