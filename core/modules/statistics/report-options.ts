/**
 * What the report may show this partner: the metrics and groupings the operator lets partners
 * see, the values its filters can take (what the partner's traffic has touched), the currencies
 * and the rates' dates, the time zone and the partner's default report currency.
 */
import { and, eq, gte } from 'drizzle-orm';
import type { z } from 'zod';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { partnerNames } from '../identity/partners.ts';
import { catalogNames } from '../catalog/service.ts';
import { campaignNames, promoTitles } from '../campaigns/service.ts';
import { findReportCurrency } from '../identity/profile.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { exchangeRateDates } from './exchange-rates.ts';
import { MAX_FINE_PERIOD_DAYS } from './periods.ts';
import { getReportSettings, type ReportSettings } from './report-settings.ts';
import { ATTRIBUTE_GROUPINGS, METRICS, TIME_GROUPINGS, type ReportOptionsSchema } from './schemas.ts';
import { exchangeRates, statsGeoDay, statsParameterQuarter, statsPromoDay } from './table.ts';

type Named = { id: string; name: string };
const distinct = (values: string[]) => [...new Set(values)].filter(Boolean).sort();
const named = (ids: Iterable<string>, names: Map<string, string>): Named[] =>
  [...new Set(ids)]
    .filter(Boolean)
    .map((id) => ({ id, name: names.get(id) ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name));

type ReportOptions = z.infer<typeof ReportOptionsSchema>;

export async function partnerReportOptions(ctx: PartnerContext): Promise<ReportOptions> {
  return reportOptions(ctx, {
    partnerId: ctx.partner.partnerId,
    settings: await getReportSettings(ctx),
    defaultCurrency: await findReportCurrency(ctx),
  });
}

/** The operator's console: every partner's values, every metric and grouping, and the partners to filter by. */
export async function operatorReportOptions(ctx: TenantContext): Promise<ReportOptions> {
  return reportOptions(ctx, {
    partnerId: null,
    settings: { hiddenMetrics: [], hiddenGroupings: [], clickRetentionDays: null },
    defaultCurrency: null,
  });
}

async function reportOptions(
  ctx: TenantContext,
  who: { partnerId: string | null; settings: ReportSettings; defaultCurrency: string | null },
): Promise<ReportOptions> {
  const { operatorId } = ctx;
  const { partnerId, settings } = who;
  const touched = await ctx.db
    .selectDistinct({
      partner: statsPromoDay.partnerId,
      brand: statsPromoDay.brandId,
      plan: statsPromoDay.planId,
      campaign: statsPromoDay.campaignId,
      promo: statsPromoDay.promoId,
      landing: statsPromoDay.landingId,
      creative: statsPromoDay.creativeId,
      trafficSource: statsPromoDay.trafficSourceId,
      currency: statsPromoDay.currency,
    })
    .from(statsPromoDay)
    .where(
      and(eq(statsPromoDay.operatorId, operatorId), partnerId ? eq(statsPromoDay.partnerId, partnerId) : undefined),
    );
  const since = ctx.clock.now().getTime() - MAX_FINE_PERIOD_DAYS * 86_400_000;
  const parameters = await ctx.db
    .selectDistinct({ key: statsParameterQuarter.paramKey })
    .from(statsParameterQuarter)
    .where(
      and(
        eq(statsParameterQuarter.operatorId, operatorId),
        partnerId ? eq(statsParameterQuarter.partnerId, partnerId) : undefined,
        gte(statsParameterQuarter.bucket, since),
      ),
    )
    .limit(50);
  const geo = await ctx.db
    .selectDistinct({ country: statsGeoDay.country, device: statsGeoDay.device, os: statsGeoDay.os })
    .from(statsGeoDay)
    .where(and(eq(statsGeoDay.operatorId, operatorId), partnerId ? eq(statsGeoDay.partnerId, partnerId) : undefined));
  const rateCurrencies = await ctx.db
    .selectDistinct({ currency: exchangeRates.currency })
    .from(exchangeRates)
    .where(eq(exchangeRates.operatorId, operatorId));
  const of = (k: keyof (typeof touched)[number]) => touched.map((r) => r[k]);
  const catalog = await catalogNames(ctx, {
    brand: of('brand'),
    plan: of('plan'),
    landing: of('landing'),
    creative: of('creative'),
    trafficSource: of('trafficSource'),
  });
  const campaigns = await campaignNames(ctx, of('campaign'));
  const promoNames = await promoTitles(ctx, of('promo'));
  const campaignOfPromo = new Map(touched.map((r) => [r.promo, r.campaign]));
  const hiddenGroupings = new Set<string>(settings.hiddenGroupings);
  return {
    metrics: METRICS.filter((m) => !settings.hiddenMetrics.includes(m)),
    groupings: [...TIME_GROUPINGS, ...ATTRIBUTE_GROUPINGS, ...(partnerId ? [] : (['partner'] as const))].filter(
      (g) => !hiddenGroupings.has(g),
    ),
    timeZone: await findOperatorTimeZone(ctx),
    defaultCurrency: who.defaultCurrency,
    currencies: [...new Set(['EUR', ...rateCurrencies.map((r) => r.currency), ...of('currency')])]
      .filter(Boolean)
      .sort(),
    ratesDates: await exchangeRateDates(ctx),
    parameters: parameters.map((p) => p.key).sort(),
    brands: named(of('brand'), catalog.brand),
    plans: named(of('plan'), catalog.plan),
    campaigns: named(of('campaign'), campaigns),
    promos: named(of('promo'), promoNames).map((p) => ({ ...p, campaignId: campaignOfPromo.get(p.id) ?? '' })),
    landings: named(of('landing'), catalog.landing),
    trafficSources: named(of('trafficSource'), catalog.trafficSource),
    countries: hiddenGroupings.has('country') ? [] : distinct(geo.map((g) => g.country)),
    devices: hiddenGroupings.has('device') ? [] : distinct(geo.map((g) => g.device)),
    operatingSystems: hiddenGroupings.has('os') ? [] : distinct(geo.map((g) => g.os)),
    partners: partnerId ? [] : named(of('partner'), await partnerNames(ctx, of('partner'))),
  };
}
