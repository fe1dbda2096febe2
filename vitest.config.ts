import { defineConfig } from 'vitest/config';
import { nodeFlags } from './src/cli/node-flags.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests each open their own database; two workers match the machine's two cores.
    maxWorkers: 2,
    // Test files run PGlite; see src/cli/node-flags.ts for why V8 keeps its unused WebAssembly code.
    execArgv: nodeFlags,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
