/**
 * The file store of Node and Deno: a directory (KABINET_FILES_DIR; default `files` beside the
 * database file). A key is a relative path checked by assertFileKey and resolved inside the
 * directory (checked again after resolving); a file is written under a temporary name and renamed
 * into place, so a reader sees the whole file or none. node:fs runs on Deno too.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { assertFileKey, streamOfBytes, type FileStore } from '../core/lib/file-store.ts';
import { randomToken } from '../core/lib/ids.ts';

const READ_CHUNK = 64 * 1024;

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
      // Opened first, then measured: a purge that deletes the file meanwhile leaves this reader whole.
      const handle = await open(pathOf(key), 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!handle) return null;
      const info = await handle.stat();
      if (!info.isFile()) {
        await handle.close();
        return null;
      }
      let position = 0;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const buffer = new Uint8Array(READ_CHUNK);
            const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, position);
            if (bytesRead === 0) {
              await handle.close();
              controller.close();
              return;
            }
            position += bytesRead;
            controller.enqueue(buffer.subarray(0, bytesRead));
          } catch (error) {
            await handle.close().catch(() => {});
            controller.error(error);
          }
        },
        async cancel() {
          await handle.close();
        },
      });
      return { body, size: info.size };
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
