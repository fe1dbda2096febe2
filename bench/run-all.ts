// Runs every benchmark (bench/<name>/run.ts) one after another; each prints its own figures.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('.', import.meta.url).pathname;
let failed = 0;
for (const entry of readdirSync(root, { withFileTypes: true })) {
  const script = join(root, entry.name, 'run.ts');
  if (!entry.isDirectory() || !existsSync(script)) continue;
  console.log(`\n=== bench/${entry.name} ===`);
  const result = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
