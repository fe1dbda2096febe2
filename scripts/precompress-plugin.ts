import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

/** Text files worth compressing; images and fonts are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
/** Below this, the headers of a compressed answer cost more than they save. */
const minimumBytes = 1024;

async function* filesUnder(directory: string): AsyncGenerator<string> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * Writes `file.br` and `file.gz` beside every compressible file of the build, at the strongest
 * settings: it is done once per build, and the server then sends them without compressing on each
 * request (@fastify/static's preCompressed). A variant that is not smaller is not written, so the
 * server falls back to the plain file.
 */
export async function precompressDirectory(directory: string): Promise<number> {
  let written = 0;
  for await (const path of filesUnder(directory)) {
    if (!compressible.test(path)) continue;
    const content = await readFile(path);
    if (content.length < minimumBytes) continue;
    const [brotli, gzipped] = await Promise.all([
      compressBrotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      compressGzip(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    for (const [variant, extension] of [
      [brotli, '.br'],
      [gzipped, '.gz'],
    ] as const) {
      if (variant.length >= content.length) continue;
      await writeFile(path + extension, variant);
      written++;
    }
  }
  return written;
}

/** Vite plugin: precompresses the output directory once the build has written it. */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'tend-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDirectory(outDir);
    },
  };
}
