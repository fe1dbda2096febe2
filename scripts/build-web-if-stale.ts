// `npm start` (`tend serve --build-web-if-stale`) builds the web app only when dist/web is missing
// or older than what it is built from, so a start with nothing changed skips a build of several
// seconds — and when it does build, it builds while the server prepares its database and demo.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the build reads: the app's sources, the build's configuration and the locked dependencies. */
export const webBuildSources = [
  'web',
  'vite.config.ts',
  'postcss.config.cjs',
  'scripts/precompress-plugin.ts',
  'package-lock.json',
];

/** The latest modification time (ms) of a file, or of any file under a directory; 0 when absent. */
function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

/** Why the web app needs building in `projectRoot`, or null when dist/web is up to date. */
export function reasonToBuildWeb(projectRoot: string): string | null {
  const builtPage = join(projectRoot, 'dist', 'web', 'index.html');
  if (!existsSync(builtPage)) return 'the web app is not built yet';
  const builtAt = statSync(builtPage).mtimeMs;
  const changed = webBuildSources.find((source) => newestModification(join(projectRoot, source)) > builtAt);
  return changed ? `${changed} changed since the last build` : null;
}

/** Builds the web app in `projectRoot` when `reasonToBuildWeb` gives a reason; rejects if the build fails. */
export function buildWebIfStale(projectRoot: string): Promise<void> {
  const reason = reasonToBuildWeb(projectRoot);
  if (!reason) return Promise.resolve();
  console.log(`Building the web app: ${reason}.`);
  const isWindows = process.platform === 'win32';
  return new Promise((resolve, reject) => {
    const build = spawn(isWindows ? 'npm.cmd' : 'npm', ['run', 'build:web', '--silent'], {
      cwd: projectRoot,
      stdio: 'inherit',
      shell: isWindows,
    });
    build.once('error', reject);
    build.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`building the web app failed (exit code ${code})`)),
    );
  });
}

if (import.meta.main) {
  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  await buildWebIfStale(projectRoot).catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
