/**
 * What a file really is, by its first bytes (magic numbers), never by its name or the claimed
 * Content-Type: uploads (partner documents, news banners, manager photos) are checked with this
 * before they are stored. `file-type/core` is the runtime-neutral entry (no `node:` imports: it runs
 * on Node 20, Deno and workerd; 21.x, as 22.x asks for Node 22); only `fileTypeFromBuffer` is used here.
 */
import { fileTypeFromBuffer } from 'file-type/core';

export interface DetectedFileType {
  /** IANA media type, e.g. `application/pdf`, `image/png`; `application/x-msdownload` for a Windows executable. */
  mime: string;
  /** The usual extension without a dot: `pdf`, `png`, `jpg`, `exe`. */
  ext: string;
}

/**
 * The type the bytes carry, or null when no known signature matches (plain text, random bytes, an
 * empty file). The header decides: a PNG signature with its IHDR chunk followed by garbage is still
 * `image/png` — nothing here decodes the whole image — while a bare PNG signature over random bytes
 * is not recognised (file-type checks the first chunk). Callers compare the result with their own
 * allow-list.
 */
export async function detectFileType(bytes: Uint8Array): Promise<DetectedFileType | null> {
  if (bytes.byteLength === 0) return null;
  try {
    const found = await fileTypeFromBuffer(bytes);
    return found ? { mime: found.mime, ext: found.ext } : null;
  } catch {
    // A malformed structure that trips the parser is as unrecognisable as no signature at all.
    return null;
  }
}
