/**
 * The partner's side of documents: upload (type read from the bytes), list, open the file, delete
 * while pending. Every query filters by the operator and the caller's partner, so another
 * partner's document is simply not found (404).
 */
import { and, desc, eq } from 'drizzle-orm';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { DomainError, fieldProblem, notFound } from '../../lib/errors.ts';
import type { FileStore, StoredFile } from '../../lib/file-store.ts';
import { detectFileType } from '../../lib/file-signature.ts';
import { newId } from '../../lib/ids.ts';
import { userEmails } from '../identity/users.ts';
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, type PartnerDocument } from './schemas.ts';
import { partnerDocuments, type DocumentKind, type PartnerDocumentRow } from './table.ts';

type DocumentsRead = Pick<TenantContext, 'db' | 'operatorId' | 'maxBoundParams'>;
type PartnerDocuments = Pick<PartnerContext, 'db' | 'clock' | 'operatorId' | 'maxBoundParams' | 'partner'>;

/** `passport scan.PDF` → `passport scan.pdf`: no folders, control or quote characters; the real type's extension. */
export function sanitiseFileName(claimed: string, ext: string): string {
  const base = (claimed.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).replace(/^\.+/, '').trim().slice(0, 100) || 'document';
  const claimedExt = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  // A JPEG named .jpeg keeps its name; anything else takes the extension of what it really is.
  return `${stem}.${ext === 'jpg' && claimedExt === 'jpeg' ? 'jpeg' : ext}`;
}

/** The type the bytes are, if it is one a document may be; else a 422 on `file` naming what is allowed. */
async function documentTypeOf(bytes: Uint8Array): Promise<{ mime: string; ext: string }> {
  if (bytes.byteLength === 0) throw fieldProblem('body.file', 'required', 'is empty: choose a PDF, JPEG or PNG file');
  if (bytes.byteLength > MAX_DOCUMENT_BYTES)
    throw new DomainError(
      'payload_too_large',
      'A document is at most 10 MB',
      [
        {
          path: 'body.file',
          reason: 'too_large',
          params: { maximum: MAX_DOCUMENT_BYTES },
          message: `larger than the limit of 10 MB (${MAX_DOCUMENT_BYTES} bytes)`,
        },
      ],
      { maximum: MAX_DOCUMENT_BYTES },
    );
  const detected = await detectFileType(bytes);
  const ext = detected ? DOCUMENT_TYPES[detected.mime] : undefined;
  if (!detected || !ext)
    throw fieldProblem(
      'body.file',
      'invalid_choice',
      `is not a PDF, JPEG or PNG file (its content is ${detected ? detected.mime : 'of no recognised type'})`,
      { allowed: Object.keys(DOCUMENT_TYPES) },
    );
  return { mime: detected.mime, ext };
}

export function presentDocument(row: PartnerDocumentRow, uploaderEmail: string | null): PartnerDocument {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    status: row.status,
    comment: row.comment,
    uploadedBy: uploaderEmail,
    createdAt: row.createdAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  };
}

/**
 * Stores the file, then the row: a row always has its file. If the row cannot be written the file
 * is removed again, so nothing half-stored is left behind.
 */
export async function uploadDocument(
  ctx: PartnerDocuments & { files: FileStore },
  input: { kind: DocumentKind; fileName: string; bytes: Uint8Array },
): Promise<PartnerDocument> {
  const type = await documentTypeOf(input.bytes);
  const id = newId('doc', ctx.clock);
  const fileKey = `documents/${ctx.operatorId}/${id}.${type.ext}`;
  await ctx.files.put(fileKey, input.bytes, type.mime);
  try {
    const [row] = await ctx.db
      .insert(partnerDocuments)
      .values({
        id,
        operatorId: ctx.operatorId,
        partnerId: ctx.partner.partnerId,
        uploadedByUserId: ctx.partner.userId,
        kind: input.kind,
        fileName: sanitiseFileName(input.fileName, type.ext),
        contentType: type.mime,
        size: input.bytes.byteLength,
        fileKey,
        status: 'pending',
        createdAt: ctx.clock.now(),
      })
      .returning();
    return presentDocument(row!, ctx.partner.email);
  } catch (error) {
    await ctx.files.delete(fileKey).catch(() => {});
    throw error;
  }
}

/** The partner's documents, newest first (a partner has a handful: no paging). */
export async function listPartnerDocuments(ctx: PartnerDocuments): Promise<PartnerDocument[]> {
  const rows = await ctx.db
    .select()
    .from(partnerDocuments)
    .where(and(eq(partnerDocuments.operatorId, ctx.operatorId), eq(partnerDocuments.partnerId, ctx.partner.partnerId)))
    .orderBy(desc(partnerDocuments.id));
  const emails = await userEmails(ctx, new Set(rows.map((r) => r.uploadedByUserId)));
  return rows.map((row) => presentDocument(row, emails.get(row.uploadedByUserId) ?? null));
}

/** One document of the operator, of one partner when `partnerId` is given; else 404. */
export async function loadDocument(
  ctx: Pick<TenantContext, 'db' | 'operatorId'>,
  { documentId, partnerId }: { documentId: string; partnerId?: string | undefined },
): Promise<PartnerDocumentRow> {
  const [row] = await ctx.db
    .select()
    .from(partnerDocuments)
    .where(
      and(
        eq(partnerDocuments.operatorId, ctx.operatorId),
        eq(partnerDocuments.id, documentId),
        partnerId ? eq(partnerDocuments.partnerId, partnerId) : undefined,
      ),
    );
  if (!row) throw notFound('Document');
  return row;
}

export interface OpenedDocument {
  file: StoredFile;
  contentType: string;
  fileName: string;
}

/** The stored file of a document the caller may see (its row is looked up first: another tenant's id is a 404). */
export async function openDocumentFile(
  ctx: DocumentsRead & { files: FileStore },
  input: { documentId: string; partnerId?: string },
): Promise<OpenedDocument> {
  const row = await loadDocument(ctx, input);
  const file = await ctx.files.get(row.fileKey);
  // The row is written only after its file, so a missing file is the store's fault, not a 404 to explain.
  if (!file) throw new DomainError('unavailable', 'The document’s file cannot be read from the file store now');
  return { file, contentType: row.contentType, fileName: row.fileName };
}

/** Deletes the partner's document while it waits for review (a reviewed one is the record: 409), then its file. */
export async function deletePendingDocument(
  ctx: PartnerDocuments & { files: FileStore },
  documentId: string,
): Promise<{ id: string; deleted: true }> {
  const deleted = await ctx.db
    .delete(partnerDocuments)
    .where(
      and(
        eq(partnerDocuments.operatorId, ctx.operatorId),
        eq(partnerDocuments.partnerId, ctx.partner.partnerId),
        eq(partnerDocuments.id, documentId),
        eq(partnerDocuments.status, 'pending'),
      ),
    )
    .returning({ fileKey: partnerDocuments.fileKey });
  if (!deleted[0]) {
    const row = await loadDocument(ctx, { documentId, partnerId: ctx.partner.partnerId });
    throw new DomainError('conflict', `Only a pending document can be deleted; this one is ${row.status}`, [], {
      resource: 'document',
      state: 'status',
      status: row.status,
      action: 'delete',
    });
  }
  // The row is gone first, so no one is shown a document whose file is missing; a failed delete leaves an orphan file only.
  await ctx.files.delete(deleted[0].fileKey).catch(() => {});
  return { id: documentId, deleted: true };
}
