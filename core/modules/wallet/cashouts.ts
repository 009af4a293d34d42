/**
 * Cash-outs: a partner withdraws available money to one of its payment accounts. Asking moves the
 * amount available → pending at once (the hold), in one batch with the cash-out row and its audit
 * entry; the ledger's no-overdraft CHECK decides whether the balance covers it, so two processes
 * racing on one balance can never both spend it. States: pending → success (the payout: pending →
 * the operator's payable) | cancelled (pending → available); success → refunded (a `refund`
 * transfer back to available). Every move is a conditional update stamped with its attempt, and its
 * transfer and audit entry go in only with that attempt's update: of two racing moves exactly one
 * takes effect, the other answers 409.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { insertManyAtomically, rawStatement } from '../../db/insert-many.ts';
import type { PartnerContext, TenantContext, TenantRead } from '../../lib/context.ts';
import { DomainError, fieldProblem, fieldProblems, moneyProblem, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { formatMoney, MAX_PAYOUT_MINOR, money, MoneyError, parsePayout } from '../../lib/money.ts';
import type { AuditEventType } from '../identity/audit.ts';
import { requireFreshTwoFactor } from '../identity/two-factor.ts';
import { openAccount, planTransfer, type PostTransferInput } from '../ledger/service.ts';
import { notifyPartnerStatement } from '../notifications/service.ts';
import { findPartnerPaymentAccount } from '../payments/accounts.ts';
import { findPaymentMethod } from '../payments/catalog.ts';
import { auditWhen } from '../identity/guarded-audit.ts';
import { findCashOutByKey, holdCashOut } from './hold-cash-out.ts';
import { presentCashOut } from './list-cash-outs.ts';
import { cashOuts, type CashOutRow, type CashOutState } from './table.ts';

export interface CashOutRequest {
  currency: string;
  paymentAccountId: string;
  /** A positive decimal string in `currency`. */
  amount: string;
  /** A fresh two-factor code. */
  code?: string | undefined;
  /** The partner's key for this request: sending it again answers the same cash-out. */
  idempotencyKey: string;
}

function minorOf(input: CashOutRequest): number {
  try {
    return parsePayout(input.amount, input.currency).minor;
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    throw fieldProblems([
      moneyProblem({ amount: 'body.amount', currency: 'body.currency' }, error, input.currency, MAX_PAYOUT_MINOR),
    ]);
  }
}

/** A retry answers the stored cash-out only if it asks for the same thing; another request under the key is refused. */
function sameRequest(row: CashOutRow, input: CashOutRequest, minor: number): CashOutRow {
  if (row.currency === input.currency && row.amount === minor && row.paymentAccountId === input.paymentAccountId)
    return row;
  throw fieldProblem('body.idempotencyKey', 'already_exists', 'This key was used for a different cash-out');
}

/** The account, its method and the method's limits for the currency, or the 422 that says which is wrong. */
export async function payableTo(
  ctx: TenantRead,
  input: { partnerId: string; paymentAccountId: string; currency: string; minor: number },
) {
  const { partnerId, minor } = input;
  const account = await findPartnerPaymentAccount(ctx, { partnerId, accountId: input.paymentAccountId });
  const method = account ? await findPaymentMethod(ctx, account.methodId) : null;
  if (!account || !method)
    throw fieldProblem('body.paymentAccountId', 'not_found_reference', 'No such payment account of yours', {
      resource: 'payment_account',
    });
  if (!method.enabled)
    throw fieldProblem('body.paymentAccountId', 'invalid_value', `${method.name} takes no cash-outs now`);
  const limit = method.limits.find((l) => l.currency === input.currency);
  if (!limit)
    throw fieldProblem('body.currency', 'invalid_choice', `${method.name} does not pay in ${input.currency}`, {
      allowed: method.limits.map((l) => l.currency),
    });
  const min = formatMoney(money(limit.minMinor, input.currency));
  const max = formatMoney(money(limit.maxMinor, input.currency));
  const words = `${method.name} pays from ${min} to ${max} ${input.currency} per cash-out`;
  if (minor < limit.minMinor) throw fieldProblem('body.amount', 'too_small', words, { minimum: min, maximum: max });
  if (minor > limit.maxMinor) throw fieldProblem('body.amount', 'too_big', words, { minimum: min, maximum: max });
  return { account, method };
}

/**
 * Asks for a cash-out. `created` is false when this key asked before (nothing moves twice). The
 * key is looked up before the 2FA check: a retried click carries the code its first try spent.
 */
export async function requestCashOut(ctx: PartnerContext, input: CashOutRequest) {
  const { partnerId, userId } = ctx.partner;
  const minor = minorOf(input);
  const before = await findCashOutByKey(ctx, { partnerId, key: input.idempotencyKey });
  if (before) return { cashOut: presentCashOut(sameRequest(before, input, minor)), created: false };
  const { account, method } = await payableTo(ctx, { ...input, partnerId, minor });
  await requireFreshTwoFactor(ctx, input.code);
  const { stored, created } = await holdCashOut(ctx, {
    partnerId,
    account,
    method,
    currency: input.currency,
    minor,
    idempotencyKey: input.idempotencyKey,
    userId,
    actor: { kind: 'user', userId },
  });
  if (created) return { cashOut: presentCashOut(stored), created: true };
  return { cashOut: presentCashOut(sameRequest(stored, input, minor)), created: false };
}

export type CashOutMove = 'success' | 'cancel' | 'refund';

const MOVES: Record<CashOutMove, { from: CashOutState; to: CashOutState; audit: AuditEventType; done: string }> = {
  success: { from: 'pending', to: 'success', audit: 'cash_out_accepted', done: 'marked paid' },
  cancel: { from: 'pending', to: 'cancelled', audit: 'cash_out_cancelled', done: 'cancelled' },
  refund: { from: 'success', to: 'refunded', audit: 'cash_out_refunded', done: 'refunded' },
};

async function findCashOutRow(ctx: TenantContext, input: { cashOutId: string; partnerId?: string | undefined }) {
  const [row] = await ctx.db
    .select()
    .from(cashOuts)
    .where(
      and(
        eq(cashOuts.operatorId, ctx.operatorId),
        eq(cashOuts.id, input.cashOutId),
        input.partnerId ? eq(cashOuts.partnerId, input.partnerId) : undefined,
      ),
    );
  if (!row) throw notFound('Cash-out');
  return row;
}

const refused = (row: CashOutRow, move: CashOutMove) =>
  new DomainError('conflict', `Cash-out ${row.id} is ${row.state}: it cannot be ${MOVES[move].done}`, [], {
    resource: 'cash_out',
    state: 'status',
    status: row.state,
    action: move,
  });

/** The money a move posts: the hold released, paid out to the operator, or refunded from it. */
async function moveTransfer(ctx: TenantContext, row: CashOutRow, move: CashOutMove): Promise<PostTransferInput> {
  const { partnerId, currency } = row;
  const account = (kind: 'available' | 'pending') => openAccount(ctx, { owner: 'partner', partnerId, kind, currency });
  const payable = () => openAccount(ctx, { owner: 'operator', kind: 'payable', currency });
  const [debit, credit] =
    move === 'cancel'
      ? [await account('pending'), await account('available')]
      : move === 'success'
        ? [await account('pending'), await payable()]
        : [await payable(), await account('available')];
  return {
    key: `cash_out:${row.id}:${move}`,
    debit: debit.id,
    credit: credit.id,
    amount: row.amount,
    currency,
    reason: move === 'refund' ? 'refund' : 'cash_out',
    action: move === 'success' ? 'subtract' : 'add',
    reference: row.id,
  };
}

/** One state move, by the partner (its own cash-out, cancel only) or the operator. */
async function moveCashOut(
  ctx: TenantContext,
  input: {
    cashOutId: string;
    move: CashOutMove;
    by: 'partner' | 'operator';
    partnerId?: string;
    userId?: string;
    reference?: string;
  },
) {
  const row = await findCashOutRow(ctx, input);
  const move = MOVES[input.move];
  if (row.state !== move.from) throw refused(row, input.move);
  const attempt = newId('coch', ctx.clock);
  const now = ctx.clock.now().getTime();
  const { reference } = input;
  const mine: SQL = sql`exists (select 1 from ${cashOuts} where ${cashOuts.id} = ${row.id}
    and ${cashOuts.changedBy} = ${attempt})`;
  const transfer = await moveTransfer(ctx, row, input.move);
  const plan = await planTransfer(ctx, { ...transfer, onlyIf: mine });
  const actor = input.userId ? { kind: 'user' as const, userId: input.userId } : { kind: 'operator' as const };
  const detail = {
    cashOutId: row.id,
    amount: formatMoney(money(row.amount, row.currency)),
    currency: row.currency,
    method: row.methodName,
    ...(reference && { reference }),
  };
  await insertManyAtomically(ctx.db, [
    rawStatement(sql`update ${cashOuts} set state = ${move.to}, changed_by = ${attempt}, updated_at = ${now},
      reference = coalesce(${reference ?? null}, reference),
      cancelled_by = ${input.move === 'cancel' ? input.by : null}
      where ${cashOuts.id} = ${row.id} and ${cashOuts.operatorId} = ${ctx.operatorId} and state = ${move.from}`),
    ...plan.parts,
    auditWhen(ctx, {
      when: mine,
      entry: { partnerId: row.partnerId, userId: input.userId ?? null, type: move.audit, actor, detail },
    }),
    // The partner's bell hears of a payout with the change itself, and only if this attempt made it.
    ...(input.move === 'success' ? [cashOutPaidNotice(ctx, row, mine)] : []),
  ]);
  const after = await findCashOutRow(ctx, { cashOutId: row.id });
  // Another attempt moved it first (a racing success and cancel): this one changed nothing.
  if (after.changedBy !== attempt) throw refused(after, input.move);
  return presentCashOut(after);
}

const cashOutPaidNotice = (ctx: TenantContext, row: CashOutRow, onlyIf: SQL) =>
  notifyPartnerStatement(ctx, {
    partnerId: row.partnerId,
    kind: 'cash_out_paid',
    params: { amount: formatMoney(money(row.amount, row.currency)), currency: row.currency, method: row.methodName },
    link: '#/wallet/cash_outs',
    dedupeKey: `cash_out_paid:${row.id}`,
    onlyIf,
  });

/** The partner cancels its own cash-out while it is pending: the hold goes back to available. */
export const cancelOwnCashOut = (ctx: PartnerContext, input: { cashOutId: string }) =>
  moveCashOut(ctx, {
    cashOutId: input.cashOutId,
    move: 'cancel',
    by: 'partner',
    partnerId: ctx.partner.partnerId,
    userId: ctx.partner.userId,
  });

/** The operator paid it (with the payment system's reference): the held money leaves to the operator's payable. */
export const markCashOutPaid = (ctx: TenantContext, input: { cashOutId: string; reference: string }) =>
  moveCashOut(ctx, { ...input, move: 'success', by: 'operator' });

/** The operator cancels a pending cash-out: the hold goes back to available. */
export const cancelCashOut = (ctx: TenantContext, input: { cashOutId: string }) =>
  moveCashOut(ctx, { cashOutId: input.cashOutId, move: 'cancel', by: 'operator' });

/** The payment came back: a paid cash-out's money returns to available as a refund. */
export const refundCashOut = (ctx: TenantContext, input: { cashOutId: string }) =>
  moveCashOut(ctx, { cashOutId: input.cashOutId, move: 'refund', by: 'operator' });
