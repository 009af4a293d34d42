/**
 * Statistics owns the traffic aggregates ("cubes"), the report settings and the exchange rates.
 *
 * A cube row sums clicks and player events of one UTC time block (a quarter hour, an hour or a
 * day) for one combination of attributes. Blocks are UTC so no row depends on a time zone: a
 * report in any zone reads each of its periods as a signed sum of whole blocks (decompose.ts).
 * Every zone in use today is a whole number of quarter hours from UTC, so quarter-hour blocks cut
 * every local day and hour exactly; hour and day blocks make long periods cheap to read.
 * Three attribute sets keep the rows few: `full` (every attribute), `promo` (what a promo fixes:
 * partner, brand, plan, campaign, promo, landing, creative, traffic source) and `geo` (partner,
 * country, device, OS). The parameter cube counts custom click parameters (key × value) per
 * quarter hour. Every cube keeps a row per currency of the events it counts ('' for none);
 * missing attributes are '' so rows merge under the unique key (SQLite's NULLs never collide).
 */
import { integer, primaryKey, sqliteTable, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

/** Summed in every cube row. Amounts are minor units of the row's currency. */
const metricColumns = () => ({
  clicks: integer('clicks').notNull().default(0),
  uniqueClicks: integer('unique_clicks').notNull().default(0),
  botClicks: integer('bot_clicks').notNull().default(0),
  registrations: integer('registrations').notNull().default(0),
  leads: integer('leads').notNull().default(0),
  ftdCount: integer('ftd_count').notNull().default(0),
  ftdAmount: integer('ftd_amount').notNull().default(0),
  depositCount: integer('deposit_count').notNull().default(0),
  depositAmount: integer('deposit_amount').notNull().default(0),
  ngrAmount: integer('ngr_amount').notNull().default(0),
  saleCount: integer('sale_count').notNull().default(0),
  saleAmount: integer('sale_amount').notNull().default(0),
});
export const METRIC_COLUMNS = Object.keys(metricColumns()) as Array<keyof ReturnType<typeof metricColumns>>;
export type CubeMetrics = Record<(typeof METRIC_COLUMNS)[number], number>;

const attr = (name: string) => text(name).notNull().default('');
const promoAttributes = () => ({
  partnerId: attr('partner_id'),
  brandId: attr('brand_id'),
  planId: attr('plan_id'),
  campaignId: attr('campaign_id'),
  promoId: attr('promo_id'),
  landingId: attr('landing_id'),
  creativeId: attr('creative_id'),
  trafficSourceId: attr('traffic_source_id'),
});
/** What a campaign fixes: the local-day cube for reports by partner, brand, plan or campaign. */
const campaignAttributes = () => ({
  partnerId: attr('partner_id'),
  brandId: attr('brand_id'),
  planId: attr('plan_id'),
  campaignId: attr('campaign_id'),
});
const geoAttributes = () => ({
  partnerId: attr('partner_id'),
  country: attr('country'),
  device: attr('device'),
  os: attr('os'),
});
const fullAttributes = () => ({
  ...promoAttributes(),
  country: attr('country'),
  device: attr('device'),
  os: attr('os'),
});
/** Operator-wide geography: the local-day cube for country, device and OS reports over all partners. */
const countryAttributes = () => ({
  country: attr('country'),
  device: attr('device'),
  os: attr('os'),
});
const parameterAttributes = () => ({
  ...promoAttributes(),
  paramKey: attr('param_key'),
  paramValue: attr('param_value'),
});

function cube<A extends Record<string, ReturnType<typeof attr>>>(name: string, attributes: () => A) {
  const keyNames = Object.keys(attributes());
  return sqliteTable(
    name,
    {
      operatorId: text('operator_id').notNull(),
      /** Start of the UTC block, ms since the epoch. */
      bucket: integer('bucket').notNull(),
      ...attributes(),
      currency: text('currency').notNull().default(''),
      ...metricColumns(),
    },
    (t) => {
      const columns = t as unknown as Record<string, Parameters<ReturnType<typeof uniqueIndex>['on']>[0]>;
      const key = keyNames.map((k) => columns[k]!);
      const unique = uniqueIndex(`${name}_key`).on(t.operatorId, t.bucket, ...key, t.currency);
      return columns.partnerId
        ? [unique, index(`${name}_partner`).on(t.operatorId, columns.partnerId, t.bucket)]
        : [unique];
    },
  );
}

export const statsFullQuarter = cube('stats_full_q', fullAttributes);
export const statsFullHour = cube('stats_full_h', fullAttributes);
export const statsFullDay = cube('stats_full_d', fullAttributes);
export const statsPromoHour = cube('stats_promo_h', promoAttributes);
export const statsPromoDay = cube('stats_promo_d', promoAttributes);
export const statsGeoHour = cube('stats_geo_h', geoAttributes);
export const statsGeoDay = cube('stats_geo_d', geoAttributes);
export const statsParameterQuarter = cube('stats_param_q', parameterAttributes);

/**
 * Local-day cubes: closed days of the operator's time zone, rolled up from the quarter hours by
 * a job (roll-up.ts), `bucket` = the local day's first instant. A report in that zone reads one
 * row per combination and day here instead of a UTC day mended by hours at both ends.
 */
export const statsPromoLocalDay = cube('stats_promo_ld', promoAttributes);
/** The promo cube's days summed over promos (a campaign's promos, landings, creatives and sources): half the rows. */
export const statsCampaignLocalDay = cube('stats_campaign_ld', campaignAttributes);
export const statsCountryLocalDay = cube('stats_country_ld', countryAttributes);

/** How far the local-day cubes of an operator are rolled up, and in which zone. */
export const statsRollups = sqliteTable('stats_rollups', {
  operatorId: text('operator_id').primaryKey(),
  timeZone: text('time_zone').notNull(),
  /** Local days that end at or before this instant are rolled up (ms; 0 = none yet). */
  rolledUntil: integer('rolled_until').notNull(),
});

/**
 * Quarter hours that received clicks or events (marked in the same batch as the counts): a
 * rolled-up day with a mark is read from the UTC cubes until the job rolls it up again.
 */
export const statsChangedQuarters = sqliteTable(
  'stats_changed_quarters',
  {
    operatorId: text('operator_id').notNull(),
    bucket: integer('bucket').notNull(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.bucket] })],
);

/** What partners of an operator may see, and how long raw clicks stay. */
export const reportSettings = sqliteTable('report_settings', {
  operatorId: text('operator_id').primaryKey(),
  hiddenMetrics: text('hidden_metrics', { mode: 'json' }).$type<string[]>().notNull(),
  hiddenGroupings: text('hidden_groupings', { mode: 'json' }).$type<string[]>().notNull(),
  clickRetentionDays: integer('click_retention_days'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Reference rates as the ECB publishes them: units of `currency` per euro on `day`, a decimal string. */
export const exchangeRates = sqliteTable(
  'exchange_rates',
  {
    operatorId: text('operator_id').notNull(),
    day: text('day').notNull(),
    currency: text('currency').notNull(),
    perEur: text('per_eur').notNull(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.currency, t.day] })],
);

/**
 * The Report API's per-token rate limit (report-api-rate.ts): one row per statistic token (by its
 * hash), counting the calls of the fixed one-minute window that starts at `windowStart`. A single
 * row per token, reset when a new window begins, so the table grows with tokens, not with minutes.
 */
export const reportApiRate = sqliteTable('report_api_rate', {
  tokenHash: text('token_hash').primaryKey(),
  operatorId: text('operator_id').notNull(),
  /** Start of the current window, ms since the epoch. */
  windowStart: integer('window_start').notNull(),
  calls: integer('calls').notNull(),
});
