/**
 * Where generated files live (requested reports today): a small port each edge fills in — a
 * directory beside the database on Node and Deno (edge/file-store.ts), an R2 bucket on Workers
 * (edge/r2-file-store.ts). Keys are relative paths the caller builds from ids; both stores refuse
 * anything else, so a key can never leave the store.
 */

export interface StoredFile {
  body: ReadableStream<Uint8Array>;
  /** Bytes. */
  size: number;
}

export interface FileStore {
  /** Writes the whole file; a reader never sees half of it (temp name then rename, or one R2 object). */
  put(key: string, body: Uint8Array | ReadableStream<Uint8Array>, contentType: string): Promise<{ size: number }>;
  /** The file, or null when there is none under the key. */
  get(key: string): Promise<StoredFile | null>;
  /** Deleting a missing file is no error (housekeeping may run twice). */
  delete(key: string): Promise<void>;
}

/** `requested-reports/op_1/rrep_2.zip`: segments of letters, digits, `.`, `_` and `-`, none starting with a dot. */
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}){0,7}$/;

/** Throws unless the key is a plain relative path (no `..`, no leading `/`, no backslash, no empty segment). */
export function assertFileKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Not a file key: ${JSON.stringify(key)}`);
  return key;
}

/** A stream of the given bytes (a body put as a Uint8Array read back the same way as a stream). */
export function streamOfBytes(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.byteLength) controller.enqueue(bytes);
      controller.close();
    },
  });
}
