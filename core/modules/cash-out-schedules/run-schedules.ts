/**
 * One run over an operator's enabled schedules (the hourly job calls it): each schedule due on
 * today's local date asks for that slot's cash-out, min(available, schedule max, method max),
 * unless that is below the schedule's or the method's minimum. The wallet's key for the slot makes
 * it once however many runners race; a below-minimum slot records why and is tried again each hour
 * until its local day ends. Past days are never made up.
 */
import { and, eq, or, sql } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { isPartnerActive } from '../identity/partners.ts';
import { balancesOf } from '../ledger/service.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { findPartnerPaymentAccount } from '../payments/accounts.ts';
import { findPaymentMethod } from '../payments/catalog.ts';
import { findScheduledCashOut, requestScheduledCashOut } from '../wallet/scheduled-cash-outs.ts';
import { isDueOn, localDateOf } from './calendar.ts';
import { cashOutSchedules, type CashOutScheduleRow, type SkipReason } from './table.ts';

/** What one slot did. */
export type SlotResult =
  | { outcome: 'requested'; cashOutId: string; amount: number }
  | { outcome: 'skipped'; reason: SkipReason; amount?: number; minimum?: number };

/**
 * Keeps the slot's result on the schedule, moving only forward: an older slot never overwrites a
 * newer one, and a skip never overwrites its own slot's cash-out.
 */
async function recordResult(ctx: TenantContext, input: { row: CashOutScheduleRow; slot: string; result: SlotResult }) {
  const { row, slot, result } = input;
  await ctx.db
    .update(cashOutSchedules)
    .set({
      lastSlot: slot,
      lastOutcome: result.outcome,
      lastReason: result.outcome === 'skipped' ? result.reason : null,
      lastAmount: result.amount ?? null,
      lastMinimum: result.outcome === 'skipped' ? (result.minimum ?? null) : null,
      lastCashOutId: result.outcome === 'requested' ? result.cashOutId : null,
      lastRunAt: ctx.clock.now(),
    })
    .where(
      and(
        eq(cashOutSchedules.operatorId, ctx.operatorId),
        eq(cashOutSchedules.id, row.id),
        or(
          sql`${cashOutSchedules.lastSlot} is null`,
          sql`${cashOutSchedules.lastSlot} < ${slot}`,
          and(eq(cashOutSchedules.lastSlot, slot), eq(cashOutSchedules.lastOutcome, 'skipped')),
        ),
      ),
    );
}

/** The slot's cash-out, or why there is none. */
async function runSlot(ctx: TenantContext, row: CashOutScheduleRow, slot: string): Promise<SlotResult> {
  const { partnerId, currency } = row;
  const made = await findScheduledCashOut(ctx, { partnerId, scheduleId: row.id, slot });
  if (made) return { outcome: 'requested', cashOutId: made.id, amount: made.amountMinor };
  if (!(await isPartnerActive(ctx, partnerId))) return { outcome: 'skipped', reason: 'partner_inactive' };
  const account = await findPartnerPaymentAccount(ctx, { partnerId, accountId: row.paymentAccountId });
  if (!account) return { outcome: 'skipped', reason: 'account_deleted' };
  const method = await findPaymentMethod(ctx, account.methodId);
  const limit = method?.enabled ? method.limits.find((l) => l.currency === currency) : undefined;
  if (!limit) return { outcome: 'skipped', reason: 'method_unavailable' };
  const balance = (await balancesOf(ctx, { partnerId })).find((b) => b.currency === currency)?.available.minor ?? 0;
  const amount = Math.min(balance, row.maxAmount, limit.maxMinor);
  const minimum = Math.max(row.minAmount, limit.minMinor);
  if (amount < minimum) return { outcome: 'skipped', reason: 'below_minimum', amount: Math.max(balance, 0), minimum };
  try {
    const asked = await requestScheduledCashOut(ctx, {
      partnerId,
      paymentAccountId: row.paymentAccountId,
      currency,
      amountMinor: amount,
      scheduleId: row.id,
      slot,
    });
    return { outcome: 'requested', cashOutId: asked.cashOut.id, amount: asked.amountMinor };
  } catch (error) {
    // The wallet refused after all (a cash-out by hand spent the balance since it was read): next hour tries again.
    if (error instanceof DomainError) return { outcome: 'skipped', reason: 'refused' };
    throw error;
  }
}

/**
 * Runs today's slot of every due enabled schedule of the operator. `complete` is false when the
 * deadline stopped it early (the job enqueues a follow-up; finished slots are not asked twice).
 */
export async function runCashOutSchedules(ctx: TenantContext, input: { deadline?: number } = {}) {
  const timeZone = await findOperatorTimeZone(ctx);
  const today = localDateOf(ctx.clock.now(), timeZone);
  const rows = await ctx.db
    .select()
    .from(cashOutSchedules)
    .where(
      and(
        eq(cashOutSchedules.operatorId, ctx.operatorId),
        eq(cashOutSchedules.enabled, true),
        // A schedule whose slot today has its cash-out already needs nothing more today.
        or(
          sql`${cashOutSchedules.lastSlot} is null`,
          sql`${cashOutSchedules.lastSlot} <> ${today}`,
          eq(cashOutSchedules.lastOutcome, 'skipped'),
        ),
      ),
    );
  let requested = 0;
  let skipped = 0;
  for (const row of rows) {
    if (!isDueOn(row, today)) continue;
    if (input.deadline !== undefined && ctx.clock.now().getTime() > input.deadline)
      return { complete: false, requested, skipped };
    try {
      const result = await runSlot(ctx, row, today);
      await recordResult(ctx, { row, slot: today, result });
      if (result.outcome === 'requested') requested++;
      else skipped++;
    } catch (error) {
      // One schedule's failure leaves the others run; the next hour tries it again.
      ctx.reportError?.(error, null);
    }
  }
  return { complete: true, requested, skipped };
}

/** Operators with at least one enabled schedule: the hourly job visits each (across operators by design). */
export async function listOperatorsWithSchedules(deps: Pick<TenantContext, 'db'>): Promise<string[]> {
  const rows = await deps.db
    .selectDistinct({ operatorId: cashOutSchedules.operatorId })
    .from(cashOutSchedules)
    .where(eq(cashOutSchedules.enabled, true));
  return rows.map((r) => r.operatorId);
}
