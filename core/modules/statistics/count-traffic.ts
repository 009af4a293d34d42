/**
 * What tracking and events hand statistics in their own commits: the aggregate rows a batch of
 * clicks or player events adds, as counter upserts. The caller puts them in the same batch as
 * the clicks and events themselves, so the cubes are exact and survive a crash with them.
 */
import type { InsertPart } from '../../db/insert-many.ts';
import {
  METRIC_COLUMNS,
  statsChangedQuarters,
  statsFullDay,
  statsFullHour,
  statsFullQuarter,
  statsGeoDay,
  statsGeoHour,
  statsParameterQuarter,
  statsPromoDay,
  statsPromoHour,
  type CubeMetrics,
} from './table.ts';

export const QUARTER_MS = 900_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Attributes a click or an event is counted under; null = unknown (stored as ''). */
export interface TrafficAttributes {
  partnerId: string;
  brandId: string | null;
  planId: string | null;
  campaignId: string;
  promoId: string;
  landingId: string | null;
  creativeId: string | null;
  trafficSourceId: string | null;
  country: string | null;
  device: string | null;
  os: string | null;
}

/** One counted thing: when, under what, in which currency ('' for none), adding what. */
export interface TrafficFact extends TrafficAttributes {
  operatorId: string;
  at: Date;
  currency: string;
  metrics: Partial<CubeMetrics>;
  /** The click's query parameters (clicks only), counted in the parameter cube. */
  params?: Array<[string, string]>;
}

const PROMO_KEYS = [
  'partnerId',
  'brandId',
  'planId',
  'campaignId',
  'promoId',
  'landingId',
  'creativeId',
  'trafficSourceId',
] as const;
const GEO_KEYS = ['partnerId', 'country', 'device', 'os'] as const;
const FULL_KEYS = [...PROMO_KEYS, 'country', 'device', 'os'] as const;

/** Each cube: its table, its attributes, its block size. */
export const CUBES = [
  { table: statsFullQuarter, set: 'full', keys: FULL_KEYS, grain: QUARTER_MS },
  { table: statsFullHour, set: 'full', keys: FULL_KEYS, grain: HOUR_MS },
  { table: statsFullDay, set: 'full', keys: FULL_KEYS, grain: DAY_MS },
  { table: statsPromoHour, set: 'promo', keys: PROMO_KEYS, grain: HOUR_MS },
  { table: statsPromoDay, set: 'promo', keys: PROMO_KEYS, grain: DAY_MS },
  { table: statsGeoHour, set: 'geo', keys: GEO_KEYS, grain: HOUR_MS },
  { table: statsGeoDay, set: 'geo', keys: GEO_KEYS, grain: DAY_MS },
] as const;
export type Cube = (typeof CUBES)[number];
export const PARAMETER_CUBE = {
  table: statsParameterQuarter,
  set: 'parameter',
  keys: [...PROMO_KEYS, 'paramKey', 'paramValue'] as const,
  grain: QUARTER_MS,
} as const;

/**
 * Parameters counted per click, and their sizes: a link's first 10 parameters; keys and values
 * longer than these are counted cut (a report groups them by their first characters).
 */
export const MAX_COUNTED_PARAMS = 10;
export const MAX_PARAM_KEY = 64;
export const MAX_PARAM_VALUE = 128;

type Row = Record<string, string | number>;

/**
 * Adds a fact's metrics to the row of `id`, made by `base` the first time. Runs on the request
 * thread for every click of a commit and every cube (seven, plus parameters): plain loops over
 * the fixed metric list, no per-call arrays.
 */
function accumulate(rows: Map<string, Row>, id: string, base: () => Row, metrics: Partial<CubeMetrics>) {
  let row = rows.get(id);
  if (!row) {
    row = base();
    for (const m of METRIC_COLUMNS) row[m] = 0;
    rows.set(id, row);
  }
  for (const m of METRIC_COLUMNS) {
    const v = metrics[m];
    if (v) row[m] = (row[m] as number) + v;
  }
}

/** Each cube table's conflict rule, one object per table (insert-many knows it again by identity). */
const conflictRules = new Map<InsertPart['table'], NonNullable<InsertPart['onConflictAdd']>>();

function upsert(table: InsertPart['table'], keys: readonly string[], rows: Map<string, Row>): InsertPart {
  let rule = conflictRules.get(table);
  if (!rule) {
    rule = { keys: ['operatorId', 'bucket', ...keys, 'currency'], add: [...METRIC_COLUMNS] };
    conflictRules.set(table, rule);
  }
  return { table, rows: [...rows.values()] as InsertPart['rows'], onConflictAdd: rule };
}

const SEPARATOR = '\u0000';

/** A fact's values of `keys` ('' for unknown) and the same joined, the row key's attribute part. */
function keyValues(f: TrafficFact, keys: readonly (keyof TrafficAttributes)[]): { values: string[]; joined: string } {
  const values = keys.map((k) => f[k] ?? '');
  return { values, joined: values.join(SEPARATOR) };
}

/** The counter upserts these facts add, one multi-row statement group per cube (pre-summed in memory). */
export function trafficCountParts(facts: readonly TrafficFact[]): InsertPart[] {
  if (facts.length === 0) return [];
  // Facts alike in every attribute, currency and quarter hour are summed first (a busy link's
  // commit is mostly such clicks), so each cube's rows are built once per distinct kind of fact.
  const kinds = new Map<string, { fact: TrafficFact; full: ReturnType<typeof keyValues>; metrics: Row }>();
  for (const f of facts) {
    const full = keyValues(f, FULL_KEYS);
    const quarter = Math.floor(f.at.getTime() / QUARTER_MS);
    const id = `${f.operatorId}${SEPARATOR}${quarter}${SEPARATOR}${full.joined}${SEPARATOR}${f.currency}`;
    let kind = kinds.get(id);
    if (!kind) {
      kind = { fact: f, full, metrics: {} };
      for (const m of METRIC_COLUMNS) kind.metrics[m] = 0;
      kinds.set(id, kind);
    }
    for (const m of METRIC_COLUMNS) {
      const v = f.metrics[m];
      if (v) kind.metrics[m] = (kind.metrics[m] as number) + v;
    }
  }
  const cubeRows = CUBES.map(() => new Map<string, Row>());
  for (const { fact: f, full, metrics } of kinds.values()) {
    // The quarter hour's start: every bigger block holds the whole quarter, so the kind's facts share each block.
    const at = Math.floor(f.at.getTime() / QUARTER_MS) * QUARTER_MS;
    // Each attribute set's values once per kind; its cubes differ only in block size.
    const sets = { full, promo: keyValues(f, PROMO_KEYS), geo: keyValues(f, GEO_KEYS) };
    CUBES.forEach((cube, c) => {
      const bucket = Math.floor(at / cube.grain) * cube.grain;
      const { values, joined } = sets[cube.set];
      accumulate(
        cubeRows[c]!,
        `${f.operatorId}${SEPARATOR}${bucket}${SEPARATOR}${joined}${SEPARATOR}${f.currency}`,
        () => {
          const row: Row = { operatorId: f.operatorId, bucket, currency: f.currency };
          cube.keys.forEach((k, i) => (row[k] = values[i]!));
          return row;
        },
        metrics as Partial<CubeMetrics>,
      );
    });
  }
  const parts: InsertPart[] = CUBES.map((cube, c) => upsert(cube.table, cube.keys, cubeRows[c]!));
  const params = new Map<string, Row>();
  for (const f of facts) {
    if (!f.params?.length) continue;
    const bucket = Math.floor(f.at.getTime() / QUARTER_MS) * QUARTER_MS;
    const promo = keyValues(f, PROMO_KEYS);
    const seen = new Set<string>();
    for (const [rawKey, rawValue] of f.params.slice(0, MAX_COUNTED_PARAMS)) {
      const paramKey = rawKey.slice(0, MAX_PARAM_KEY);
      // A key repeated in one link counts once (its first value), as a report row per click should.
      if (!paramKey || seen.has(paramKey)) continue;
      seen.add(paramKey);
      const paramValue = rawValue.slice(0, MAX_PARAM_VALUE);
      accumulate(
        params,
        [f.operatorId, bucket, promo.joined, paramKey, paramValue, f.currency].join(SEPARATOR),
        () => {
          const row: Row = { operatorId: f.operatorId, bucket, currency: f.currency, paramKey, paramValue };
          PROMO_KEYS.forEach((k, i) => (row[k] = promo.values[i]!));
          return row;
        },
        f.metrics,
      );
    }
  }
  if (params.size > 0) parts.push(upsert(PARAMETER_CUBE.table, PARAMETER_CUBE.keys, params));
  // The quarter hours touched: a rolled-up local day among them is read from these cubes again
  // until the roll-up job (roll-up.ts) has summed it anew.
  const touched = new Map<string, { operatorId: string; bucket: number }>();
  for (const f of facts) {
    const bucket = Math.floor(f.at.getTime() / QUARTER_MS) * QUARTER_MS;
    touched.set(`${f.operatorId}${SEPARATOR}${bucket}`, { operatorId: f.operatorId, bucket });
  }
  parts.push({ table: statsChangedQuarters, rows: [...touched.values()], onConflictDoNothing: true });
  return parts;
}

/**
 * What a player event adds: registrations, leads, first deposits (also deposits), deposits, NGR
 * and sales. Withdrawals, wagers, chargebacks and custom events are kept but not counted here.
 */
export function eventMetrics(type: string, amountMinor: number | null): Partial<CubeMetrics> | null {
  const amount = amountMinor ?? 0;
  switch (type) {
    case 'registration':
      return { registrations: 1 };
    case 'lead':
      return { leads: 1 };
    case 'first_deposit':
      return { ftdCount: 1, ftdAmount: amount, depositCount: 1, depositAmount: amount };
    case 'deposit':
      return { depositCount: 1, depositAmount: amount };
    case 'ngr':
      return { ngrAmount: amount };
    case 'sale':
      return { saleCount: 1, saleAmount: amount };
    default:
      return null;
  }
}
