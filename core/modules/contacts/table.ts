/**
 * Contacts (this module owns the tables below; brands come from catalog, partners from identity).
 *
 * - `contact_cards`: how partners reach the program's support, one card per brand plus the
 *   program-wide default (`scope` is the brand id, or `program`; `brand_id` is null for the default,
 *   so a brand's card goes with its brand). Hours and the note are words per locale.
 * - `managers`: the operator's affiliate managers. A photo is stored in the file store under
 *   `photo_key`; `photo_version` changes with every upload and is part of its public address, so
 *   the address is unguessable and can be cached for ever.
 * - `partner_managers`: which manager a partner has (at most one).
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';
import { brands } from '../catalog/table.ts';
import { partners } from '../identity/table.ts';

export const MESSENGER_KINDS = ['telegram', 'whatsapp', 'skype', 'other'] as const;
export type MessengerKind = (typeof MESSENGER_KINDS)[number];

/** A messenger as stored: its kind and the handle, normalised (`@name`, `+4930123456`). */
export interface StoredMessenger {
  kind: MessengerKind;
  handle: string;
}

/** Words per locale; a missing locale falls back to English, then to any. */
export type LocalizedText = { en?: string; ru?: string };

/** The scope of the program-wide card. */
export const PROGRAM_SCOPE = 'program';

export const contactCards = sqliteTable(
  'contact_cards',
  {
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    scope: text('scope').notNull(),
    brandId: text('brand_id').references(() => brands.id, { onDelete: 'cascade' }),
    supportEmail: text('support_email'),
    messengers: text('messengers', { mode: 'json' }).$type<StoredMessenger[]>().notNull(),
    hours: text('hours', { mode: 'json' }).$type<LocalizedText>().notNull(),
    note: text('note', { mode: 'json' }).$type<LocalizedText>().notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.scope] })],
);

export const managers = sqliteTable(
  'managers',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    messengers: text('messengers', { mode: 'json' }).$type<StoredMessenger[]>().notNull(),
    /** Languages the manager speaks (two-letter codes), as partners see them. */
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    photoKey: text('photo_key'),
    photoType: text('photo_type'),
    photoVersion: text('photo_version'),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('managers_operator_name').on(t.operatorId, t.name)],
);

export const partnerManagers = sqliteTable(
  'partner_managers',
  {
    partnerId: text('partner_id')
      .primaryKey()
      .references(() => partners.id, { onDelete: 'cascade' }),
    operatorId: text('operator_id').notNull(),
    managerId: text('manager_id')
      .notNull()
      .references(() => managers.id, { onDelete: 'cascade' }),
    assignedAt: integer('assigned_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('partner_managers_manager').on(t.operatorId, t.managerId)],
);

export type ContactCardRow = typeof contactCards.$inferSelect;
export type ManagerRow = typeof managers.$inferSelect;
