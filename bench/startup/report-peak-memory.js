// Preloaded (node --import) into a command bench/startup runs to its end: writes the process's peak
// resident memory in kB to BENCH_PEAK_MEMORY_FILE as it exits, which its parent cannot read itself.
// Plain JavaScript, so preloading it costs bare `node -e 0` (the reference) no TypeScript stripping.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_MEMORY_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
