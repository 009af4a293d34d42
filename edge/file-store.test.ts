import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDirectoryFileStore } from './file-store.ts';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kabinet-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const text = async (body: ReadableStream<Uint8Array>) => new Response(body).text();
const streamOf = (parts: string[], failAfter?: number) => {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && sent === failAfter) return controller.error(new Error('the source broke'));
      if (sent < parts.length) controller.enqueue(new TextEncoder().encode(parts[sent++]!));
      else controller.close();
    },
  });
};

describe('directory file store', () => {
  it('writes a stream or bytes under a nested key and reads them back with their size', async () => {
    const store = createDirectoryFileStore(join(dir, 'files'));
    expect(await store.put('reports/op_1/a.csv', streamOf(['day,clicks\r\n', '2026-11-01,3\r\n']), 'text/csv')).toEqual(
      {
        size: 26,
      },
    );
    const file = await store.get('reports/op_1/a.csv');
    expect(file!.size).toBe(26);
    expect(await text(file!.body)).toBe('day,clicks\r\n2026-11-01,3\r\n');
    await store.put('b.bin', new Uint8Array(200_000).fill(7), 'application/octet-stream');
    const big = new Uint8Array(await new Response((await store.get('b.bin'))!.body).arrayBuffer());
    expect(big.byteLength).toBe(200_000);
    expect(big.every((b) => b === 7)).toBe(true);
  });

  it('refuses keys that would leave the directory or are not plain paths', async () => {
    const store = createDirectoryFileStore(join(dir, 'files'));
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    for (const key of ['../secret.txt', '/etc/passwd', 'a/../../secret.txt', 'a//b', 'a\\b', '.hidden', '', 'a/./b'])
      await expect(store.get(key), key).rejects.toThrow(/Not a file key/);
  });

  it('a broken source leaves no file, not even half of one', async () => {
    const store = createDirectoryFileStore(join(dir, 'files'));
    await expect(store.put('r/x.zip', streamOf(['part one', 'part two'], 1), 'application/zip')).rejects.toThrow(
      'the source broke',
    );
    expect(await store.get('r/x.zip')).toBe(null);
    expect(readdirSync(join(dir, 'files', 'r'))).toEqual([]);
  });

  it('deletes (a missing file too), and a reader that opened the file keeps reading after the delete', async () => {
    const store = createDirectoryFileStore(join(dir, 'files'));
    await store.put('k.txt', new TextEncoder().encode('kept for the reader'), 'text/plain');
    const open = await store.get('k.txt');
    await store.delete('k.txt');
    await store.delete('k.txt');
    expect(await store.get('k.txt')).toBe(null);
    expect(await text(open!.body)).toBe('kept for the reader');
  });
});
