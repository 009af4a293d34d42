/**
 * On Workers, kabinet.js, its chunks and the demo pages are static assets (wrangler.toml's
 * `[assets]` directory, assembled by `npm run build`), and their headers come from the `_headers`
 * file in it. Real workerd through Miniflare, which applies `_headers` as Cloudflare does: the
 * widget code answers any origin with CORS, the pages carry their Content-Security-Policy, hashed
 * chunks are cached for a year and everything else is revalidated, and all of it matches what
 * edge/site.ts sends on Node and Deno from the same file. Compression is the platform's: dist/site
 * holds no .br/.gz siblings, and workerd's asset server compresses by Accept-Encoding itself.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { applyHeaderRules, readHeaderRules } from '../../edge/site.ts';
import { rawRequest } from '../helpers/raw-request.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const assetsDirectory = join(
  root,
  /\[assets\][^[]*?directory\s*=\s*"([^"]+)"/.exec(readFileSync(join(root, 'wrangler.toml'), 'utf8'))![1]!,
);
let mf: Miniflare;
let baseUrl: URL;

beforeAll(async () => {
  if (!existsSync(join(assetsDirectory, 'kabinet.js')))
    throw new Error(`${assetsDirectory} has no kabinet.js: run npm run build first`);
  // The Worker itself is a stand-in: only the static-assets layer in front of it is under test here
  // (tests/runtime/workerd.test.ts runs the real edge/worker.ts).
  mf = new Miniflare({
    modules: true,
    compatibilityDate: '2026-04-01',
    cf: false,
    script: "export default { fetch: () => new Response('the Worker answered', { status: 404 }) };",
    assets: { directory: assetsDirectory, routerConfig: { has_user_worker: true } },
  });
  baseUrl = await mf.ready;
});
afterAll(async () => {
  await mf?.dispose();
});

const get = async (path: string) => {
  const res = await mf.dispatchFetch(new URL(path, baseUrl), {
    headers: { origin: 'https://partners.operator.example' },
  });
  await res.arrayBuffer();
  return res;
};
/** What edge/site.ts sends for `path` on Node and Deno (from demo/site/_headers). */
const nodeHeaders = (path: string) => {
  const headers = new Headers();
  applyHeaderRules(readHeaderRules(readFileSync(join(root, 'demo/site/_headers'), 'utf8')), path, headers);
  return headers;
};

describe('Workers static assets', () => {
  it('serve kabinet.js, kabinet-operator.js and every chunk with Access-Control-Allow-Origin: *, never credentials', async () => {
    const chunks = readdirSync(join(assetsDirectory, 'chunks')).filter((f) => f.endsWith('.js'));
    expect(chunks.length).toBeGreaterThan(3);
    for (const path of ['/kabinet.js', '/kabinet-operator.js', ...chunks.map((c) => `/chunks/${c}`)]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(res.headers.get('access-control-allow-credentials'), path).toBe(null);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('serve the demo pages with the same Content-Security-Policy as Node (one policy each, framed by themselves only)', async () => {
    for (const path of ['/', '/northwind/', '/embedded/', '/operator/', '/cross-origin/']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const policy = res.headers.get('content-security-policy');
      expect(policy, path).toBe(nodeHeaders(path).get('content-security-policy'));
      expect(policy, path).toMatch(/frame-ancestors 'self'$/);
    }
    // The cross-origin page's own policy replaces the general one (not two policies joined by a comma).
    const crossOrigin = (await get('/cross-origin/')).headers.get('content-security-policy');
    expect(crossOrigin).toMatch(
      /^default-src 'self'; script-src 'self' http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*;/,
    );
  });

  it('cache the hashed chunks for a year and revalidate the entries and pages by ETag, as Node and Deno do', async () => {
    const chunks = readdirSync(join(assetsDirectory, 'chunks')).filter((f) => f.endsWith('.js'));
    for (const path of chunks.map((c) => `/chunks/${c}`)) {
      const res = await get(path);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('cache-control'), path).toBe(nodeHeaders(path).get('cache-control'));
    }
    for (const path of ['/kabinet.js', '/kabinet-operator.js', '/', '/northwind/', '/luckyspin.css']) {
      const res = await get(path);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('cache-control'), path).toBe(nodeHeaders(path).get('cache-control'));
      const etag = res.headers.get('etag');
      expect(etag, path).toMatch(/^(W\/)?"[^"]+"$/);
      const again = await mf.dispatchFetch(new URL(path, baseUrl), {
        headers: { origin: 'https://partners.operator.example', 'if-none-match': etag! },
      });
      await again.arrayBuffer();
      expect(again.status, path).toBe(304);
    }
  });

  it('hold no precompressed siblings: Cloudflare compresses static assets itself', async () => {
    const files = readdirSync(assetsDirectory, { recursive: true }).map(String);
    expect(files).toContain('kabinet.js');
    expect(files.filter((f) => /\.(?:br|gz)$/.test(f))).toEqual([]);
    expect((await get('/kabinet.js.br')).status).toBe(404);
    // Over workerd's own HTTP socket, as a browser gets it (raw bytes, decoded here).
    const built = readFileSync(join(assetsDirectory, 'kabinet.js'));
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const res = await rawRequest(new URL('/kabinet.js', baseUrl).href, { 'accept-encoding': encoding });
      expect(res.headers['content-encoding'], encoding).toBe(encoding);
      expect(res.headers['access-control-allow-origin'], encoding).toBe('*');
      expect(decode(res.body).equals(built), encoding).toBe(true);
    }
  });

  it('do not serve the _headers file itself', async () => {
    const res = await get('/_headers');
    expect(res.status).toBe(404);
  });
});
