/**
 * Lucky Spin's partner documents in every state, with real files: the demo partner has an
 * approved passport (PDF), a company certificate declined with the reviewer's reason (PNG, with
 * the notification the review sent) and a pending VAT certificate (JPEG); three other partners
 * wait in the review queue. Written as the upload and the review leave them (file first, then
 * the row); without a file store in the seed's deps there are no documents (a row needs its file).
 */
import { and, eq } from 'drizzle-orm';
import { withTenant, type TenantContext } from '../core/lib/context.ts';
import type { FileStore } from '../core/lib/file-store.ts';
import { newId } from '../core/lib/ids.ts';
import { partnerDocuments, type DocumentKind, type DocumentStatus } from '../core/modules/documents/table.ts';
import { users } from '../core/modules/identity/table.ts';
import { notifyPartner } from '../core/modules/notifications/service.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';
import { TINY_JPEG, TINY_PNG, minimalPdf } from './document-files.ts';
import type { SeedDeps } from './seed-postbacks.ts';

const DAY = 86_400_000;

interface DemoDocument {
  kind: DocumentKind;
  fileName: string;
  status: DocumentStatus;
  comment?: string;
  /** Days before now it was uploaded, and reviewed (when it was). */
  uploadedDaysAgo: number;
  reviewedDaysAgo?: number;
}

const FILES = {
  pdf: { contentType: 'application/pdf', ext: 'pdf' },
  jpg: { contentType: 'image/jpeg', ext: 'jpg' },
  png: { contentType: 'image/png', ext: 'png' },
} as const;

const DEMO_PARTNER_DOCUMENTS: DemoDocument[] = [
  { kind: 'identity', fileName: 'Passport.pdf', status: 'approved', uploadedDaysAgo: 60, reviewedDaysAgo: 59 },
  {
    kind: 'company',
    fileName: 'Certificate of incorporation.png',
    status: 'declined',
    comment: 'The certificate is cut off at the bottom: please upload the whole page, with the registry stamp.',
    uploadedDaysAgo: 6,
    reviewedDaysAgo: 5,
  },
  { kind: 'tax', fileName: 'VAT certificate.jpg', status: 'pending', uploadedDaysAgo: 1 },
];

/** Others in the queue: the oldest first is what the reviewer sees. */
const QUEUED: Array<{ partnerIndex: number; document: DemoDocument }> = [
  { partnerIndex: 1, document: { kind: 'identity', fileName: 'ID card.jpg', status: 'pending', uploadedDaysAgo: 4 } },
  {
    partnerIndex: 2,
    document: { kind: 'address', fileName: 'Utility bill.pdf', status: 'pending', uploadedDaysAgo: 3 },
  },
  {
    partnerIndex: 3,
    document: { kind: 'company', fileName: 'Company register extract.pdf', status: 'pending', uploadedDaysAgo: 2 },
  },
];

function bytesFor(fileName: string): { bytes: Uint8Array; type: (typeof FILES)[keyof typeof FILES] } {
  if (fileName.endsWith('.jpg')) return { bytes: TINY_JPEG, type: FILES.jpg };
  if (fileName.endsWith('.png')) return { bytes: TINY_PNG, type: FILES.png };
  return { bytes: minimalPdf(fileName.replace(/\.pdf$/, '')), type: FILES.pdf };
}

async function storeDocument(
  ctx: SeedDeps & { files: FileStore },
  owner: { operatorId: string; partnerId: string; userId: string },
  document: DemoDocument,
) {
  const now = ctx.clock.now().getTime();
  const { bytes, type } = bytesFor(document.fileName);
  const id = newId('doc', ctx.clock);
  const fileKey = `documents/${owner.operatorId}/${id}.${type.ext}`;
  await ctx.files.put(fileKey, bytes, type.contentType);
  await ctx.db.insert(partnerDocuments).values({
    id,
    ...owner,
    uploadedByUserId: owner.userId,
    kind: document.kind,
    fileName: document.fileName,
    contentType: type.contentType,
    size: bytes.byteLength,
    fileKey,
    status: document.status,
    comment: document.comment ?? null,
    reviewedAt: document.reviewedDaysAgo === undefined ? null : new Date(now - document.reviewedDaysAgo * DAY),
    reviewedBy: document.reviewedDaysAgo === undefined ? null : 'api_key',
    createdAt: new Date(now - document.uploadedDaysAgo * DAY),
  });
  if (document.status === 'declined')
    await notifyPartner(withTenant(ctx, owner.operatorId) as unknown as TenantContext, {
      partnerId: owner.partnerId,
      kind: 'document_reviewed',
      params: { fileName: document.fileName, decision: 'declined' },
      link: '#/documents',
    });
}

export async function seedDocuments(ctx: SeedDeps & { files?: FileStore | undefined }): Promise<void> {
  if (!ctx.files) return;
  const withFiles = { ...ctx, files: ctx.files };
  const demo = DEMO_OPERATORS[0]!;
  for (const document of DEMO_PARTNER_DOCUMENTS)
    await storeDocument(withFiles, { operatorId: demo.id, partnerId: demo.partnerId, userId: demo.userId }, document);
  // The owners of the operator's other partners, in the seed's order (the demo partner is first).
  const owners = await ctx.db
    .select({ partnerId: users.partnerId, userId: users.id })
    .from(users)
    .where(and(eq(users.operatorId, demo.id), eq(users.role, 'owner')))
    .orderBy(users.createdAt);
  for (const { partnerIndex, document } of QUEUED) {
    const owner = owners.filter((o) => o.partnerId !== demo.partnerId)[partnerIndex - 1];
    if (owner) await storeDocument(withFiles, { operatorId: demo.id, ...owner }, document);
  }
}
