import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';
import { partners } from '../identity/table.ts';

/** The kinds of payment method (kinds.ts holds each kind's fields). */
export const PAYMENT_KINDS = [
  'bank_transfer',
  'skrill',
  'neteller',
  'coinspaid',
  'capitalist',
  'webmoney',
  'player_account',
  'crypto_wallet',
  'other',
] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

/** One currency a method pays in, with the least and the most one cash-out may be (minor units). */
export interface StoredMethodLimit {
  currency: string;
  minMinor: number;
  maxMinor: number;
}

/** A payment method the operator offers (bank transfer, Skrill, a crypto wallet…), with limits per currency. */
export const paymentMethods = sqliteTable(
  'payment_methods',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: PAYMENT_KINDS }).notNull(),
    limits: text('limits', { mode: 'json' }).$type<StoredMethodLimit[]>().notNull(),
    /** A disabled method takes no new accounts and no cash-outs; existing accounts stay. */
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('payment_methods_operator_name').on(t.operatorId, t.name)],
);

/**
 * A partner's account for one offered method. The details are sealed (AES-GCM, the install's
 * secret box); `masked` is what lists show, so listing never decrypts. Deleting keeps the row
 * (cash-outs will name it) but drops the sealed details; the unique index counts live rows only,
 * so one live account per method is the database's rule, not a read-then-write check.
 */
export const paymentAccounts = sqliteTable(
  'payment_accounts',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    methodId: text('method_id')
      .notNull()
      .references(() => paymentMethods.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: PAYMENT_KINDS }).notNull(),
    /** The details as sealed JSON; null once the account is deleted. */
    sealedDetails: text('sealed_details'),
    masked: text('masked', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    addedByUserId: text('added_by_user_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    deletedByUserId: text('deleted_by_user_id'),
  },
  (t) => [
    uniqueIndex('payment_accounts_one_per_method').on(t.partnerId, t.methodId).where(sql`deleted_at is null`),
    index('payment_accounts_partner').on(t.operatorId, t.partnerId, t.createdAt),
  ],
);
