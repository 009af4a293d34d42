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

/** Every metric at zero: a new row starts as a copy. */
const ZERO_METRICS: Row = Object.fromEntries(METRIC_COLUMNS.map((m) => [m, 0]));

/**
 * Adds `metrics` into `row`. A fact carries one to four of the metrics (a click: clicks and
 * uniques), so only those are visited: the request thread folds every click of a commit into
 * every cube, and walking all the metric columns each time was most of the folding's cost.
 */
function addMetrics(row: Row, metrics: Row) {
  for (const m in metrics) {
    const v = metrics[m] as number;
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

/** Facts alike in every attribute, currency and quarter hour: counted once, their metrics summed. */
interface Kind {
  fact: TrafficFact;
  full: ReturnType<typeof keyValues>;
  metrics: Row;
  /** The kind's facts with parameters (clicks): each click counts its own. */
  withParams: TrafficFact[];
}

/** A new row of `id`: its attributes with every metric at zero. */
function addRow(rows: Map<string, Row>, id: string, attributes: Row): Row {
  const row = Object.assign(attributes, ZERO_METRICS);
  rows.set(id, row);
  return row;
}

/** The counter upserts these facts add, one multi-row statement group per cube (pre-summed in memory). */
export function trafficCountParts(facts: readonly TrafficFact[]): InsertPart[] {
  if (facts.length === 0) return [];
  // Facts alike in every attribute, currency and quarter hour are summed first (a busy link's
  // commit is mostly such clicks), so each cube's rows are built once per distinct kind of fact.
  const kinds = new Map<string, Kind>();
  const touched = new Map<string, { operatorId: string; bucket: number }>();
  for (const f of facts) {
    const full = keyValues(f, FULL_KEYS);
    const quarter = Math.floor(f.at.getTime() / QUARTER_MS);
    const id = `${f.operatorId}${SEPARATOR}${quarter}${SEPARATOR}${full.joined}${SEPARATOR}${f.currency}`;
    let kind = kinds.get(id);
    if (!kind) {
      kind = { fact: f, full, metrics: {}, withParams: [] };
      kinds.set(id, kind);
      // The quarter hours touched: a rolled-up local day among them is read from these cubes
      // again until the roll-up job (roll-up.ts) has summed it anew.
      touched.set(`${f.operatorId}${SEPARATOR}${quarter}`, { operatorId: f.operatorId, bucket: quarter * QUARTER_MS });
    }
    for (const m in f.metrics) {
      const v = f.metrics[m as keyof CubeMetrics];
      if (v) kind.metrics[m] = ((kind.metrics[m] as number | undefined) ?? 0) + v;
    }
    if (f.params?.length) kind.withParams.push(f);
  }
  const cubeRows = CUBES.map(() => new Map<string, Row>());
  const params = new Map<string, Row>();
  for (const { fact: f, full, metrics, withParams } of kinds.values()) {
    // The quarter hour's start: every bigger block holds the whole quarter, so the kind's facts share each block.
    const at = Math.floor(f.at.getTime() / QUARTER_MS) * QUARTER_MS;
    // Each attribute set's values once per kind; its cubes differ only in block size.
    const sets = { full, promo: keyValues(f, PROMO_KEYS), geo: keyValues(f, GEO_KEYS) };
    for (let c = 0; c < CUBES.length; c++) {
      const cube = CUBES[c]!;
      const bucket = Math.floor(at / cube.grain) * cube.grain;
      const { values, joined } = sets[cube.set];
      const rows = cubeRows[c]!;
      const id = `${f.operatorId}${SEPARATOR}${bucket}${SEPARATOR}${joined}${SEPARATOR}${f.currency}`;
      let row = rows.get(id);
      if (!row) {
        const attributes: Row = { operatorId: f.operatorId, bucket, currency: f.currency };
        for (let i = 0; i < cube.keys.length; i++) attributes[cube.keys[i]!] = values[i]!;
        row = addRow(rows, id, attributes);
      }
      addMetrics(row, metrics);
    }
    if (withParams.length) countParameters(params, sets.promo, at, withParams);
  }
  const parts: InsertPart[] = CUBES.map((cube, c) => upsert(cube.table, cube.keys, cubeRows[c]!));
  if (params.size > 0) parts.push(upsert(PARAMETER_CUBE.table, PARAMETER_CUBE.keys, params));
  parts.push({ table: statsChangedQuarters, rows: [...touched.values()], onConflictDoNothing: true });
  return parts;
}

/** Counts each fact's first parameters in the parameter cube (the facts share a kind: promo, quarter, currency). */
function countParameters(
  params: Map<string, Row>,
  promo: ReturnType<typeof keyValues>,
  bucket: number,
  facts: readonly TrafficFact[],
) {
  const { operatorId, currency } = facts[0]!;
  const prefix = `${operatorId}${SEPARATOR}${bucket}${SEPARATOR}${promo.joined}${SEPARATOR}${currency}${SEPARATOR}`;
  for (const f of facts) {
    const seen = new Set<string>();
    for (const [rawKey, rawValue] of f.params!.slice(0, MAX_COUNTED_PARAMS)) {
      const paramKey = rawKey.slice(0, MAX_PARAM_KEY);
      // A key repeated in one link counts once (its first value), as a report row per click should.
      if (!paramKey || seen.has(paramKey)) continue;
      seen.add(paramKey);
      const paramValue = rawValue.slice(0, MAX_PARAM_VALUE);
      const id = `${prefix}${paramKey}${SEPARATOR}${paramValue}`;
      let row = params.get(id);
      if (!row) {
        const attributes: Row = { operatorId, bucket, currency, paramKey, paramValue };
        for (let i = 0; i < PROMO_KEYS.length; i++) attributes[PROMO_KEYS[i]!] = promo.values[i]!;
        row = addRow(params, id, attributes);
      }
      addMetrics(row, f.metrics as Row);
    }
  }
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
