/**
 * Partner documents (this module owns the table below; files live in the context's file store).
 *
 * - A partner user (owner or admin) uploads a document of a kind (identity, company, address,
 *   tax, other) for the operator to verify; the file's type is read from its bytes (PDF, JPEG or
 *   PNG) and stored under `documents/<operatorId>/<documentId>.<ext>`: file first, then the row, so
 *   a row always has its file.
 * - States: pending → approved | declined. Only a review moves a row, by a conditional update
 *   `where status = 'pending'`, so of two reviewers at once one wins and the other gets 409.
 *   A declined document carries the reviewer's comment.
 * - The partner may delete a document while it is pending; reviewed documents stay as the record.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { partners } from '../identity/table.ts';

export const DOCUMENT_KINDS = ['identity', 'company', 'address', 'tax', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATUSES = ['pending', 'approved', 'declined'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const partnerDocuments = sqliteTable(
  'partner_documents',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** Who uploaded it (kept as it was: the document stays after the user leaves the team). */
    uploadedByUserId: text('uploaded_by_user_id').notNull(),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    /** The uploaded name, sanitised: shown in lists and used in Content-Disposition. */
    fileName: text('file_name').notNull(),
    /** Detected from the bytes, never the type the browser claimed. */
    contentType: text('content_type').notNull(),
    /** Bytes. */
    size: integer('size').notNull(),
    fileKey: text('file_key').notNull(),
    status: text('status', { enum: DOCUMENT_STATUSES }).notNull(),
    /** The reviewer's words: required when declining, optional when approving. */
    comment: text('comment'),
    reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }),
    /** The operator credential that reviewed it (an API key or a staff user id). */
    reviewedBy: text('reviewed_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // The partner's list, newest first.
    index('partner_documents_partner').on(t.operatorId, t.partnerId, t.id),
    // The review queue: a state, oldest first.
    index('partner_documents_queue').on(t.operatorId, t.status, t.createdAt),
    check(
      'partner_documents_status',
      sql`${t.status} in ('pending', 'approved', 'declined') and (${t.status} = 'pending' or ${t.reviewedAt} is not null)`,
    ),
  ],
);

export type PartnerDocumentRow = typeof partnerDocuments.$inferSelect;
