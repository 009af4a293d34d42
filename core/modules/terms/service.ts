/**
 * Terms and conditions, the operator's side: publish a new version (it becomes the current terms
 * at once and never changes), list versions with how many users accepted each, and who accepted one.
 */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { insertManyAtomically, rawStatement } from '../../db/insert-many.ts';
import { operatorActorOf, type TenantContext, type TenantRead } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { renderMarkdown } from '../../lib/markdown.ts';
import { partnerNames } from '../identity/partners.ts';
import { countSignInUsers, userEmails } from '../identity/users.ts';
import { notifyPartnerStatement } from '../notifications/service.ts';
import type { AcceptanceQuerySchema, PublishTermsSchema } from './schemas.ts';
import { termsAcceptances, termsVersions, type TermsVersionRow } from './table.ts';

type Read = Pick<TenantContext, 'db' | 'operatorId'>;

/** The operator's current terms (its highest version), or null when it has published none. */
export async function findCurrentTermsVersion(ctx: Read): Promise<TermsVersionRow | null> {
  const [row] = await ctx.db
    .select()
    .from(termsVersions)
    .where(eq(termsVersions.operatorId, ctx.operatorId))
    .orderBy(desc(termsVersions.version))
    .limit(1);
  return row ?? null;
}

/** One version of this operator, or 404 (another operator's ids are simply not found). */
export async function loadTermsVersion(ctx: Read, versionId: string): Promise<TermsVersionRow> {
  const [row] = await ctx.db
    .select()
    .from(termsVersions)
    .where(and(eq(termsVersions.operatorId, ctx.operatorId), eq(termsVersions.id, versionId)));
  if (!row) throw notFound('Terms version');
  return row;
}

export function presentVersion(row: TermsVersionRow) {
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    summaryOfChanges: row.summaryOfChanges,
    publishedAt: row.publishedAt.toISOString(),
  };
}

/** A version as partners read it: with the Markdown rendered to safe HTML. */
export function presentPublished(row: TermsVersionRow) {
  return { ...presentVersion(row), html: renderMarkdown(row.bodyMarkdown) };
}

async function acceptanceCounts(ctx: Read): Promise<Map<string, number>> {
  const rows = await ctx.db
    .select({ versionId: termsAcceptances.termsVersionId, n: count() })
    .from(termsAcceptances)
    .where(eq(termsAcceptances.operatorId, ctx.operatorId))
    .groupBy(termsAcceptances.termsVersionId);
  return new Map(rows.map((r) => [r.versionId, r.n]));
}

/** Every version, newest first, with its acceptance count, and how many users must accept the current one. */
export async function listTermsVersions(ctx: TenantRead) {
  const [rows, counts, signInUsers] = await Promise.all([
    ctx.db
      .select()
      .from(termsVersions)
      .where(eq(termsVersions.operatorId, ctx.operatorId))
      .orderBy(desc(termsVersions.version)),
    acceptanceCounts(ctx),
    countSignInUsers(ctx),
  ]);
  return {
    signInUsers,
    data: rows.map((row, index) => ({
      ...presentVersion(row),
      current: index === 0,
      acceptanceCount: counts.get(row.id) ?? 0,
    })),
  };
}

/** One version in full (Markdown and HTML), with its acceptance count. */
export async function getTermsVersion(ctx: Read, versionId: string) {
  const row = await loadTermsVersion(ctx, versionId);
  const [current, [accepted]] = await Promise.all([
    findCurrentTermsVersion(ctx),
    ctx.db
      .select({ n: count() })
      .from(termsAcceptances)
      .where(and(eq(termsAcceptances.operatorId, ctx.operatorId), eq(termsAcceptances.termsVersionId, row.id))),
  ]);
  return {
    ...presentPublished(row),
    bodyMarkdown: row.bodyMarkdown,
    createdBy: row.createdBy,
    current: current?.id === row.id,
    acceptanceCount: accepted?.n ?? 0,
  };
}

/**
 * Publishes the next version: numbered one above the highest in the same statement (the unique
 * index refuses a second publish racing for the same number, which then simply tries again), and
 * tells every partner in the same batch, so the notice and the terms exist together.
 */
export async function publishTermsVersion(ctx: TenantContext, input: z.infer<typeof PublishTermsSchema>) {
  for (let attempt = 0; ; attempt++) {
    const id = newId('terms', ctx.clock);
    const now = ctx.clock.now().getTime();
    const insert = rawStatement(sql`insert into ${termsVersions}
      (id, operator_id, version, title, body_markdown, summary_of_changes, published_at, created_by)
      select ${id}, ${ctx.operatorId}, coalesce(max(version), 0) + 1, ${input.title}, ${input.bodyMarkdown},
        ${input.summaryOfChanges || null}, ${now}, ${operatorActorOf(ctx)}
      from ${termsVersions} where operator_id = ${ctx.operatorId}`);
    const notice = notifyPartnerStatement(ctx, {
      partnerId: null,
      kind: 'terms_published',
      params: { title: input.title, versionId: id },
      link: '#/terms',
      onlyIf: sql`exists (select 1 from ${termsVersions} where id = ${id})`,
    });
    try {
      await insertManyAtomically(ctx.db, [insert, notice]);
    } catch (error) {
      if (attempt < 3 && /UNIQUE/i.test(String(error))) continue;
      throw error;
    }
    return getTermsVersion(ctx, id);
  }
}

/** Who accepted one version, newest first: the user's email, their partner's name, when and from where. */
export async function listTermsAcceptances(
  ctx: TenantRead,
  input: { versionId: string } & z.infer<typeof AcceptanceQuerySchema>,
) {
  const version = await loadTermsVersion(ctx, input.versionId);
  const where = and(eq(termsAcceptances.operatorId, ctx.operatorId), eq(termsAcceptances.termsVersionId, version.id));
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(termsAcceptances)
      .where(where)
      .orderBy(desc(termsAcceptances.acceptedAt), desc(termsAcceptances.id))
      .limit(input.limit)
      .offset(input.offset),
    ctx.db.select({ n: count() }).from(termsAcceptances).where(where),
  ]);
  const [names, emails] = await Promise.all([
    partnerNames(
      ctx,
      rows.map((r) => r.partnerId),
    ),
    userEmails(
      ctx,
      rows.map((r) => r.userId),
    ),
  ]);
  return {
    data: rows.map((r) => ({
      userId: r.userId,
      email: emails.get(r.userId) ?? '',
      partnerId: r.partnerId,
      partnerName: names.get(r.partnerId) ?? '',
      acceptedAt: r.acceptedAt.toISOString(),
      ip: r.ip,
      userAgent: r.userAgent,
    })),
    total: total?.n ?? 0,
  };
}
