/**
 * The operator's extra registration fields (this module owns the tables below).
 *
 * - A field is a question the sign-up form asks besides the built-in ones: a key unique per
 *   operator, labels in English and Russian, a kind (text, select with options, checkbox), whether
 *   it is required, its position in the form. Deactivating hides it from the form and the profile
 *   but keeps what partners answered.
 * - A value is one partner's answer to one field, kept as text (a checkbox is "true"/"false", a
 *   select its option's value), keyed by the field's key.
 */
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { partners } from '../identity/table.ts';

export interface LocalizedLabel {
  en: string;
  ru: string;
}

export interface FieldOption {
  value: string;
  label: LocalizedLabel;
}

export const registrationFields = sqliteTable(
  'registration_fields',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    key: text('key').notNull(),
    label: text('label', { mode: 'json' }).$type<LocalizedLabel>().notNull(),
    kind: text('kind', { enum: ['text', 'select', 'checkbox'] }).notNull(),
    options: text('options', { mode: 'json' }).$type<FieldOption[]>().notNull(),
    required: integer('required', { mode: 'boolean' }).notNull(),
    position: integer('position').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('registration_fields_key_per_operator').on(t.operatorId, t.key)],
);

export const registrationFieldValues = sqliteTable(
  'registration_field_values',
  {
    operatorId: text('operator_id').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    value: text('value').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.key] })],
);

export type RegistrationFieldRow = typeof registrationFields.$inferSelect;
