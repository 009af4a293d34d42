/**
 * What the operator does with a bill. States: pending → approved | on_hold | cancelled;
 * on_hold → approved | cancelled; approved → paid. Approving credits the partner's ledger with the
 * amount to pay, in the same batch as the state change and only if that change happened here, and
 * the ledger's unique key posts a bill once. A correction adds or subtracts; on an approved bill it
 * moves the ledger at once (a subtraction the partner's balance cannot cover is refused). Every
 * change is an audit event the partner sees in Activity.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { insertManyAtomically, rawStatement, type InsertPart, type QueryPart } from '../../db/insert-many.ts';
import type { TenantContext } from '../../lib/context.ts';
import { DomainError, fieldProblem, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { formatMoney, money, MoneyError, parsePayout } from '../../lib/money.ts';
import { auditStatement, type AuditEventType } from '../identity/audit.ts';
import { notifyPartnerStatement } from '../notifications/service.ts';
import { explainTransferFailure, openAccount, planTransfer, type PostTransferInput } from '../ledger/service.ts';
import { billCorrections, bills, type BillRow, type BillState } from './table.ts';

export type BillAction = 'approve' | 'hold' | 'cancel' | 'mark_paid';

const MOVES: Record<BillAction, { from: BillState[]; to: BillState; audit: AuditEventType }> = {
  approve: { from: ['pending', 'on_hold'], to: 'approved', audit: 'bill_approved' },
  hold: { from: ['pending'], to: 'on_hold', audit: 'bill_held' },
  cancel: { from: ['pending', 'on_hold'], to: 'cancelled', audit: 'bill_cancelled' },
  mark_paid: { from: ['approved'], to: 'paid', audit: 'bill_paid' },
};

export async function findBillRow(ctx: Pick<TenantContext, 'db' | 'operatorId'>, billId: string): Promise<BillRow> {
  const [row] = await ctx.db
    .select()
    .from(bills)
    .where(and(eq(bills.operatorId, ctx.operatorId), eq(bills.id, billId)));
  if (!row) throw notFound('Bill');
  return row;
}

const DONE: Record<BillAction | 'correct', string> = {
  approve: 'approved',
  hold: 'put on hold',
  cancel: 'cancelled',
  mark_paid: 'marked paid',
  correct: 'corrected',
};

const refused = (bill: BillRow, action: BillAction | 'correct') =>
  new DomainError(
    'conflict',
    bill.waitingFor
      ? `Bill ${bill.id} is not priced yet (${bill.waitingFor}): it cannot be ${DONE[action]}`
      : `Bill ${bill.id} is ${bill.state.replace('_', ' ')}: it cannot be ${DONE[action]}`,
    [],
    { resource: 'bill', state: 'status', status: bill.state, action },
  );

const toPayOf = (bill: BillRow) => bill.issuedMinor + bill.correctionsMinor;

/** Whether a driver error (libSQL or D1, maybe wrapped) is the named CHECK constraint failing. */
function failedCheck(error: unknown, constraint: string): boolean {
  for (let e = error; e instanceof Error; e = e.cause)
    if (e.message.includes('CHECK constraint failed') && e.message.includes(constraint)) return true;
  return false;
}

/** The ledger transfer that credits (or, for a subtracting correction, debits) the partner for a bill. */
async function billTransfer(
  ctx: TenantContext,
  bill: BillRow,
  input: { key: string; amount: number; reason: 'bill' | 'correction'; action: 'add' | 'subtract' },
): Promise<PostTransferInput> {
  const partner = await openAccount(ctx, {
    owner: 'partner',
    partnerId: bill.partnerId,
    kind: 'available',
    currency: bill.currency,
  });
  const operator = await openAccount(ctx, { owner: 'operator', kind: 'payable', currency: bill.currency });
  const [debit, credit] = input.action === 'add' ? [operator.id, partner.id] : [partner.id, operator.id];
  return { ...input, debit, credit, currency: bill.currency, reference: bill.id };
}

export async function changeBillState(
  ctx: TenantContext,
  input: { billId: string; action: BillAction; comment?: string | undefined },
): Promise<BillRow> {
  const bill = await findBillRow(ctx, input.billId);
  const move = MOVES[input.action];
  if (!move.from.includes(bill.state)) throw refused(bill, input.action);
  if (bill.waitingFor) throw refused(bill, input.action);
  const now = ctx.clock.now().getTime();
  const attempt = newId('brev', ctx.clock);
  // The move happens only from a state it allows, and only with the corrections this attempt read:
  // an approval credits exactly the amount to pay it computed.
  const parts: Array<InsertPart | QueryPart> = [
    rawStatement(sql`update ${bills} set state = ${move.to}, updated_at = ${now}, changed_by = ${attempt},
      processed_at = coalesce(processed_at, ${move.to === 'on_hold' ? null : now})
      where ${bills.id} = ${bill.id} and ${bills.operatorId} = ${ctx.operatorId}
      and state in (${sql.join(
        move.from.map((s) => sql`${s}`),
        sql`, `,
      )}) and waiting_for is null and corrections_minor = ${bill.correctionsMinor}`),
  ];
  const mine = changedBy(bill.id, attempt);
  if (input.action === 'approve' && toPayOf(bill) > 0) {
    const transfer = await billTransfer(ctx, bill, {
      key: `bill:${bill.id}`,
      amount: toPayOf(bill),
      reason: 'bill',
      action: 'add',
    });
    parts.push(...(await planTransfer(ctx, { ...transfer, onlyIf: mine })).parts);
  }
  parts.push(
    auditIf(ctx, {
      bill,
      type: move.audit,
      detail: { billId: bill.id, ...(input.comment && { comment: input.comment }) },
      attempt,
    }),
  );
  // The partner's bell hears of an approval with the change itself, and only if this attempt made it.
  if (input.action === 'approve') parts.push(billApprovedNotice(ctx, bill, mine));
  await insertManyAtomically(ctx.db, parts, { maxParams: ctx.maxBoundParams });
  const after = await findBillRow(ctx, bill.id);
  if (after.changedBy !== attempt) {
    if (after.state === move.to) return after;
    throw after.state === bill.state ? changedMeanwhile() : refused(after, input.action);
  }
  return after;
}

/** `from` and `to` are the period's first and last local day (the bill stores the day after the last). */
function billApprovedNotice(ctx: TenantContext, bill: BillRow, onlyIf: SQL) {
  const lastDay = new Date(Date.parse(`${bill.periodEnd}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return notifyPartnerStatement(ctx, {
    partnerId: bill.partnerId,
    kind: 'bill_approved',
    params: {
      from: bill.periodStart,
      to: lastDay,
      amount: formatMoney(money(toPayOf(bill), bill.currency)),
      currency: bill.currency,
    },
    link: `#/bills/${bill.id}`,
    dedupeKey: `bill_approved:${bill.id}`,
    onlyIf,
  });
}

const changedMeanwhile = () =>
  new DomainError('conflict', 'The bill changed meanwhile: look at it again and send again', [], {
    resource: 'bill',
    state: 'changed',
  });

/** "This attempt made the bill's last change": what a change's other parts are conditioned on. */
const changedBy = (billId: string, attempt: string) =>
  sql`exists (select 1 from ${bills} where ${bills.id} = ${billId} and ${bills.changedBy} = ${attempt})`;

/** The audit entry, written only with the change it records (see `changedBy`). */
function auditIf(
  ctx: TenantContext,
  input: { bill: BillRow; type: AuditEventType; detail: Record<string, unknown>; attempt: string },
): QueryPart {
  const { bill } = input;
  const insert = auditStatement(ctx, {
    partnerId: bill.partnerId,
    userId: null,
    type: input.type,
    actor: { kind: 'operator' },
    detail: { ...input.detail, amount: formatMoney(money(toPayOf(bill), bill.currency)), currency: bill.currency },
  }).toSQL();
  // insert … values (…) becomes insert … select … where: the audit table is identity's, so this
  // module words the condition around identity's own statement rather than writing the table.
  if (!/ values \((.*)\)$/s.test(insert.sql)) throw new Error('billing: the audit insert has an unexpected shape');
  const guarded = insert.sql.replace(
    / values \((.*)\)$/s,
    ' select $1 where exists (select 1 from "bills" where "id" = ? and "changed_by" = ?)',
  );
  return { query: { toSQL: () => ({ sql: guarded, params: [...insert.params, bill.id, input.attempt] }) } };
}

export interface CorrectionInput {
  billId: string;
  action: 'add' | 'subtract';
  amount: string;
  comment: string;
}

export async function addBillCorrection(ctx: TenantContext, input: CorrectionInput): Promise<BillRow> {
  const bill = await findBillRow(ctx, input.billId);
  if (!['pending', 'on_hold', 'approved'].includes(bill.state) || bill.waitingFor) throw refused(bill, 'correct');
  let minor: number;
  try {
    minor = parsePayout(input.amount, bill.currency).minor;
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    throw fieldProblem('amount', 'invalid_value', `${error.message} (${bill.currency})`);
  }
  if (minor <= 0)
    throw fieldProblem('amount', 'too_small', 'A correction moves at least one minor unit', { minimum: 0 });
  const signed = input.action === 'add' ? minor : -minor;
  if (toPayOf(bill) + signed < 0)
    throw fieldProblem('amount', 'too_big', 'The amount to pay cannot go below zero', {
      maximum: formatMoney(money(toPayOf(bill), bill.currency)),
    });
  const id = newId('bcor', ctx.clock);
  const now = ctx.clock.now();
  const mine = changedBy(bill.id, id);
  const parts: Array<InsertPart | QueryPart> = [
    rawStatement(sql`update ${bills} set corrections_minor = corrections_minor + ${signed},
      updated_at = ${now.getTime()}, changed_by = ${id}
      where ${bills.id} = ${bill.id} and ${bills.operatorId} = ${ctx.operatorId} and state = ${bill.state}`),
    {
      table: billCorrections,
      rows: [
        {
          id,
          operatorId: ctx.operatorId,
          billId: bill.id,
          action: input.action,
          amountMinor: minor,
          comment: input.comment,
          createdAt: now,
        },
      ],
      onlyIf: mine,
    },
  ];
  let transfer: PostTransferInput | null = null;
  if (bill.state === 'approved') {
    transfer = await billTransfer(ctx, bill, {
      key: `correction:${id}`,
      amount: minor,
      reason: 'correction',
      action: input.action,
    });
    parts.push(...(await planTransfer(ctx, { ...transfer, onlyIf: mine })).parts);
  }
  const detail = {
    billId: bill.id,
    correctionId: id,
    action: input.action,
    correction: formatMoney(money(minor, bill.currency)),
    comment: input.comment,
  };
  parts.push(auditIf(ctx, { bill, type: 'bill_corrected', detail, attempt: id }));
  try {
    await insertManyAtomically(ctx.db, parts, { maxParams: ctx.maxBoundParams });
  } catch (error) {
    // A rival subtraction got there first and this one would take the amount to pay below zero.
    if (failedCheck(error, 'bills_to_pay'))
      throw fieldProblem('amount', 'too_big', 'The amount to pay cannot go below zero', {
        maximum: formatMoney(money(Math.max(0, toPayOf(await findBillRow(ctx, bill.id))), bill.currency)),
      });
    if (transfer) throw await explainTransferFailure(ctx, { transfer, error });
    throw error;
  }
  const [stored] = await ctx.db
    .select({ id: billCorrections.id })
    .from(billCorrections)
    .where(inArray(billCorrections.id, [id]));
  if (!stored)
    throw new DomainError('conflict', 'The bill changed meanwhile: send again', [], {
      resource: 'bill',
      state: 'changed',
    });
  return findBillRow(ctx, bill.id);
}
