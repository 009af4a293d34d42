/**
 * Automatic cash-out schedules (this module owns the table below; money moves through the wallet).
 *
 * - A schedule belongs to a partner's payment account and a currency that account's method pays
 *   in: one per partner × account × currency (the unique index; saving again replaces it in place
 *   and keeps its id). Its plan is `daily`, `weekly` on ISO weekdays 1–7, or `monthly` on dates
 *   1–31, where 29–31 fall back to the last day of shorter months (two dates on one day: one slot).
 *   `min` ≤ `max`, both within the method's limits for the currency; `enabled` pauses it.
 * - A slot is a local calendar date in the operator's time zone (calendar.ts, Intl only). The
 *   hourly job takes today's slot of each due enabled schedule: the amount is min(available, the
 *   schedule's max, the method's max); below the schedule's or the method's minimum nothing is made
 *   and the skip is recorded with its reason (the balance and the minimum), and later hours of the
 *   same local day try again. Otherwise the wallet holds it as the partner's own request would
 *   (no 2FA: the partner gave a code when saving) under the key `schedule:<scheduleId>:<YYYY-MM-DD>`,
 *   so two runners, two processes or a retried job make one cash-out per slot: the unique key
 *   decides. Its audit entry is "cash-out requested" by the system, naming the schedule.
 * - Missed slots are not made up: a day with no run (the server down all day, the schedule
 *   disabled, a date the zone skipped such as Apia's 2011-12-30) makes nothing later.
 * - The last run's result is kept on the row, moved only forward by a conditional update
 *   (run-schedules.ts), so the partner sees what the latest slot did.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { partners } from '../identity/table.ts';
import { paymentAccounts } from '../payments/table.ts';

export const SCHEDULE_KINDS = ['daily', 'weekly', 'monthly'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** What a slot did: a cash-out was asked for, or nothing was (see the reason). */
export const RUN_OUTCOMES = ['requested', 'skipped'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/**
 * Why a slot made nothing: too little available (`balance`, `minimum`), the account deleted, the
 * method disabled or no longer paying the currency, the partner not active, or the wallet refused
 * (a cash-out made by hand spent the balance between the read and the hold).
 */
export const SKIP_REASONS = [
  'below_minimum',
  'account_deleted',
  'method_unavailable',
  'partner_inactive',
  'refused',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const cashOutSchedules = sqliteTable(
  'cash_out_schedules',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    paymentAccountId: text('payment_account_id')
      .notNull()
      .references(() => paymentAccounts.id, { onDelete: 'cascade' }),
    currency: text('currency').notNull(),
    kind: text('kind', { enum: SCHEDULE_KINDS }).notNull(),
    /** ISO weekdays 1 (Monday) – 7 (Sunday), ascending; empty unless weekly. */
    weekdays: text('weekdays', { mode: 'json' }).$type<number[]>().notNull(),
    /** Dates of the month 1–31, ascending; empty unless monthly. */
    dates: text('dates', { mode: 'json' }).$type<number[]>().notNull(),
    /** Integer minor units of `currency`: a slot asks for no less than min and no more than max. */
    minAmount: integer('min_amount').notNull(),
    maxAmount: integer('max_amount').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    /** The user who saved it last (null when the operator did). */
    savedByUserId: text('saved_by_user_id'),
    /** The local date (YYYY-MM-DD, operator's zone) of the latest slot run, and what it did. */
    lastSlot: text('last_slot'),
    lastOutcome: text('last_outcome', { enum: RUN_OUTCOMES }),
    lastReason: text('last_reason', { enum: SKIP_REASONS }),
    /** Minor units: the cash-out's amount, or the available balance of a below-minimum skip. */
    lastAmount: integer('last_amount'),
    /** Minor units: the least a below-minimum skip needed (the schedule's or the method's minimum, the higher). */
    lastMinimum: integer('last_minimum'),
    lastCashOutId: text('last_cash_out_id'),
    lastRunAt: integer('last_run_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('cash_out_schedules_one_per_account_currency').on(
      t.operatorId,
      t.partnerId,
      t.paymentAccountId,
      t.currency,
    ),
    // The hourly run reads the enabled schedules of one operator.
    index('cash_out_schedules_operator_enabled').on(t.operatorId, t.enabled),
    check(
      'cash_out_schedules_amounts',
      sql`typeof(${t.minAmount}) = 'integer' and typeof(${t.maxAmount}) = 'integer' and ${t.minAmount} > 0 and ${t.minAmount} <= ${t.maxAmount}`,
    ),
    check('cash_out_schedules_kind', sql`${t.kind} in ('daily', 'weekly', 'monthly')`),
  ],
);

export type CashOutScheduleRow = typeof cashOutSchedules.$inferSelect;
