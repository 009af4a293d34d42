/**
 * The ledger's tables: double-entry accounts and the immutable transfers between them (after
 * TigerBeetle's model). The database itself holds the invariants, so they hold for every process
 * on one file and every isolate on D1: CHECKs on the accounts (no overdraft where flagged, a
 * partner's `available` account always flagged), a CHECK and a UNIQUE key on the transfers, and
 * the triggers appended to migration 0006 (transfers never change or go away; a transfer's
 * accounts belong to its operator and currency).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';

export const LEDGER_OWNERS = ['partner', 'operator'] as const;
export type LedgerOwner = (typeof LEDGER_OWNERS)[number];

/**
 * `available`: what a partner may be paid; `pending`: held for a cash-out in flight (the wallet);
 * `payable`: the operator's side of every commission it owes (it goes negative as bills are credited).
 */
export const LEDGER_ACCOUNT_KINDS = ['available', 'pending', 'payable'] as const;
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number];

/**
 * Why money moved: `bill` an approved bill, `correction` a correction of an approved bill,
 * `balance_correction` the operator's own change of a partner's balance (the wallet), `cash_out` a
 * cash-out's hold, its release and its payout, `refund` a paid cash-out's money coming back. Checked
 * in TypeScript only (no CHECK): new reasons need no rebuild of a table whose rows may never be rewritten.
 */
export const TRANSFER_REASONS = ['bill', 'correction', 'balance_correction', 'cash_out', 'refund'] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];

/** Seen from the partner: `add` credits the partner's account, `subtract` debits it. */
export const TRANSFER_ACTIONS = ['add', 'subtract'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];

/** Sums stay exact JavaScript numbers when read back (Number.MAX_SAFE_INTEGER). */
const SAFE = sql.raw('9007199254740991');

export const ledgerAccounts = sqliteTable(
  'ledger_accounts',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id),
    owner: text('owner', { enum: LEDGER_OWNERS }).notNull(),
    /** A partner id, or the operator's own id for its accounts. */
    ownerId: text('owner_id').notNull(),
    kind: text('kind', { enum: LEDGER_ACCOUNT_KINDS }).notNull(),
    currency: text('currency').notNull(),
    /**
     * Running sums of the transfers posted to this account, written in the same batch as each
     * transfer (a cache of what the transfers say: tests recompute and compare).
     */
    debitsPosted: integer('debits_posted').notNull().default(0),
    creditsPosted: integer('credits_posted').notNull().default(0),
    /** The balance (credits − debits) never goes below zero: a partner's money. */
    debitsMustNotExceedCredits: integer('debits_must_not_exceed_credits', { mode: 'boolean' }).notNull().default(false),
    /** The mirror limit, for accounts that must never hold more than went out of them. */
    creditsMustNotExceedDebits: integer('credits_must_not_exceed_debits', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_owner').on(t.operatorId, t.owner, t.ownerId, t.kind, t.currency),
    check(
      'ledger_accounts_posted_range',
      sql`${t.debitsPosted} between 0 and ${SAFE} and ${t.creditsPosted} between 0 and ${SAFE}`,
    ),
    // SQLite checks these on every UPDATE: an overdrawing posting fails and its whole batch rolls back.
    check(
      'ledger_accounts_no_overdraft',
      sql`${t.debitsMustNotExceedCredits} = 0 or ${t.debitsPosted} <= ${t.creditsPosted}`,
    ),
    check(
      'ledger_accounts_no_overcredit',
      sql`${t.creditsMustNotExceedDebits} = 0 or ${t.creditsPosted} <= ${t.debitsPosted}`,
    ),
    // The flag is not the caller's choice for a partner's available money.
    check(
      'ledger_accounts_partner_available_guarded',
      sql`${t.owner} <> 'partner' or ${t.kind} <> 'available' or ${t.debitsMustNotExceedCredits} = 1`,
    ),
  ],
);

export const ledgerTransfers = sqliteTable(
  'ledger_transfers',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    /** The caller's idempotency key (e.g. `bill:<id>:approve`): the same key posts once. */
    key: text('key').notNull(),
    debitAccountId: text('debit_account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    creditAccountId: text('credit_account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    /** Integer minor units of `currency`. */
    amount: integer('amount').notNull(),
    currency: text('currency').notNull(),
    reason: text('reason', { enum: TRANSFER_REASONS }).notNull(),
    action: text('action', { enum: TRANSFER_ACTIONS }).notNull(),
    /** What the transfer is for, e.g. a bill id. */
    reference: text('reference'),
    /** The partner whose account one side is (null between operator accounts): the partner's list reads by it. */
    partnerId: text('partner_id'),
    /** Words kept with the money, e.g. the operator's comment on a balance correction the partner reads. */
    comment: text('comment'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('ledger_transfers_key').on(t.operatorId, t.key),
    // Newest first by id (ids start with their creation time): the lists' order, one index each.
    index('ledger_transfers_partner').on(t.operatorId, t.partnerId, t.id),
    index('ledger_transfers_operator').on(t.operatorId, t.id),
    index('ledger_transfers_reference').on(t.operatorId, t.reference),
    check(
      'ledger_transfers_amount_positive',
      sql`typeof(${t.amount}) = 'integer' and ${t.amount} > 0 and ${t.amount} <= ${SAFE}`,
    ),
    check('ledger_transfers_two_accounts', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    check('ledger_transfers_action', sql`${t.action} in ('add', 'subtract')`),
  ],
);

export type LedgerAccountRow = typeof ledgerAccounts.$inferSelect;
export type LedgerTransferRow = typeof ledgerTransfers.$inferSelect;
