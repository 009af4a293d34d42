/**
 * Billing's tables: qualified players, bills with their lines and corrections, and how far each
 * plan has been billed. The guards that make billing safe with several processes live here as
 * keys: a player qualifies once per plan (primary key), a chain (partner × brand × plan × source)
 * has one bill per period start (unique key), and a bill's lines go in only with the attempt that
 * inserted the bill (`pricedBy`, see run-billing.ts).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';

/**
 * A player who met a CPA plan's qualification rules, with the values that met them. At most one
 * row per plan and player: the primary key decides between two processes qualifying at once.
 */
export const qualifications = sqliteTable(
  'qualifications',
  {
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    planId: text('plan_id').notNull(),
    brandId: text('brand_id').notNull(),
    playerId: text('player_id').notNull(),
    partnerId: text('partner_id').notNull(),
    /** When the last rule was met: the qualification's billing period follows from it. */
    qualifiedAt: integer('qualified_at', { mode: 'timestamp_ms' }).notNull(),
    registeredAt: integer('registered_at', { mode: 'timestamp_ms' }).notNull(),
    /** The click's country, else the registration's. */
    country: text('country'),
    /** The rule values the player reached (amounts in the brand's currency, minor units). */
    values: text('values', { mode: 'json' }).$type<QualificationValues>().notNull(),
    /** When the row was written: a bill counts the rows written before it was cut. */
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.operatorId, t.planId, t.brandId, t.playerId] }),
    index('qualifications_plan_time').on(t.operatorId, t.planId, t.qualifiedAt),
    index('qualifications_created').on(t.operatorId, t.planId, t.createdAt),
    // The qualified-players lists (list-qualifications.ts), newest first over all partners or one partner's: in the
    // list's whole order, the key's columns breaking ties, so a page is read off the index from its cursor, unsorted.
    index('qualifications_operator_time').on(t.operatorId, t.qualifiedAt, t.planId, t.brandId, t.playerId),
    index('qualifications_partner_time').on(t.operatorId, t.partnerId, t.qualifiedAt, t.planId, t.brandId, t.playerId),
  ],
);

export interface QualificationValues {
  currency: string;
  firstDepositMinor: number | null;
  deposits: number;
  wagerMinor: number;
  ngrMinor: number;
  country: string | null;
}

export const BILL_STATES = ['pending', 'approved', 'on_hold', 'cancelled', 'paid'] as const;
export type BillState = (typeof BILL_STATES)[number];

/** `direct`: what the partner's own players earned; `sub_affiliates`: shares of sub-partners' bills. */
export const BILL_SOURCES = ['direct', 'sub_affiliates'] as const;
export type BillSource = (typeof BILL_SOURCES)[number];

export const bills = sqliteTable(
  'bills',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id').notNull(),
    brandId: text('brand_id').notNull(),
    planId: text('plan_id').notNull(),
    source: text('source', { enum: BILL_SOURCES }).notNull(),
    billingPeriod: text('billing_period', { enum: ['daily', 'weekly', 'monthly'] }).notNull(),
    /** Local dates in `timeZone`: the first day and the day after the last. */
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    timeZone: text('time_zone').notNull(),
    /** The plan version that priced this bill (a version starting inside a period splits it). */
    planVersion: text('plan_version').notNull(),
    /** The brand's base currency: every line is in it. */
    currency: text('currency').notNull(),
    issuedMinor: integer('issued_minor').notNull(),
    /** The sum of the corrections (add positive, subtract negative). */
    correctionsMinor: integer('corrections_minor').notNull().default(0),
    /** Negative NGR brought in from the chain's previous bill, and what this one carries on (≤ 0). */
    carryInMinor: integer('carry_in_minor').notNull().default(0),
    carryOutMinor: integer('carry_out_minor').notNull().default(0),
    state: text('state', { enum: BILL_STATES }).notNull(),
    /** Why the bill cannot be priced yet (a missing exchange rate); null once priced. */
    waitingFor: text('waiting_for'),
    /** Everything received before this instant is on this bill or an earlier one of its chain. */
    cutoffAt: integer('cutoff_at').notNull(),
    /** Items that happened before the period and arrived from this instant on are on it as late. */
    lateFrom: integer('late_from').notNull().default(0),
    /** When the amount became known (null while waiting): sub-affiliate shares count bills priced before their cut. */
    pricedAt: integer('priced_at'),
    /** The attempt that priced the bill: lines are inserted only under the same id. */
    pricedBy: text('priced_by').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    processedAt: integer('processed_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    /**
     * The attempt that made the last review change (a state move or a correction): what goes in the
     * same batch (the ledger transfer, the correction row, the audit entry) is conditioned on it, so
     * it goes in only with the change it belongs to.
     */
    changedBy: text('changed_by'),
  },
  (t) => [
    uniqueIndex('bills_chain_period').on(t.operatorId, t.partnerId, t.brandId, t.planId, t.source, t.periodStart),
    index('bills_operator_period').on(t.operatorId, t.periodStart, t.id),
    index('bills_partner_period').on(t.operatorId, t.partnerId, t.periodStart),
    index('bills_waiting').on(t.operatorId, t.waitingFor),
    check('bills_state', sql`${t.state} in ('pending', 'approved', 'on_hold', 'cancelled', 'paid')`),
    check('bills_carry', sql`${t.carryInMinor} <= 0 and ${t.carryOutMinor} <= 0`),
    // An unpriced bill is pending: it cannot be approved before its amount is known.
    check('bills_waiting_pending', sql`${t.waitingFor} is null or ${t.state} = 'pending'`),
    // What is paid never goes below zero.
    check('bills_to_pay', sql`${t.issuedMinor} + ${t.correctionsMinor} >= 0`),
  ],
);

export const BILL_LINE_KINDS = ['cpa', 'cpl', 'revshare', 'carry_in', 'sub_affiliate'] as const;
export type BillLineKind = (typeof BILL_LINE_KINDS)[number];

/**
 * One line: quantity × rate or basis × percent, rounded once to the currency's minor unit.
 * `detail` keeps what the words need: the tier applied, the exchange rate, a late period, the
 * sub-partner and level.
 */
export const billLines = sqliteTable(
  'bill_lines',
  {
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    n: integer('n').notNull(),
    kind: text('kind', { enum: BILL_LINE_KINDS }).notNull(),
    quantity: integer('quantity'),
    /** The amount a percentage applies to (NGR, a sub-partner's earnings), in `basisCurrency`. */
    basisMinor: integer('basis_minor'),
    basisCurrency: text('basis_currency'),
    /** Minor units per unit (cpa, cpl) or a percentage string (revshare, sub-affiliate). */
    rate: text('rate'),
    amountMinor: integer('amount_minor').notNull(),
    detail: text('detail', { mode: 'json' }).$type<BillLineDetail>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.billId, t.n] })],
);

export interface BillLineDetail {
  /** The tier step (1-based) whose rate the line pays; absent: the plan's base rate. */
  tier?: number;
  /** Units of the line's currency per unit of `from`, on `rateDate` (through the euro). */
  exchange?: { from: string; rate: string; rateDate: string };
  /** RevShare: each day's conversion of amounts in other currencies. */
  exchanges?: Array<{ from: string; rate: string; rateDate: string; day: string }>;
  /** RevShare: the period's own NGR (before anything carried in), and whether late amounts are in it. */
  ngrMinor?: number;
  includesLate?: boolean;
  /** The line counts what happened before this bill's period and arrived after its own bill. */
  lateFrom?: string;
  country?: string | null;
  per?: 'lead' | 'registration';
  subPartnerId?: string;
  level?: number;
  /** The bill of the sub-partner the share is of. */
  ofBillId?: string;
}

export const billCorrections = sqliteTable(
  'bill_corrections',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    billId: text('bill_id')
      .notNull()
      .references(() => bills.id, { onDelete: 'cascade' }),
    action: text('action', { enum: ['add', 'subtract'] }).notNull(),
    amountMinor: integer('amount_minor').notNull(),
    comment: text('comment').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('bill_corrections_bill').on(t.operatorId, t.billId),
    check('bill_corrections_amount', sql`${t.amountMinor} > 0`),
  ],
);

/**
 * How far each plan has been billed: the next period start to bill, and how far the
 * qualification scan of the operator's events has read (by received time).
 */
export const billingProgress = sqliteTable(
  'billing_progress',
  {
    operatorId: text('operator_id').notNull(),
    /** A plan id, or '*qualifications' for the scan. */
    subject: text('subject').notNull(),
    position: text('position').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.subject] })],
);

export type BillRow = typeof bills.$inferSelect;
export type BillLineRow = typeof billLines.$inferSelect;
export type BillCorrectionRow = typeof billCorrections.$inferSelect;
