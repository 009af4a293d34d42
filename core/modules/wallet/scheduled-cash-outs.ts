/**
 * A cash-out a schedule asks for on the partner's behalf (core/modules/cash-out-schedules): the
 * same checks and the same hold as the partner's own request, without a second factor (the
 * partner gave one when saving the schedule). The idempotency key is the schedule's slot, so two
 * runners, two processes or a retried job make one cash-out per slot: the unique key decides.
 */
import type { TenantContext } from '../../lib/context.ts';
import { payableTo } from './cashouts.ts';
import { findCashOutByKey, holdCashOut } from './hold-cash-out.ts';
import { presentCashOut } from './list-cash-outs.ts';

/** The key of a schedule's cash-out for one local date: `schedule:<scheduleId>:<YYYY-MM-DD>`. */
export const scheduleSlotKey = (scheduleId: string, slot: string) => `schedule:${scheduleId}:${slot}`;

export interface ScheduledCashOutInput {
  partnerId: string;
  paymentAccountId: string;
  currency: string;
  /** Integer minor units of `currency`. */
  amountMinor: number;
  scheduleId: string;
  /** The slot's local date, YYYY-MM-DD. */
  slot: string;
}

/**
 * Asks for the slot's cash-out. `created` is false when the slot has one already (whatever its
 * amount: a runner that read the balance a moment later may have asked for a different one).
 * Refusals (the account gone, the limits, the balance spent meanwhile) are DomainErrors.
 */
export async function requestScheduledCashOut(ctx: TenantContext, input: ScheduledCashOutInput) {
  const { partnerId, currency, amountMinor: minor } = input;
  const key = scheduleSlotKey(input.scheduleId, input.slot);
  const before = await findCashOutByKey(ctx, { partnerId, key });
  if (before) return { cashOut: presentCashOut(before), amountMinor: before.amount, created: false };
  const { account, method } = await payableTo(ctx, { ...input, minor });
  const { stored, created } = await holdCashOut(ctx, {
    partnerId,
    account,
    method,
    currency,
    minor,
    idempotencyKey: key,
    userId: null,
    actor: { kind: 'system' },
    detail: { scheduleId: input.scheduleId, slot: input.slot },
  });
  return { cashOut: presentCashOut(stored), amountMinor: stored.amount, created };
}

/** The slot's cash-out if one was asked for (by any runner), or null. */
export async function findScheduledCashOut(
  ctx: TenantContext,
  input: { partnerId: string; scheduleId: string; slot: string },
) {
  const row = await findCashOutByKey(ctx, {
    partnerId: input.partnerId,
    key: scheduleSlotKey(input.scheduleId, input.slot),
  });
  return row ? { id: row.id, amountMinor: row.amount } : null;
}
