/**
 * Saving and deleting schedules. A save creates the schedule of its account and currency or
 * replaces it in place (an upsert on the unique index, so the id, and with it each slot's
 * idempotency key, stays), with its audit entry in the same batch. Everything is checked before
 * the partner's 2FA code is spent; the operator saves without one.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { fieldProblem, fieldProblems, moneyProblem, notFound, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { formatMoney, MAX_PAYOUT_MINOR, money, MoneyError, parsePayout } from '../../lib/money.ts';
import { auditStatement, type AuditInput } from '../identity/audit.ts';
import { partnerExists } from '../identity/partners.ts';
import { requireFreshTwoFactor } from '../identity/two-factor.ts';
import { findPartnerPaymentAccount } from '../payments/accounts.ts';
import { findPaymentMethod } from '../payments/catalog.ts';
import { findScheduleRow, presentSchedule } from './list-schedules.ts';
import { cashOutSchedules, type ScheduleKind } from './table.ts';

export interface ScheduleInput {
  paymentAccountId: string;
  currency: string;
  kind: ScheduleKind;
  weekdays?: number[] | undefined;
  dates?: number[] | undefined;
  min: string;
  max: string;
  enabled: boolean;
}

const sortedUnique = (list: number[] | undefined) => [...new Set(list ?? [])].sort((a, b) => a - b);

/** The weekdays and dates the kind takes: at least one for its own list, none for the other's. */
function checkedPlan(input: ScheduleInput) {
  const weekdays = sortedUnique(input.weekdays);
  const dates = sortedUnique(input.dates);
  const problems: FieldProblem[] = [];
  const needs = (field: 'weekdays' | 'dates', list: number[], kind: ScheduleKind) => {
    if (input.kind === kind && list.length === 0)
      problems.push({
        path: `body.${field}`,
        reason: 'too_few',
        params: { minimum: 1 },
        message: `a ${kind} schedule needs at least one ${field === 'weekdays' ? 'weekday' : 'date'}`,
      });
    if (input.kind !== kind && list.length > 0)
      problems.push({
        path: `body.${field}`,
        reason: 'not_applicable',
        params: { kind: input.kind },
        message: `a ${input.kind} schedule has no ${field}`,
      });
  };
  needs('weekdays', weekdays, 'weekly');
  needs('dates', dates, 'monthly');
  if (problems.length) throw fieldProblems(problems);
  return { kind: input.kind, weekdays, dates };
}

function minorOf(input: ScheduleInput, field: 'min' | 'max'): number {
  try {
    return parsePayout(input[field], input.currency).minor;
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    const paths = { amount: `body.${field}`, currency: 'body.currency' };
    throw fieldProblems([moneyProblem(paths, error, input.currency, MAX_PAYOUT_MINOR)]);
  }
}

/** The amounts in minor units: above zero, min ≤ max, and within the method's limits (refusals name both ends). */
function checkedAmounts(input: ScheduleInput, method: { name: string }, limit: { minMinor: number; maxMinor: number }) {
  const min = minorOf(input, 'min');
  const max = minorOf(input, 'max');
  const text = (minor: number) => formatMoney(money(minor, input.currency));
  if (min < 1) throw fieldProblem('body.min', 'too_small', 'the minimum must be above zero', { minimum: text(1) });
  if (min > max) {
    const message = `the minimum ${text(min)} is above the maximum ${text(max)}`;
    throw fieldProblems([
      { path: 'body.min', reason: 'too_big', params: { maximum: text(max) }, message },
      { path: 'body.max', reason: 'too_small', params: { minimum: text(min) }, message },
    ]);
  }
  const params = { minimum: text(limit.minMinor), maximum: text(limit.maxMinor) };
  const words = `${method.name} pays from ${params.minimum} to ${params.maximum} ${input.currency} per cash-out`;
  const problems: FieldProblem[] = [];
  if (min < limit.minMinor) problems.push({ path: 'body.min', reason: 'too_small', params, message: words });
  if (max > limit.maxMinor) problems.push({ path: 'body.max', reason: 'too_big', params, message: words });
  if (problems.length) throw fieldProblems(problems);
  return { minAmount: min, maxAmount: max };
}

/** The partner's live account, its enabled method paying in the currency, and the checked plan and amounts. */
async function checkedSchedule(ctx: TenantContext, input: ScheduleInput & { partnerId: string }) {
  const plan = checkedPlan(input);
  const { partnerId } = input;
  const account = await findPartnerPaymentAccount(ctx, { partnerId, accountId: input.paymentAccountId });
  const method = account ? await findPaymentMethod(ctx, account.methodId) : null;
  if (!account || !method)
    throw fieldProblem('body.paymentAccountId', 'not_found_reference', 'No such payment account of the partner', {
      resource: 'payment_account',
    });
  if (!method.enabled)
    throw fieldProblem('body.paymentAccountId', 'invalid_value', `${method.name} takes no cash-outs now`);
  const limit = method.limits.find((l) => l.currency === input.currency);
  if (!limit)
    throw fieldProblem('body.currency', 'invalid_choice', `${method.name} does not pay in ${input.currency}`, {
      allowed: method.limits.map((l) => l.currency),
    });
  return { plan, amounts: checkedAmounts(input, method, limit), account, method };
}

type Checked = Awaited<ReturnType<typeof checkedSchedule>>;

/** The upsert and its audit entry, in one batch; answers the stored schedule. */
async function writeSchedule(
  ctx: TenantContext,
  input: { partnerId: string; currency: string; enabled: boolean; checked: Checked; by: AuditInput['actor'] },
) {
  const { partnerId, currency, enabled, checked, by } = input;
  const { plan, amounts, account, method } = checked;
  const now = ctx.clock.now();
  const userId = by.kind === 'user' ? by.userId : null;
  const values = { ...plan, ...amounts, enabled, savedByUserId: userId, updatedAt: now };
  await ctx.db.batch([
    ctx.db
      .insert(cashOutSchedules)
      .values({
        id: newId('csch', ctx.clock),
        operatorId: ctx.operatorId,
        partnerId,
        paymentAccountId: account.id,
        currency,
        ...values,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [
          cashOutSchedules.operatorId,
          cashOutSchedules.partnerId,
          cashOutSchedules.paymentAccountId,
          cashOutSchedules.currency,
        ],
        set: { ...values, weekdays: sql`excluded.weekdays`, dates: sql`excluded.dates` },
      }),
    auditStatement(ctx, {
      partnerId,
      userId,
      type: 'cash_out_schedule_saved',
      actor: by,
      detail: {
        method: method.name,
        account: account.summary,
        currency,
        kind: plan.kind,
        weekdays: plan.weekdays,
        dates: plan.dates,
        min: formatMoney(money(amounts.minAmount, currency)),
        max: formatMoney(money(amounts.maxAmount, currency)),
        enabled,
      },
    }),
  ]);
  const row = await findScheduleRow(ctx, { partnerId, paymentAccountId: account.id, currency });
  if (!row) throw new Error('cash-out schedules: the saved schedule is missing');
  return presentSchedule(ctx, row);
}

/** The partner saves a schedule of its own (money roles; a fresh 2FA code, asked after every other check). */
export async function saveOwnSchedule(ctx: PartnerContext, input: ScheduleInput & { code?: string | undefined }) {
  const { partnerId, userId } = ctx.partner;
  const checked = await checkedSchedule(ctx, { ...input, partnerId });
  await requireFreshTwoFactor(ctx, input.code);
  return writeSchedule(ctx, { ...input, partnerId, checked, by: { kind: 'user', userId } });
}

/** The operator saves a partner's schedule (no second factor: the operator's key is the credential). */
export async function savePartnerSchedule(ctx: TenantContext, input: ScheduleInput & { partnerId: string }) {
  if (!(await partnerExists(ctx, input.partnerId))) throw notFound('Partner');
  const checked = await checkedSchedule(ctx, input);
  return writeSchedule(ctx, { ...input, checked, by: { kind: 'operator' } });
}

async function removeSchedule(
  ctx: TenantContext,
  input: { partnerId: string; scheduleId: string; by: AuditInput['actor']; confirm?: () => Promise<void> },
) {
  const { partnerId, scheduleId, by } = input;
  const row = await findScheduleRow(ctx, { partnerId, scheduleId });
  if (!row) throw notFound('Cash-out schedule');
  await input.confirm?.();
  const shown = await presentSchedule(ctx, row);
  await ctx.db.batch([
    ctx.db
      .delete(cashOutSchedules)
      .where(and(eq(cashOutSchedules.operatorId, ctx.operatorId), eq(cashOutSchedules.id, row.id))),
    auditStatement(ctx, {
      partnerId,
      userId: by.kind === 'user' ? by.userId : null,
      type: 'cash_out_schedule_deleted',
      actor: by,
      detail: {
        method: shown.paymentAccount.method?.name ?? null,
        account: shown.paymentAccount.summary,
        currency: row.currency,
      },
    }),
  ]);
  return shown;
}

/** The partner deletes its schedule (a fresh 2FA code); cash-outs it made stay. */
export const deleteOwnSchedule = (ctx: PartnerContext, input: { scheduleId: string; code?: string | undefined }) =>
  removeSchedule(ctx, {
    scheduleId: input.scheduleId,
    partnerId: ctx.partner.partnerId,
    by: { kind: 'user', userId: ctx.partner.userId },
    confirm: () => requireFreshTwoFactor(ctx, input.code),
  });

/** The operator deletes a partner's schedule. */
export const deletePartnerSchedule = (ctx: TenantContext, input: { partnerId: string; scheduleId: string }) =>
  removeSchedule(ctx, { ...input, by: { kind: 'operator' } });
