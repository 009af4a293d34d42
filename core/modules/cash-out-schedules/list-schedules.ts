/**
 * Schedules as the partner and the operator see them: the account (masked) and its method, the
 * method's limits now, the next local date a cash-out is due and what the latest slot did.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { formatMoney, money } from '../../lib/money.ts';
import { partnerExists } from '../identity/partners.ts';
import { findOperatorTimeZone } from '../operators/service.ts';
import { findPartnerPaymentAccount } from '../payments/accounts.ts';
import { findPaymentMethod } from '../payments/catalog.ts';
import { addDays, localDateOf, nextDueDate } from './calendar.ts';
import { cashOutSchedules, type CashOutScheduleRow } from './table.ts';

/** What a schedule's presentation reads: the tables it asks through operations, and the clock for today's date. */
type ReadContext = Pick<TenantContext, 'db' | 'clock' | 'operatorId' | 'maxBoundParams'>;

/** One schedule of a partner, by its id or by its account and currency (null when there is none). */
export async function findScheduleRow(
  ctx: Pick<TenantContext, 'db' | 'operatorId'>,
  input: { partnerId: string } & ({ scheduleId: string } | { paymentAccountId: string; currency: string }),
): Promise<CashOutScheduleRow | null> {
  const [row] = await ctx.db
    .select()
    .from(cashOutSchedules)
    .where(
      and(
        eq(cashOutSchedules.operatorId, ctx.operatorId),
        eq(cashOutSchedules.partnerId, input.partnerId),
        ...('scheduleId' in input
          ? [eq(cashOutSchedules.id, input.scheduleId)]
          : [
              eq(cashOutSchedules.paymentAccountId, input.paymentAccountId),
              eq(cashOutSchedules.currency, input.currency),
            ]),
      ),
    );
  return row ?? null;
}

/**
 * The next slot on or after today (the operator's local date): today while its slot has made no
 * cash-out yet (a below-minimum slot is tried again each hour of its day), else the next due date.
 */
export function nextSlotOf(row: CashOutScheduleRow, today: string): string | null {
  if (!row.enabled) return null;
  const doneToday = row.lastSlot === today && row.lastOutcome === 'requested';
  return nextDueDate(row, doneToday ? addDays(today, 1) : today);
}

const amountOf = (minor: number | null, currency: string) =>
  minor === null ? null : formatMoney(money(minor, currency));

async function presentAt(ctx: ReadContext, row: CashOutScheduleRow, zone: { timeZone: string; today: string }) {
  const account = await findPartnerPaymentAccount(ctx, { partnerId: row.partnerId, accountId: row.paymentAccountId });
  const method = account ? await findPaymentMethod(ctx, account.methodId) : null;
  const limit = method?.limits.find((l) => l.currency === row.currency);
  const { currency } = row;
  return {
    id: row.id,
    partnerId: row.partnerId,
    paymentAccount: {
      id: row.paymentAccountId,
      summary: account?.summary ?? null,
      method: method ? { id: method.id, name: method.name, enabled: method.enabled } : null,
    },
    currency,
    kind: row.kind,
    weekdays: row.weekdays,
    dates: row.dates,
    min: formatMoney(money(row.minAmount, currency)),
    max: formatMoney(money(row.maxAmount, currency)),
    methodLimits: limit
      ? { min: formatMoney(money(limit.minMinor, currency)), max: formatMoney(money(limit.maxMinor, currency)) }
      : null,
    enabled: row.enabled,
    timeZone: zone.timeZone,
    nextSlot: nextSlotOf(row, zone.today),
    lastRun:
      row.lastSlot && row.lastOutcome && row.lastRunAt
        ? {
            slot: row.lastSlot,
            outcome: row.lastOutcome,
            reason: row.lastReason,
            amount: amountOf(row.lastAmount, currency),
            minimum: amountOf(row.lastMinimum, currency),
            cashOutId: row.lastCashOutId,
            at: row.lastRunAt.toISOString(),
          }
        : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function zoneOf(ctx: ReadContext) {
  const timeZone = await findOperatorTimeZone(ctx);
  return { timeZone, today: localDateOf(ctx.clock.now(), timeZone) };
}

export async function presentSchedule(
  ctx: Pick<TenantContext, 'db' | 'clock' | 'operatorId' | 'maxBoundParams'>,
  row: CashOutScheduleRow,
) {
  return presentAt(ctx, row, await zoneOf(ctx));
}

export type CashOutSchedule = Awaited<ReturnType<typeof presentSchedule>>;

async function schedulesOf(ctx: ReadContext, partnerId: string) {
  const rows = await ctx.db
    .select()
    .from(cashOutSchedules)
    .where(and(eq(cashOutSchedules.operatorId, ctx.operatorId), eq(cashOutSchedules.partnerId, partnerId)))
    .orderBy(asc(cashOutSchedules.createdAt), asc(cashOutSchedules.id));
  const zone = await zoneOf(ctx);
  const data = [];
  for (const row of rows) data.push(await presentAt(ctx, row, zone));
  return { data };
}

/** The signed-in partner's schedules, oldest first. */
export const listOwnSchedules = (
  ctx: Pick<PartnerContext, 'db' | 'clock' | 'operatorId' | 'maxBoundParams' | 'partner'>,
) => schedulesOf(ctx, ctx.partner.partnerId);

/** One partner's schedules, for the operator (another operator's partner answers 404). */
export async function listPartnerSchedules(
  ctx: Pick<TenantContext, 'db' | 'clock' | 'operatorId' | 'maxBoundParams'>,
  input: { partnerId: string },
) {
  if (!(await partnerExists(ctx, input.partnerId))) throw notFound('Partner');
  return schedulesOf(ctx, input.partnerId);
}
