import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeFlags } from '../src/cli/node-flags.ts';

/** Every way Tend starts a process that runs PGlite or HiGHS passes the flags that keep V8 from aborting. */
const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('Node flags', () => {
  it('npm start, npm run dev and npm run tend start node with them', () => {
    const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    for (const name of ['start', 'dev', 'tend']) {
      for (const flag of nodeFlags) expect(scripts[name], name).toMatch(new RegExp(`^node (\\S+ )*${flag} `));
    }
  });

  it('the installed `tend` command starts node with them', () => {
    const shebang = read('bin/tend.js').split('\n')[0];
    expect(shebang).toBe(`#!/usr/bin/env -S node ${nodeFlags.join(' ')}`);
  });

  it('the browser tests’ server and this test process run with them', () => {
    for (const flag of nodeFlags) {
      expect(read('playwright.config.ts')).toContain(`node ${flag} scripts/e2e-server.ts`);
      expect(process.execArgv).toContain(flag);
    }
  });
});
