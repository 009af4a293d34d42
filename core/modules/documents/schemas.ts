/** I/O contracts of partner documents: the upload form, the document as answered, the review queue and the review. */
import { z } from '@hono/zod-openapi';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from './table.ts';

/** The types a document may be, read from its bytes, with the extension its stored file gets. */
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** The multipart form a browser sends: the file and what kind of document it is. */
export const UploadDocumentFormSchema = z
  .object({
    kind: z.enum(DOCUMENT_KINDS).openapi({
      description:
        '`identity` (passport, ID card), `company` (registration certificate), `address` (proof of address), ' +
        '`tax` (tax or VAT certificate, invoices), `other`',
    }),
    // Any value here: whether it is a file part, and what its bytes are, the service checks and words itself.
    file: z.unknown().openapi({
      type: 'string',
      format: 'binary',
      description: 'The document: PDF, JPEG or PNG (read from its bytes, not its name), at most 10 MB',
    }),
  })
  .openapi('UploadDocumentForm');

export const PartnerDocumentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    fileName: z.string().openapi({ description: 'The uploaded name, sanitised, with the extension of its real type' }),
    contentType: z.string().openapi({ description: 'Read from the bytes: application/pdf, image/jpeg or image/png' }),
    size: z.number().int().openapi({ description: 'Bytes' }),
    status: z.enum(DOCUMENT_STATUSES),
    comment: z.string().nullable().openapi({ description: 'The reviewer’s words (always there when declined)' }),
    uploadedBy: z.string().nullable().openapi({ description: 'The uploader’s e-mail (null once they left the team)' }),
    createdAt: z.string(),
    reviewedAt: z.string().nullable(),
  })
  .openapi('PartnerDocument');
export type PartnerDocument = z.output<typeof PartnerDocumentSchema>;

export const PartnerDocumentListSchema = z
  .object({ items: z.array(PartnerDocumentSchema) })
  .openapi('PartnerDocumentList');

export const DeletedDocumentSchema = z.object({ id: z.string(), deleted: z.literal(true) }).openapi('DeletedDocument');

export const OperatorDocumentSchema = PartnerDocumentSchema.extend({
  partnerId: z.string(),
  partnerName: z.string().nullable(),
  reviewedBy: z
    .string()
    .nullable()
    .openapi({ description: 'Who reviewed it: the console staff user’s id, or `api_key` for the secret key' }),
}).openapi('OperatorDocument');
export type OperatorDocument = z.output<typeof OperatorDocumentSchema>;

export const DocumentQueueSchema = z.object({ items: z.array(OperatorDocumentSchema) }).openapi('DocumentQueue');

export const DocumentQueueQuerySchema = z.object({
  status: z
    .enum(DOCUMENT_STATUSES)
    .optional()
    .openapi({ description: 'Only documents in this state (all states when absent)' }),
  partnerId: z.string().min(3).max(64).optional().openapi({ description: 'Only this partner’s documents' }),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type DocumentQueueQuery = z.output<typeof DocumentQueueQuerySchema>;

export const ReviewDocumentSchema = z
  .object({
    decision: z.enum(['approve', 'decline']),
    comment: z.string().trim().max(1000).optional().openapi({
      description: 'What the partner reads: required when declining (what to send instead), optional when approving',
    }),
  })
  .strict()
  .openapi('ReviewDocument');
export type ReviewDocumentInput = z.output<typeof ReviewDocumentSchema>;
