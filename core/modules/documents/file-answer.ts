/**
 * How a stored document is answered, to partners and operators alike: its detected type, shown
 * inline (PDF and images) under its sanitised name, and locked down so a crafted file cannot run
 * as a page of this origin (`nosniff`, `content-security-policy: sandbox`), never cached by others.
 */
import type { Context } from 'hono';
import { DomainError } from '../../lib/errors.ts';
import type { FileStore } from '../../lib/file-store.ts';
import type { OpenedDocument } from './documents.ts';

/** The file store the edge built; without one (a script's deps) documents can be neither stored nor served. */
export function documentFilesOf(files: FileStore | undefined): FileStore {
  if (!files) throw new DomainError('unavailable', 'This server has no file store for documents');
  return files;
}

/** `inline; filename="paspo_t.pdf"; filename*=UTF-8''pasport.pdf`: an ASCII fallback and the exact UTF-8 name. */
export function inlineDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function answerDocumentFile(c: Context, opened: OpenedDocument) {
  return c.body(opened.file.body, 200, {
    'content-type': opened.contentType,
    'content-length': String(opened.file.size),
    'content-disposition': inlineDisposition(opened.fileName),
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
    'cache-control': 'private, no-store',
  });
}

/** The OpenAPI answer of a file route: the three types a document may be. */
export const documentFileResponse = {
  description:
    'The file, as its detected type, with `content-disposition: inline` and a safe filename, `content-security-policy: ' +
    'sandbox`, `x-content-type-options: nosniff` and `cache-control: private, no-store`',
  content: {
    'application/pdf': { schema: { type: 'string' as const, format: 'binary' } },
    'image/jpeg': { schema: { type: 'string' as const, format: 'binary' } },
    'image/png': { schema: { type: 'string' as const, format: 'binary' } },
  },
};
