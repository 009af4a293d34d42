/**
 * A plan's terms: the API's shape (amounts as decimal strings, as everywhere in this API), the
 * stored shape (integer minor units, what billing computes with) and the kind they make.
 * Percentages stay canonical decimal strings ("35", "12.5") in both: exact, never a float.
 */
import { z } from '@hono/zod-openapi';
import { currencyExponent, MAX_PAYOUT_MINOR, MoneyError, money, formatMoney, parsePayout } from '../../lib/money.ts';

/** Sub-affiliate commission reaches at most this many levels below the partner. */
export const MAX_SUB_AFFILIATE_LEVELS = 5;

/** An amount in one currency: `{ amount: "150.00", currency: "EUR" }`, read by the one payout rule. */
export const MoneySchema = z
  .object({
    amount: z
      .string()
      .max(40)
      .regex(/^\d+(\.\d+)?$/, 'a decimal string like 12.50'),
    currency: z.string().min(3).max(10),
  })
  .strict()
  .superRefine((value, ctx) => {
    try {
      parsePayout(value.amount, value.currency);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      const onCurrency = error.reason === 'unknown_currency';
      const params = onCurrency
        ? { reason: 'unknown_currency' }
        : error.reason === 'too_precise'
          ? { reason: 'money_format', decimals: currencyExponent(value.currency.toUpperCase()) }
          : { reason: 'too_big', maximum: MAX_PAYOUT_MINOR };
      ctx.addIssue({ code: 'custom', path: [onCurrency ? 'currency' : 'amount'], message: error.message, params });
    }
  });

/** A percentage with up to two decimals, 0–100 ("35", "12.5", "0.25"). */
export const PercentSchema = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, 'a percentage like 35 or 12.5')
  .refine((v) => Number(v) <= 100, { message: 'at most 100', params: { reason: 'too_big', maximum: 100 } });

/** "035.50" → "35.5": one spelling per value, so equal terms compare equal. */
const canonicalPercent = (v: string) =>
  v
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '')
    .replace(/^0+(?=\d)/, '');

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO country code like DE');
const amountsPerCurrency = z.array(MoneySchema).min(1).max(20);
const days = z.int().min(1).max(3650);

const CpaSchema = z
  .object({
    /** One amount per currency, optionally per brand (no brand: every brand of the plan's campaigns). */
    amounts: z
      .array(MoneySchema.safeExtend({ brandId: z.string().min(3).max(64).optional() }))
      .min(1)
      .max(50),
    qualification: z
      .object({
        minFirstDeposit: amountsPerCurrency.optional(),
        minDeposits: z.int().min(1).max(1000).optional(),
        minWager: amountsPerCurrency.optional(),
        minNgr: amountsPerCurrency.optional(),
        /** The rules above count what the player did within this many days of registration. */
        withinDays: days.optional(),
        countries: z.array(countryCode).min(1).max(250).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const RevshareSchema = z.object({ percent: PercentSchema, negativeCarryOver: z.boolean() }).strict();

const CplSchema = z
  .object({
    per: z.enum(['lead', 'registration']),
    /** No country: the amount for every country not listed. */
    amounts: z
      .array(MoneySchema.safeExtend({ country: countryCode.optional() }))
      .min(1)
      .max(250),
  })
  .strict();

const TierStepSchema = z
  .object({
    /** Basis `qualified_players`: the count from which this step applies. */
    minPlayers: z.int().min(1).max(1_000_000).optional(),
    /** Basis `ngr`: the period's NGR from which this step applies. */
    minNgr: MoneySchema.optional(),
    cpa: MoneySchema.optional(),
    percent: PercentSchema.optional(),
  })
  .strict();

const TiersSchema = z
  .object({
    basis: z.enum(['qualified_players', 'ngr']),
    /** `whole_period`: the tier reached pays every unit of the period; `above_threshold`: each tier pays only what lies above its threshold. */
    pays: z.enum(['whole_period', 'above_threshold']),
    steps: z.array(TierStepSchema).min(1).max(20),
  })
  .strict();

const SubAffiliateSchema = z.object({ levels: z.array(PercentSchema).min(1).max(MAX_SUB_AFFILIATE_LEVELS) }).strict();

type Issue = { path: (string | number)[]; message: string; params: Record<string, unknown> };

/** Checks across parts that one part's schema cannot make. */
function crossChecks(t: z.infer<typeof ShapeSchema>): Issue[] {
  const issues: Issue[] = [];
  const add = (path: Issue['path'], message: string, params: Record<string, unknown>) =>
    issues.push({ path, message, params });
  if (!t.cpa && !t.revshare && !t.cpl)
    add([], 'a plan pays by cpa, revshare or cpl', { reason: 'required_one_of', fields: ['cpa', 'revshare', 'cpl'] });
  if (t.cpl && (t.cpa || t.revshare))
    add(['cpl'], 'cpl stands alone (cpa and revshare together make a hybrid)', { reason: 'not_applicable' });
  t.tiers?.steps.forEach((step, i) => {
    const at = (field: string) => ['tiers', 'steps', i, field];
    const threshold = t.tiers!.basis === 'ngr' ? 'minNgr' : 'minPlayers';
    const other = threshold === 'minNgr' ? 'minPlayers' : 'minNgr';
    if (step[threshold] === undefined)
      add(at(threshold), `required with basis ${t.tiers!.basis}`, { reason: 'required' });
    if (step[other] !== undefined) add(at(other), `not with basis ${t.tiers!.basis}`, { reason: 'not_applicable' });
    if ((step.cpa === undefined) === (step.percent === undefined))
      add(at('cpa'), 'each step sets cpa or percent', { reason: 'required_one_of', fields: ['cpa', 'percent'] });
    if (step.cpa && !t.cpa) add(at('cpa'), 'a cpa step needs cpa terms', { reason: 'requires_field', field: 'cpa' });
    if (step.percent && !t.revshare)
      add(at('percent'), 'a percent step needs revshare terms', { reason: 'requires_field', field: 'revshare' });
    const previous = t.tiers!.steps[i - 1];
    if (previous && thresholdValue(step) <= thresholdValue(previous))
      add(at(threshold), 'steps go up: each threshold above the one before', { reason: 'invalid_value' });
  });
  return issues;
}

const thresholdValue = (step: z.infer<typeof TierStepSchema>) =>
  step.minPlayers ?? (step.minNgr ? Number(step.minNgr.amount) : 0);

const ShapeSchema = z
  .object({
    /** How often bills are cut, in the operator's time zone. */
    billingPeriod: z.enum(['daily', 'weekly', 'monthly']),
    cpa: CpaSchema.optional(),
    revshare: RevshareSchema.optional(),
    cpl: CplSchema.optional(),
    tiers: TiersSchema.optional(),
    subAffiliate: SubAffiliateSchema.optional(),
  })
  .strict();

export const PlanTermsSchema = ShapeSchema.superRefine((terms, ctx) => {
  for (const issue of crossChecks(terms)) ctx.addIssue({ code: 'custom', ...issue });
}).openapi('PlanTerms');

/** Terms as the API takes and gives them. */
export type PlanTerms = z.infer<typeof PlanTermsSchema>;

/** An amount as stored: integer minor units of its currency. */
export interface StoredMoney {
  minor: number;
  currency: string;
}
type Stored<T> = T extends { amount: string; currency: string }
  ? Omit<T, 'amount' | 'currency'> & StoredMoney
  : T extends readonly (infer U)[]
    ? Stored<U>[]
    : T extends object
      ? { [K in keyof T]: Stored<T[K]> }
      : T;

/** Terms as stored and as billing reads them (`planTermsOn`). */
export type StoredPlanTerms = Stored<PlanTerms>;

const isApiMoney = (v: object): v is { amount: string; currency: string } =>
  typeof (v as { amount?: unknown }).amount === 'string' && typeof (v as { currency?: unknown }).currency === 'string';
const isStoredMoney = (v: object): v is StoredMoney =>
  typeof (v as { minor?: unknown }).minor === 'number' && typeof (v as { currency?: unknown }).currency === 'string';

/** Rewrites every amount object in a tree, leaving the rest as it is. */
function mapAmounts(value: unknown, convert: (v: object) => object | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => mapAmounts(v, convert));
  if (value === null || typeof value !== 'object') return value;
  const converted = convert(value);
  const source = (converted ?? value) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, converted ? v : mapAmounts(v, convert)]));
}

/** Validated API terms to their stored form (currency codes upper-cased, amounts in minor units). */
export function storeTerms(input: PlanTerms): StoredPlanTerms {
  const terms: PlanTerms = {
    ...input,
    ...(input.revshare && { revshare: { ...input.revshare, percent: canonicalPercent(input.revshare.percent) } }),
    ...(input.tiers && {
      tiers: {
        ...input.tiers,
        steps: input.tiers.steps.map((s) => (s.percent ? { ...s, percent: canonicalPercent(s.percent) } : s)),
      },
    }),
    ...(input.subAffiliate && { subAffiliate: { levels: input.subAffiliate.levels.map(canonicalPercent) } }),
  };
  return mapAmounts(terms, (v) => {
    if (!isApiMoney(v)) return undefined;
    const { amount, currency, ...rest } = v;
    const parsed = parsePayout(amount, currency);
    return { ...rest, minor: parsed.minor, currency: parsed.currency };
  }) as StoredPlanTerms;
}

/** Stored terms back to the API's form ("150.00" with the currency's decimals). */
export function presentTerms(terms: StoredPlanTerms): PlanTerms {
  return mapAmounts(terms, (v) => {
    if (!isStoredMoney(v)) return undefined;
    const { minor, currency, ...rest } = v;
    return { ...rest, amount: formatMoney(money(minor, currency)), currency };
  }) as PlanTerms;
}

/** The kind a plan is listed under, from what its terms pay by. */
export function kindOf(
  terms: Pick<StoredPlanTerms, 'cpa' | 'revshare' | 'cpl'>,
): 'cpa' | 'revshare' | 'hybrid' | 'cpl' {
  if (terms.cpa && terms.revshare) return 'hybrid';
  if (terms.revshare) return 'revshare';
  if (terms.cpl) return 'cpl';
  return 'cpa';
}
