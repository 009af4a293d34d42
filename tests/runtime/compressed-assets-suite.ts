/**
 * How the widget code goes over the wire on Node and Deno (edge/site.ts): the build's brotli or
 * gzip sibling by Accept-Encoding, the file as stored otherwise and for byte ranges; hashed chunks
 * cached for a year, the entries revalidated by ETag (304), CORS on every answer. Raw HTTP through
 * node:http, which (unlike fetch) hands over the bytes as sent, so the test decompresses them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../helpers/raw-request.ts';
import { MIN_COMPRESSED_BYTES } from '../../edge/precompress.ts';

export interface AssetTarget {
  baseUrl: string;
  stop(): Promise<void>;
}

const dist = fileURLToPath(new URL('../../widgets/dist/', import.meta.url));
const CHROME_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function defineCompressedAssetsSuite(runtime: 'node' | 'deno', start: () => Promise<AssetTarget>) {
  describe(`widget code over the wire on ${runtime}`, () => {
    let target: AssetTarget;
    beforeAll(async () => {
      target = await start();
    });
    afterAll(async () => {
      await target?.stop();
    });
    const get = (path: string, headers?: Record<string, string>, method?: string) =>
      rawRequest(`${target.baseUrl}${path}`, headers, method);
    const kabinetJs = () => readFileSync(join(dist, 'kabinet.js'));

    it('sends kabinet.js as brotli to a client that accepts it, byte for byte the built file once decoded', async () => {
      for (const acceptEncoding of ['br', CHROME_ACCEPT_ENCODING]) {
        const res = await get('/kabinet.js', { 'accept-encoding': acceptEncoding });
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding'], acceptEncoding).toBe('br');
        expect(res.headers['content-type']).toMatch(/^text\/javascript/);
        expect(res.headers['vary']).toMatch(/accept-encoding/i);
        expect(res.headers['access-control-allow-origin']).toBe('*');
        expect(Number(res.headers['content-length'])).toBe(res.body.length);
        expect(res.body.equals(readFileSync(join(dist, 'kabinet.js.br')))).toBe(true);
        expect(brotliDecompressSync(res.body).equals(kabinetJs())).toBe(true);
        expect(res.body.length).toBeLessThan(kabinetJs().length / 3);
      }
    });

    it('sends gzip when brotli is not accepted (or refused with q=0), with CORS', async () => {
      for (const acceptEncoding of ['gzip', 'gzip, deflate', 'br;q=0, gzip']) {
        const res = await get('/kabinet.js', { 'accept-encoding': acceptEncoding });
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding'], acceptEncoding).toBe('gzip');
        expect(res.headers['vary']).toMatch(/accept-encoding/i);
        expect(res.headers['access-control-allow-origin']).toBe('*');
        expect(Number(res.headers['content-length'])).toBe(res.body.length);
        expect(gunzipSync(res.body).equals(kabinetJs())).toBe(true);
      }
    });

    it('sends the file as stored without Accept-Encoding (or with identity only), still saying it varies', async () => {
      const requests: Array<Record<string, string>> = [
        {},
        { 'accept-encoding': 'identity' },
        { 'accept-encoding': 'deflate' },
      ];
      for (const headers of requests) {
        const res = await get('/kabinet.js', headers);
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding']).toBeUndefined();
        expect(res.headers['vary']).toMatch(/accept-encoding/i);
        expect(res.headers['access-control-allow-origin']).toBe('*');
        expect(Number(res.headers['content-length'])).toBe(kabinetJs().length);
        expect(res.body.equals(kabinetJs())).toBe(true);
      }
    });

    it('answers HEAD with the headers of the GET it stands for (the compressed length) and no body', async () => {
      const head = await get('/kabinet.js', { 'accept-encoding': 'br' }, 'HEAD');
      const getBr = await get('/kabinet.js', { 'accept-encoding': 'br' });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expect(head.headers['content-encoding']).toBe('br');
      expect(head.headers['content-length']).toBe(String(getBr.body.length));
      expect(head.headers['etag']).toBe(getBr.headers['etag']);
      expect(head.headers['cache-control']).toBe('no-cache');
      expect(head.headers['access-control-allow-origin']).toBe('*');
    });

    it('answers a Range with those bytes of the file as stored, whatever the client accepts', async () => {
      const res = await get('/kabinet.js', { 'accept-encoding': CHROME_ACCEPT_ENCODING, range: 'bytes=0-99' });
      expect(res.status).toBe(206);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['content-range']).toBe(`bytes 0-99/${kabinetJs().length}`);
      expect(res.body.equals(kabinetJs().subarray(0, 100))).toBe(true);
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });

    it('caches every hashed chunk for a year, immutable, compressed and with CORS', async () => {
      const chunks = readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js'));
      expect(chunks.length).toBeGreaterThan(3);
      for (const chunk of chunks) {
        expect(chunk, 'a chunk name carries a content hash').toMatch(/-[\w-]{8}\.js$/);
        const res = await get(`/chunks/${chunk}`, { 'accept-encoding': CHROME_ACCEPT_ENCODING });
        expect(res.status, chunk).toBe(200);
        expect(res.headers['cache-control'], chunk).toBe(IMMUTABLE);
        expect(res.headers['access-control-allow-origin'], chunk).toBe('*');
        const file = readFileSync(join(dist, 'chunks', chunk));
        // A chunk under MIN_COMPRESSED_BYTES is sent as it is: compressing it saves nothing.
        if (file.length < MIN_COMPRESSED_BYTES) {
          expect(res.headers['content-encoding'], chunk).toBeUndefined();
          expect(res.body.equals(file), chunk).toBe(true);
          continue;
        }
        expect(res.headers['content-encoding'], chunk).toBe('br');
        expect(brotliDecompressSync(res.body).equals(file), chunk).toBe(true);
      }
    });

    it('revalidates the entries: no-cache, a strong ETag per encoding, 304 when If-None-Match names it', async () => {
      for (const entry of ['/kabinet.js', '/kabinet-operator.js', '/custom-elements.json']) {
        const br = await get(entry, { 'accept-encoding': 'br' });
        const plain = await get(entry);
        expect(br.status, entry).toBe(200);
        expect(br.headers['cache-control'], entry).toBe('no-cache');
        expect(br.headers['access-control-allow-origin'], entry).toBe('*');
        const tag = br.headers['etag']!;
        expect(tag, entry).toMatch(/^"[\w-]+"$/);
        if (br.headers['content-encoding']) expect(plain.headers['etag'], entry).not.toBe(tag);
        else expect(plain.headers['etag'], entry).toBe(tag);

        for (const ifNoneMatch of [tag, `W/${tag}`, `"other", ${tag}`]) {
          const again = await get(entry, { 'accept-encoding': 'br', 'if-none-match': ifNoneMatch });
          expect(again.status, `${entry} ${ifNoneMatch}`).toBe(304);
          expect(again.body.length).toBe(0);
          expect(again.headers['etag']).toBe(tag);
          expect(again.headers['cache-control']).toBe('no-cache');
          expect(again.headers['vary']).toMatch(/accept-encoding/i);
          expect(again.headers['access-control-allow-origin']).toBe('*');
          expect(again.headers['content-encoding']).toBeUndefined();
        }
        // Another encoding is another representation: its tag does not match this one.
        if (br.headers['content-encoding']) {
          const gzip = await get(entry, { 'accept-encoding': 'gzip', 'if-none-match': tag });
          expect(gzip.status, entry).toBe(200);
          expect(gzip.headers['etag'], entry).not.toBe(tag);
        }
        expect((await get(entry, { 'if-none-match': '"not-this-build"' })).status, entry).toBe(200);
      }
    });

    it('serves the demo pages no-cache and keeps their Content-Security-Policy', async () => {
      for (const path of ['/', '/northwind/', '/embedded/', '/luckyspin.css', '/home.js']) {
        const res = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.headers['cache-control'], path).toBe('no-cache');
        expect(res.headers['content-security-policy'], path).toMatch(/frame-ancestors 'self'$/);
      }
    });

    it('does not serve what is not widget code from the widget folder, nor the siblings as files of their own', async () => {
      // kabinet.js.br is an encoding of /kabinet.js, not a URL (and Workers never have it).
      expect((await get('/kabinet.js.br')).status).toBe(404);
      const chunk = readdirSync(join(dist, 'chunks')).find((f) => f.endsWith('.js.br'))!;
      expect((await get(`/chunks/${chunk}`)).status).toBe(404);
      expect((await get('/_headers')).status).toBe(404);
    });
  });
}
