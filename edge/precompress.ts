/**
 * Build-time compression of the widget code: after vite writes widgets/dist, every text asset over
 * 1 kB gets a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) sibling. Node and Deno serve
 * the sibling the request's Accept-Encoding allows (edge/site.ts, Hono's `precompressed`), so no
 * request pays for compression and the bytes sent are the smallest these formats give.
 *
 * Workers never get the siblings (edge/assemble-site.ts leaves them out of dist/site): their static
 * assets would serve `kabinet.js.br` as a file of its own, and Cloudflare compresses assets itself.
 */
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** The files worth compressing: text formats only (images and fonts are compressed already). */
export const COMPRESSIBLE_FILE = /\.(?:js|css|json|svg|html)$/;
/** Under this, the encoding's header and the extra request headers eat most of the gain. */
export const MIN_COMPRESSED_BYTES = 1024;
/** The siblings' suffixes, by Content-Encoding; Hono's serve-static looks for the same names. */
export const SIBLINGS = { br: '.br', gzip: '.gz' } as const;
export const isPrecompressedSibling = (path: string) => /\.(?:br|gz)$/.test(path);

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export const compressBrotli = (code: Buffer) =>
  brotli(code, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
    },
  });
export const compressGzip = (code: Buffer) => gzipAsync(code, { level: 9 });

export interface Precompressed {
  file: string;
  raw: number;
  br: number;
  gzip: number;
}

/**
 * Writes `file.br` and `file.gz` beside each compressible file of at least 1 kB. A sibling that
 * would not be smaller than the file is not written (and an old one is removed), so the server
 * sends such a file as it is.
 */
export async function precompressFiles(files: readonly string[]): Promise<Precompressed[]> {
  const chosen: string[] = [];
  for (const file of files) {
    if (COMPRESSIBLE_FILE.test(file) && (await stat(file)).size >= MIN_COMPRESSED_BYTES) chosen.push(file);
  }
  return Promise.all(
    chosen.map(async (file) => {
      const code = await readFile(file);
      const [br, gz] = await Promise.all([compressBrotli(code), compressGzip(code)]);
      for (const [suffix, body] of [
        [SIBLINGS.br, br],
        [SIBLINGS.gzip, gz],
      ] as const) {
        if (body.length < code.length) await writeFile(`${file}${suffix}`, body);
        else await rm(`${file}${suffix}`, { force: true });
      }
      return { file, raw: code.length, br: br.length, gzip: gz.length };
    }),
  );
}

/** Vite plugin: precompresses what the build just wrote (vite.config.ts). */
export function precompress(): Plugin {
  return {
    name: 'kabinet:precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) throw new Error('kabinet:precompress needs build.outDir');
      await precompressFiles(Object.keys(bundle).map((file) => join(dir, file)));
    },
  };
}
