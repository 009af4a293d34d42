/**
 * A partner's wallet transactions, newest first in pages: every ledger transfer of the partner,
 * with the bill it came from (period and brand) or the correction's comment. Filters: types,
 * action, currency, an amount range in words (decimal strings, read in each currency's own minor
 * units) and local dates in the operator's time zone.
 */
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { fieldProblem, notFound } from '../../lib/errors.ts';
import { currencyExponent, formatMoney, money } from '../../lib/money.ts';
import { addDays, dayStartIn } from '../../lib/time-zones.ts';
import { billCorrectionIdOfTransferKey, billSummaries, type BillSummary } from '../billing/bill-summaries.ts';
import { isCoin } from '../billing/coins.ts';
import { partnerExists } from '../identity/partners.ts';
import { listTransfers, type AmountRange } from '../ledger/list-transfers.ts';
import { balancesOf, type LedgerTransfer } from '../ledger/service.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { reasonsOf, typeOf, type WalletTransactionType } from './transaction-types.ts';

export interface WalletTransactionQuery {
  /** Only this type; any when absent. */
  type?: WalletTransactionType | undefined;
  action?: 'add' | 'subtract' | undefined;
  currency?: string | undefined;
  /** Decimal strings, both ends inclusive. */
  amountFrom?: string | undefined;
  amountTo?: string | undefined;
  /** Local dates (YYYY-MM-DD) in the operator's time zone, both days included. */
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  /** The previous page's `nextBefore`. */
  before?: string | undefined;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A decimal string in `currency`'s minor units: rounded up for a lower bound (10.005 EUR matches
 * from 10.01) and down for an upper one, so the range never takes in an amount outside it.
 */
function minorBound(decimal: string, currency: string, round: 'up' | 'down'): bigint {
  const exponent = currencyExponent(currency);
  const [whole = '0', fraction = ''] = decimal.split('.');
  const minor = BigInt(whole + fraction.slice(0, exponent).padEnd(exponent, '0'));
  return round === 'up' && /[1-9]/.test(fraction.slice(exponent)) ? minor + 1n : minor;
}

/** The amount range as one range per currency it can match in (none when it matches nothing). */
async function amountRanges(
  ctx: TenantContext,
  partnerId: string,
  q: WalletTransactionQuery,
): Promise<AmountRange[] | undefined> {
  if (!q.amountFrom && !q.amountTo) return undefined;
  const currencies = q.currency ? [q.currency] : (await balancesOf(ctx, { partnerId })).map((b) => b.currency);
  const ranges: AmountRange[] = [];
  for (const currency of currencies) {
    const min = q.amountFrom ? minorBound(q.amountFrom, currency, 'up') : undefined;
    const max = q.amountTo ? minorBound(q.amountTo, currency, 'down') : undefined;
    if ((min !== undefined && min > SAFE) || (min !== undefined && max !== undefined && min > max)) continue;
    ranges.push({
      currency,
      min: min === undefined ? undefined : Number(min),
      max: max === undefined || max > SAFE ? undefined : Number(max),
    });
  }
  return ranges;
}

/** A decimal string as an exact integer of 10⁻⁴⁰ units, to compare two of them (never a float). */
const decimalUnits = (decimal: string): bigint => {
  const [whole = '0', fraction = ''] = decimal.split('.');
  return BigInt(whole + fraction.padEnd(40, '0'));
};

function checkQuery(q: WalletTransactionQuery) {
  if (q.from && q.to && q.to < q.from)
    throw fieldProblem('query.to', 'invalid_value', 'The last day is before the first');
  if (q.amountFrom && q.amountTo && decimalUnits(q.amountTo) < decimalUnits(q.amountFrom))
    throw fieldProblem('query.amountTo', 'invalid_value', 'The largest amount is less than the smallest');
}

function presentTransaction(
  t: LedgerTransfer,
  found: { bills: Map<string, BillSummary>; correctionComments: Map<string, string> },
) {
  const type = typeOf(t.reason);
  const bill = type === 'bill' && t.reference ? found.bills.get(t.reference) : undefined;
  const correctionId = t.reason === 'correction' ? billCorrectionIdOfTransferKey(t.key) : null;
  return {
    id: t.id,
    createdAt: t.createdAt.toISOString(),
    type,
    action: t.action,
    amount: formatMoney(money(t.amount, t.currency)),
    currency: t.currency,
    coin: isCoin(t.currency),
    bill: bill ? { ...bill, correctionId } : null,
    comment: t.comment ?? (correctionId ? (found.correctionComments.get(correctionId) ?? null) : null),
    cashOutId: type === 'cash_out' || type === 'refund' ? t.reference : null,
  };
}

export type WalletTransaction = ReturnType<typeof presentTransaction>;

/** Transfers as the wallet shows them: one look-up for the bills and bill corrections of the page. */
export async function presentTransactions(ctx: TenantContext, transfers: LedgerTransfer[]) {
  const billIds = transfers.flatMap((t) => (typeOf(t.reason) === 'bill' && t.reference ? [t.reference] : []));
  const correctionIds = transfers.flatMap((t) => {
    const id = t.reason === 'correction' ? billCorrectionIdOfTransferKey(t.key) : null;
    return id ? [id] : [];
  });
  const found = billIds.length
    ? await billSummaries(ctx, { billIds, correctionIds })
    : { bills: new Map<string, BillSummary>(), correctionComments: new Map<string, string>() };
  return transfers.map((t) => presentTransaction(t, found));
}

async function listFor(ctx: TenantContext, partnerId: string, q: WalletTransactionQuery) {
  checkQuery(q);
  const zone = q.from || q.to ? await findOperatorTimeZone(ctx) : 'UTC';
  const page = await listTransfers(ctx, {
    partnerId,
    reasons: q.type ? reasonsOf([q.type]) : undefined,
    action: q.action,
    currency: q.currency,
    amounts: await amountRanges(ctx, partnerId, q),
    postedFrom: q.from ? new Date(dayStartIn(zone, q.from)) : undefined,
    postedBefore: q.to ? new Date(dayStartIn(zone, addDays(q.to, 1))) : undefined,
    touchingAvailable: true,
    before: q.before,
    limit: q.limit,
  });
  return { data: await presentTransactions(ctx, page.data), nextBefore: page.nextBefore };
}

/** The signed-in partner's transactions. */
export const listWalletTransactions = (ctx: PartnerContext, query: WalletTransactionQuery) =>
  listFor(ctx, ctx.partner.partnerId, query);

/** One partner's transactions, for the operator (another operator's partner answers 404). */
export async function listPartnerWalletTransactions(
  ctx: TenantContext,
  query: WalletTransactionQuery & { partnerId: string },
) {
  const { partnerId, ...q } = query;
  if (!(await partnerExists(ctx, partnerId))) throw notFound('Partner');
  return listFor(ctx, partnerId, q);
}
