/** The operator's view of conversions (list, detail with every change), status/payout changes, and costs. */
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerContext, TenantContext, TenantRead } from '../../lib/context.ts';
import {
  DomainError,
  fieldProblem,
  fieldProblems,
  moneyProblem,
  notFound,
  type FieldProblem,
} from '../../lib/errors.ts';
import { formatMoney, formatStoredAmount, money, parseMoney, MoneyError } from '../../lib/money.ts';
import { campaignNameOf, existingCampaignIds, promoTitleOf } from '../campaigns/service.ts';
import { campaignCosts, conversionChanges, conversions } from './table.ts';
import { recordConversion, type ConversionRow } from './record-conversion.ts';
import { readPayout } from './read-payout.ts';
import type {
  ConversionListQuerySchema,
  CostQuerySchema,
  PartnerConversionQuerySchema,
  UpdateConversionSchema,
  UploadCostsSchema,
} from './schemas.ts';

const amount = formatStoredAmount;

export function presentConversion(c: ConversionRow) {
  return {
    id: c.id,
    source: c.source,
    connectionId: c.connectionId,
    externalId: c.externalId,
    clickId: c.clickId,
    partnerId: c.partnerId,
    campaignId: c.campaignId,
    promoId: c.promoId,
    status: c.status,
    rawStatus: c.rawStatus,
    payout: amount(c.payoutMinor, c.currency),
    currency: c.currency,
    comment: c.comment,
    reason: c.reason,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function listOperatorConversions(ctx: TenantContext, query: z.infer<typeof ConversionListQuerySchema>) {
  const { operatorId } = ctx;
  const rows = await ctx.db
    .select()
    .from(conversions)
    .where(
      and(
        eq(conversions.operatorId, operatorId),
        query.status ? eq(conversions.status, query.status) : undefined,
        query.source ? eq(conversions.source, query.source) : undefined,
        query.connectionId ? eq(conversions.connectionId, query.connectionId) : undefined,
        query.clickId ? eq(conversions.clickId, query.clickId) : undefined,
      ),
    )
    .orderBy(desc(conversions.createdAt))
    .limit(query.limit);
  return rows.map(presentConversion);
}

async function load(ctx: TenantContext, id: string) {
  const { operatorId } = ctx;
  const [row] = await ctx.db
    .select()
    .from(conversions)
    .where(and(eq(conversions.operatorId, operatorId), eq(conversions.id, id)));
  if (!row) throw notFound('Conversion');
  return row;
}

export async function getConversion(ctx: TenantContext, id: string) {
  const { operatorId } = ctx;
  const row = await load(ctx, id);
  const changes = await ctx.db
    .select()
    .from(conversionChanges)
    .where(and(eq(conversionChanges.operatorId, operatorId), eq(conversionChanges.conversionId, id)))
    .orderBy(asc(conversionChanges.id));
  return {
    ...presentConversion(row),
    changes: changes.map((ch) => ({
      at: ch.at.toISOString(),
      source: ch.source,
      fromStatus: ch.fromStatus,
      toStatus: ch.toStatus,
      rawStatus: ch.rawStatus,
      payout: amount(ch.payoutMinor, ch.currency),
      currency: ch.currency,
      outcome: ch.outcome,
      warning: ch.warning,
      received: ch.received,
    })),
  };
}

/** The operator changes status and/or payout; the state machine applies, and a refused move is a 409. */
export async function updateConversion(
  ctx: TenantContext,
  input: { conversionId: string } & z.infer<typeof UpdateConversionSchema>,
) {
  const id = input.conversionId;
  const row = await load(ctx, id);
  let payout: { minor: number; currency: string } | null = null;
  if (input.payout !== undefined) {
    const currency = input.currency ?? row.currency;
    if (!currency) throw fieldProblem('body.currency', 'required', 'required: the conversion has no currency yet');
    // The same reading as the inbound tracker and network postbacks: the same value is refused everywhere.
    payout = readPayout(input.payout, currency, { amount: 'body.payout', currency: 'body.currency' });
  } else if (input.currency !== undefined) {
    // A currency alone would re-read the stored minor units in another currency.
    throw fieldProblem('body.currency', 'requires_field', 'give the payout with its currency', { field: 'payout' });
  }
  const result = await recordConversion(ctx, {
    report: {
      source: 'operator',
      connectionId: row.connectionId,
      dedupeKey: row.dedupeKey,
      externalId: row.externalId,
      clickId: row.clickId,
      status: input.status ?? row.status,
      rawStatus: input.status ?? null,
      payout,
      comment: input.comment ?? null,
    },
    known: row,
    // A payout-only change keeps whatever status the conversion has when it is applied, not the one read above.
    keepStatus: input.status === undefined,
  });
  // The machine's refusal is logged on the conversion like any other; the operator gets a 409.
  if (result.outcome === 'refused')
    throw new DomainError(
      'conflict',
      `The conversion is ${result.conversion.status}: it cannot become ${input.status}`,
      [],
      { resource: 'conversion', state: 'status', status: result.conversion.status, to: String(input.status) },
    );
  return getConversion(ctx, id);
}

export async function uploadCosts(ctx: TenantContext, input: z.infer<typeof UploadCostsSchema>) {
  const { operatorId } = ctx;
  const errors: FieldProblem[] = [];
  const ids = [...new Set(input.costs.map((c) => c.campaignId))];
  const known = await existingCampaignIds(ctx, ids);
  const now = ctx.clock.now();
  const rows = input.costs.map((cost, i) => {
    if (!known.has(cost.campaignId))
      errors.push({
        path: `body.costs.${i}.campaignId`,
        reason: 'not_found_reference',
        params: { resource: 'campaign' },
        message: 'no such campaign',
      });
    let minor = 0;
    try {
      minor = parseMoney(cost.amount, cost.currency).minor;
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      const paths = { amount: `body.costs.${i}.amount`, currency: `body.costs.${i}.currency` };
      errors.push(moneyProblem(paths, error, cost.currency, Number.MAX_SAFE_INTEGER));
    }
    return {
      operatorId,
      campaignId: cost.campaignId,
      day: cost.date,
      amountMinor: minor,
      currency: cost.currency,
      updatedAt: now,
    };
  });
  // All or nothing: one bad line changes nothing.
  if (errors.length) throw fieldProblems(errors);
  // A later upload for the same campaign and day replaces the earlier one (corrections are uploads).
  const latest = [...new Map(rows.map((r) => [`${r.campaignId}|${r.day}`, r])).values()];
  const perStatement = 16; // 6 values a row: within D1's 100 bound parameters
  const statements = [];
  for (let i = 0; i < latest.length; i += perStatement) {
    statements.push(
      ctx.db
        .insert(campaignCosts)
        .values(latest.slice(i, i + perStatement))
        .onConflictDoUpdate({
          target: [campaignCosts.operatorId, campaignCosts.campaignId, campaignCosts.day],
          set: {
            amountMinor: sql`excluded.amount_minor`,
            currency: sql`excluded.currency`,
            updatedAt: sql`excluded.updated_at`,
          },
        }),
    );
  }
  await ctx.db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  return { stored: latest.length };
}

export async function listCosts(ctx: TenantContext, query: z.infer<typeof CostQuerySchema>) {
  const { operatorId } = ctx;
  const rows = await ctx.db
    .select()
    .from(campaignCosts)
    .where(
      and(
        eq(campaignCosts.operatorId, operatorId),
        query.campaignId ? eq(campaignCosts.campaignId, query.campaignId) : undefined,
        query.from ? gte(campaignCosts.day, query.from) : undefined,
        query.to ? lte(campaignCosts.day, query.to) : undefined,
      ),
    )
    .orderBy(asc(campaignCosts.day), asc(campaignCosts.campaignId));
  return rows.map((r) => ({
    campaignId: r.campaignId,
    date: r.day,
    amount: formatMoney(money(r.amountMinor, r.currency)),
    currency: r.currency,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Costs by campaign and date (the dates as uploaded) for reports, in minor units. One query. */
export async function campaignCostsBetween(
  ctx: TenantRead,
  query: { from: string; to: string; campaignIds?: string[] | undefined },
): Promise<Array<{ campaignId: string; date: string; amountMinor: number; currency: string }>> {
  const rows = await ctx.db
    .select({
      campaignId: campaignCosts.campaignId,
      date: campaignCosts.day,
      amountMinor: campaignCosts.amountMinor,
      currency: campaignCosts.currency,
    })
    .from(campaignCosts)
    .where(
      and(
        eq(campaignCosts.operatorId, ctx.operatorId),
        gte(campaignCosts.day, query.from),
        lte(campaignCosts.day, query.to),
        query.campaignIds
          ? sql`${campaignCosts.campaignId} in (select value from json_each(${JSON.stringify(query.campaignIds)}))`
          : undefined,
      ),
    );
  return rows;
}

/** The partner's view: conversions on its own clicks, with campaign and promo names; no operator internals. */
export async function listPartnerConversions(ctx: PartnerContext, query: z.infer<typeof PartnerConversionQuerySchema>) {
  const rows = await ctx.db
    .select({
      c: conversions,
      campaignName: campaignNameOf(conversions.campaignId),
      promoTitle: promoTitleOf(conversions.promoId),
    })
    .from(conversions)
    .where(
      and(
        eq(conversions.operatorId, ctx.operatorId),
        eq(conversions.partnerId, ctx.partner.partnerId),
        query.status ? eq(conversions.status, query.status) : undefined,
        query.campaignId ? eq(conversions.campaignId, query.campaignId) : undefined,
        query.clickId ? eq(conversions.clickId, query.clickId) : undefined,
        query.from ? gte(conversions.updatedAt, new Date(query.from)) : undefined,
        query.to ? lte(conversions.updatedAt, new Date(query.to)) : undefined,
      ),
    )
    .orderBy(desc(conversions.updatedAt))
    .limit(query.limit);
  return rows.map(({ c, campaignName, promoTitle }) => ({
    id: c.id,
    source: c.source,
    status: c.status,
    payout: amount(c.payoutMinor, c.currency),
    currency: c.currency,
    clickId: c.clickId,
    externalId: c.externalId,
    campaignId: c.campaignId,
    campaignName,
    promoId: c.promoId,
    promoTitle,
    reason: c.reason,
    comment: c.comment,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }));
}
