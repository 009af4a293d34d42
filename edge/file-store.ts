/**
 * The file store of Node and Deno: a directory (KABINET_FILES_DIR; default `files` beside the
 * database file). A key is a relative path checked by assertFileKey and resolved inside the
 * directory (checked again after resolving); a file is written under a temporary name and renamed
 * into place, so a reader sees the whole file or none. node:fs runs on Deno too.
 */
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { assertFileKey, streamOfBytes, type FileStore } from '../core/lib/file-store.ts';
import { randomToken } from '../core/lib/ids.ts';

export function createDirectoryFileStore(directory: string): FileStore {
  const root = resolve(directory);
  const pathOf = (key: string) => {
    const path = resolve(join(root, assertFileKey(key)));
    if (!path.startsWith(root + sep)) throw new Error(`File key leaves the store: ${key}`);
    return path;
  };
  return {
    async put(key, body, _contentType) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomToken(12)}.part`;
      const handle = await open(temporary, 'wx');
      let size = 0;
      try {
        const reader = (body instanceof Uint8Array ? streamOfBytes(body) : body).getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          await handle.write(value);
          size += value.byteLength;
        }
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(temporary, { force: true });
        throw error;
      }
      await handle.close();
      await rename(temporary, path);
      return { size };
    },
    async get(key) {
      const path = pathOf(key);
      const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!info?.isFile()) return null;
      return {
        body: Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>,
        size: info.size,
      };
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
