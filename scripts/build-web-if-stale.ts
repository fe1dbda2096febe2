// `npm start` runs this before the server: it builds the web app only when dist/web is missing or
// older than what it is built from, so a start with nothing changed skips a build of several seconds.
import { spawnSync } from 'node:child_process';
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

if (import.meta.main) {
  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  const reason = reasonToBuildWeb(projectRoot);
  if (reason) {
    console.log(`Building the web app: ${reason}.`);
    const isWindows = process.platform === 'win32';
    const build = spawnSync(isWindows ? 'npm.cmd' : 'npm', ['run', 'build:web', '--silent'], {
      cwd: projectRoot,
      stdio: 'inherit',
      shell: isWindows,
    });
    process.exitCode = build.status ?? 1;
  }
}
