/**
 * The file store of Workers: an R2 bucket (the FILES binding of wrangler.toml). R2's put needs
 * the body's length up front, which a generated stream has not, so a stream goes up as a
 * multipart upload in parts of one fixed size (R2 wants every part but the last the same size,
 * at least 5 MiB): the Worker holds one part at a time, never the whole file. A file smaller
 * than one part is a single put.
 */
import { assertFileKey, type FileStore } from '../core/lib/file-store.ts';

/** The slice of R2's binding this store uses. */
export interface R2BucketLike {
  put(key: string, value: Uint8Array, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
  get(key: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | null>;
  delete(key: string): Promise<void>;
  createMultipartUpload(
    key: string,
    options?: { httpMetadata?: { contentType?: string } },
  ): Promise<{
    uploadPart(partNumber: number, value: Uint8Array): Promise<{ partNumber: number; etag: string }>;
    complete(parts: Array<{ partNumber: number; etag: string }>): Promise<unknown>;
    abort(): Promise<void>;
  }>;
}

export const R2_PART_BYTES = 8 * 1024 * 1024;

export function createR2FileStore(bucket: R2BucketLike, partBytes = R2_PART_BYTES): FileStore {
  return {
    async put(key, body, contentType) {
      assertFileKey(key);
      const httpMetadata = { contentType };
      if (body instanceof Uint8Array) {
        await bucket.put(key, body, { httpMetadata });
        return { size: body.byteLength };
      }
      const reader = body.getReader();
      let buffer = new Uint8Array(partBytes);
      let filled = 0;
      let size = 0;
      let upload: Awaited<ReturnType<R2BucketLike['createMultipartUpload']>> | null = null;
      const parts: Array<{ partNumber: number; etag: string }> = [];
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          let offset = 0;
          while (offset < value.byteLength) {
            const take = Math.min(partBytes - filled, value.byteLength - offset);
            buffer.set(value.subarray(offset, offset + take), filled);
            filled += take;
            offset += take;
            if (filled === partBytes) {
              upload ??= await bucket.createMultipartUpload(key, { httpMetadata });
              parts.push(await upload.uploadPart(parts.length + 1, buffer));
              buffer = new Uint8Array(partBytes);
              filled = 0;
            }
          }
        }
        if (!upload) {
          await bucket.put(key, buffer.subarray(0, filled), { httpMetadata });
          return { size };
        }
        if (filled > 0) parts.push(await upload.uploadPart(parts.length + 1, buffer.subarray(0, filled)));
        await upload.complete(parts);
        return { size };
      } catch (error) {
        await upload?.abort().catch(() => {});
        throw error;
      }
    },
    async get(key) {
      const object = await bucket.get(assertFileKey(key));
      return object ? { body: object.body, size: object.size } : null;
    },
    async delete(key) {
      await bucket.delete(assertFileKey(key));
    },
  };
}
