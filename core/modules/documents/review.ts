/**
 * The operator's side of documents: the review queue (oldest first, with the partner's name and
 * the uploader's e-mail from identity's operations) and the review itself. A review moves a row
 * only from pending, by a conditional update, so of two reviewers at once one wins and the other
 * is told (409); the winner's decision reaches the partner as a notification and an e-mail.
 */
import { and, asc, eq } from 'drizzle-orm';
import { operatorActorOf, type TenantContext } from '../../lib/context.ts';
import { DomainError, fieldProblem } from '../../lib/errors.ts';
import { partnerNames } from '../identity/partners.ts';
import { portalLink } from '../identity/portal-link.ts';
import { loadUser, userEmails } from '../identity/users.ts';
import { sendMail } from '../mail/service.ts';
import { notifyPartner } from '../notifications/service.ts';
import { loadDocument, presentDocument } from './documents.ts';
import type { DocumentQueueQuery, OperatorDocument, ReviewDocumentInput } from './schemas.ts';
import { partnerDocuments, type PartnerDocumentRow } from './table.ts';

async function presentForOperator(ctx: TenantContext, rows: PartnerDocumentRow[]): Promise<OperatorDocument[]> {
  const [names, emails] = await Promise.all([
    partnerNames(ctx, new Set(rows.map((r) => r.partnerId))),
    userEmails(ctx, new Set(rows.map((r) => r.uploadedByUserId))),
  ]);
  return rows.map((row) => ({
    ...presentDocument(row, emails.get(row.uploadedByUserId) ?? null),
    partnerId: row.partnerId,
    partnerName: names.get(row.partnerId) ?? null,
    reviewedBy: row.reviewedBy,
  }));
}

/** The review queue: documents of a state and/or partner, oldest first (who waited longest comes first). */
export async function listDocumentQueue(ctx: TenantContext, query: DocumentQueueQuery): Promise<OperatorDocument[]> {
  const rows = await ctx.db
    .select()
    .from(partnerDocuments)
    .where(
      and(
        eq(partnerDocuments.operatorId, ctx.operatorId),
        query.status ? eq(partnerDocuments.status, query.status) : undefined,
        query.partnerId ? eq(partnerDocuments.partnerId, query.partnerId) : undefined,
      ),
    )
    .orderBy(asc(partnerDocuments.createdAt), asc(partnerDocuments.id))
    .limit(query.limit);
  return presentForOperator(ctx, rows);
}

/** The document of the operator as the console shows it; 404 for another operator's. */
export async function findOperatorDocument(ctx: TenantContext, documentId: string): Promise<OperatorDocument> {
  return (await presentForOperator(ctx, [await loadDocument(ctx, { documentId })]))[0]!;
}

/**
 * Approves or declines a pending document (a comment is required to decline: the partner must
 * learn what to send instead). Another reviewer's earlier decision answers 409 and changes nothing.
 */
export async function reviewDocument(
  ctx: TenantContext,
  input: ReviewDocumentInput & { documentId: string },
): Promise<OperatorDocument> {
  const comment = input.comment?.trim() || null;
  if (input.decision === 'decline' && !comment)
    throw fieldProblem('body.comment', 'required', 'is required to decline: tell the partner what to send instead');
  const [reviewed] = await ctx.db
    .update(partnerDocuments)
    .set({
      status: input.decision === 'approve' ? 'approved' : 'declined',
      comment,
      reviewedAt: ctx.clock.now(),
      reviewedBy: operatorActorOf(ctx),
    })
    .where(
      and(
        eq(partnerDocuments.operatorId, ctx.operatorId),
        eq(partnerDocuments.id, input.documentId),
        eq(partnerDocuments.status, 'pending'),
      ),
    )
    .returning();
  if (!reviewed) {
    const row = await loadDocument(ctx, { documentId: input.documentId });
    throw new DomainError('conflict', `The document was already reviewed: it is ${row.status}`, [], {
      resource: 'document',
      state: 'status',
      status: row.status,
      action: input.decision,
    });
  }
  await tellPartner(ctx, reviewed);
  return (await presentForOperator(ctx, [reviewed]))[0]!;
}

/** The bell for every team member, and an e-mail to the uploader while they are still on the team. */
async function tellPartner(ctx: TenantContext, row: PartnerDocumentRow) {
  const decision = row.status === 'approved' ? 'approved' : 'declined';
  await notifyPartner(ctx, {
    partnerId: row.partnerId,
    kind: 'document_reviewed',
    params: { fileName: row.fileName, decision },
    link: '#/documents',
  });
  const uploader = await loadUser(ctx, row.uploadedByUserId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'not_found') return null;
    throw error;
  });
  if (!uploader || uploader.blockedAt) return;
  await sendMail(ctx, {
    to: uploader.email,
    locale: uploader.locale,
    template: 'document_reviewed',
    params: {
      fileName: row.fileName,
      decision,
      comment: row.comment ?? '',
      link: `${portalLink(ctx, { action: 'sign-in' })}#/documents`,
    },
  });
}
