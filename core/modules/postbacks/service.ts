/**
 * Partner postback configurations: one scope (account, campaign, promo), one action, one URL
 * template. Templates are validated on save with positions; warnings are kept and shown.
 * Archived campaigns take no new or changed postbacks. Delivery: plan-postbacks.ts, deliver-postback.ts.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerContext } from '../../lib/context.ts';
import { DomainError, fieldProblem, fieldProblems, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { campaignNameOf, findPartnerCampaign, findPartnerPromo, promoTitleOf } from '../campaigns/service.ts';
import { postbackConfigs } from './table.ts';
import { validatePostbackTemplate, type TemplateProblem } from './template.ts';
import type { CreatePostbackSchema, PostbackQuerySchema, UpdatePostbackSchema } from './schemas.ts';

type Row = typeof postbackConfigs.$inferSelect;
const invalid = fieldProblem;

/** Refuses a template with errors (each named with its position); returns its warnings. */
function checkTemplate(url: string, scope: Row['scope']): TemplateProblem[] {
  const problems = validatePostbackTemplate(url, { scope });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    throw fieldProblems(
      errors.map((e) => ({
        path: 'body.url',
        reason: 'invalid_template' as const,
        params: { ...e.params, problem: e.code, position: e.position },
        message: `at ${e.position}: ${e.message}`,
      })),
    );
  }
  return problems;
}

/** The names a partner reads instead of ids (null for an account postback, or a campaign/promo gone). */
interface Names {
  campaignName: string | null;
  promoTitle: string | null;
}

/** The campaign's name and the promo's title of a postback row, as SQL for the select (campaigns' labels). */
const namesSql = () => ({
  campaignName: campaignNameOf(postbackConfigs.campaignId),
  promoTitle: promoTitleOf(postbackConfigs.promoId),
});

/** One row's names, for the answers of create and update (the list selects them with its rows). */
async function namesOf(ctx: PartnerContext, row: Row): Promise<Names> {
  if (!row.campaignId && !row.promoId) return { campaignName: null, promoTitle: null };
  const [found] = await ctx.db.select(namesSql()).from(postbackConfigs).where(eq(postbackConfigs.id, row.id));
  return { campaignName: found?.campaignName ?? null, promoTitle: found?.promoTitle ?? null };
}

function present(row: Row, names: Names) {
  return {
    id: row.id,
    scope: row.scope,
    campaignId: row.campaignId,
    campaignName: names.campaignName,
    promoId: row.promoId,
    promoTitle: names.promoTitle,
    action: row.action,
    method: row.method,
    bodyFormat: row.bodyFormat,
    url: row.urlTemplate,
    enabled: row.enabled,
    warnings: validatePostbackTemplate(row.urlTemplate, { scope: row.scope }).filter((p) => p.severity === 'warning'),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function activeCampaign(ctx: PartnerContext, campaignId: string, path: string) {
  const campaign = await findPartnerCampaign(ctx, campaignId);
  if (!campaign) throw invalid(path, 'not_found_reference', 'no such campaign', { resource: 'campaign' });
  if (campaign.status === 'archived')
    throw new DomainError('conflict', 'The campaign is archived: unarchive it to add or change its postbacks', [], {
      resource: 'campaign',
      state: 'archived',
    });
  return campaign;
}

export async function createPostback(ctx: PartnerContext, input: z.infer<typeof CreatePostbackSchema>) {
  let campaignId: string | null = null;
  let promoId: string | null = null;
  if (input.scope === 'campaign') {
    if (!input.campaignId) throw invalid('body.campaignId', 'required', 'required for a campaign postback');
    campaignId = (await activeCampaign(ctx, input.campaignId, 'body.campaignId')).id;
  } else if (input.scope === 'promo') {
    if (!input.promoId) throw invalid('body.promoId', 'required', 'required for a promo postback');
    const promo = await findPartnerPromo(ctx, input.promoId);
    if (!promo) throw invalid('body.promoId', 'not_found_reference', 'no such promo', { resource: 'promo' });
    await activeCampaign(ctx, promo.campaignId, 'body.promoId');
    campaignId = promo.campaignId;
    promoId = promo.id;
  }
  if (input.method === 'GET' && input.bodyFormat)
    throw invalid('body.bodyFormat', 'not_applicable', 'only POST postbacks have a body', { method: 'GET' });
  checkTemplate(input.url, input.scope);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(postbackConfigs)
    .values({
      id: newId('pb', ctx.clock),
      operatorId: ctx.operatorId,
      partnerId: ctx.partner.partnerId,
      scope: input.scope,
      campaignId,
      promoId,
      action: input.action,
      method: input.method,
      bodyFormat: input.method === 'POST' ? (input.bodyFormat ?? 'form') : null,
      urlTemplate: input.url,
      enabled: input.enabled,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return present(row!, await namesOf(ctx, row!));
}

export async function loadPostback(ctx: PartnerContext, id: string): Promise<Row> {
  const [row] = await ctx.db
    .select()
    .from(postbackConfigs)
    .where(
      and(
        eq(postbackConfigs.operatorId, ctx.operatorId),
        eq(postbackConfigs.partnerId, ctx.partner.partnerId),
        eq(postbackConfigs.id, id),
      ),
    );
  if (!row) throw notFound('Postback');
  return row;
}

export async function updatePostback(
  ctx: PartnerContext,
  input: { postbackId: string } & z.infer<typeof UpdatePostbackSchema>,
) {
  const id = input.postbackId;
  const row = await loadPostback(ctx, id);
  if (row.campaignId) await activeCampaign(ctx, row.campaignId, 'path.postbackId');
  const method = input.method ?? row.method;
  const bodyFormat = method === 'GET' ? null : (input.bodyFormat ?? row.bodyFormat ?? 'form');
  if (input.url !== undefined) checkTemplate(input.url, row.scope);
  const [updated] = await ctx.db
    .update(postbackConfigs)
    .set({
      ...(input.url !== undefined ? { urlTemplate: input.url } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      method,
      bodyFormat,
      updatedAt: ctx.clock.now(),
    })
    .where(eq(postbackConfigs.id, row.id))
    .returning();
  return present(updated!, await namesOf(ctx, updated!));
}

export async function deletePostback(ctx: PartnerContext, id: string) {
  const row = await loadPostback(ctx, id);
  await ctx.db.delete(postbackConfigs).where(eq(postbackConfigs.id, row.id));
  return { deleted: 1 };
}

export async function listPostbacks(ctx: PartnerContext, query: z.infer<typeof PostbackQuerySchema>) {
  const rows = await ctx.db
    .select({ row: postbackConfigs, ...namesSql() })
    .from(postbackConfigs)
    .where(
      and(
        eq(postbackConfigs.operatorId, ctx.operatorId),
        eq(postbackConfigs.partnerId, ctx.partner.partnerId),
        query.scope ? eq(postbackConfigs.scope, query.scope) : undefined,
        query.campaignId ? eq(postbackConfigs.campaignId, query.campaignId) : undefined,
        query.promoId ? eq(postbackConfigs.promoId, query.promoId) : undefined,
      ),
    )
    .orderBy(asc(postbackConfigs.createdAt));
  return rows.map(({ row, ...names }) => present(row, names));
}
