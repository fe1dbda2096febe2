// Starts Tend on a new, empty data directory for the browser tests.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'tend-e2e-'));
const { startServer } = await import('../src/server/server.ts');
await startServer();
