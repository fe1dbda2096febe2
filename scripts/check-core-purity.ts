// The core reads no clock and no randomness of its own: `now` and a seeded generator are passed in.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const forbidden = [/Math\.random\(/, /Date\.now\(/, /new Date\(\)/, /performance\.now\(/, /crypto\.random/];

function* sourceFiles(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield path;
  }
}

const problems: string[] = [];
for (const file of sourceFiles('src/core')) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const match = forbidden.find((pattern) => pattern.test(line));
      if (match)
        problems.push(`${file}:${index + 1}: ${match.source} — pass the clock or a seeded generator in`);
    });
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
