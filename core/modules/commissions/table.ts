import { sqliteTable, text, integer, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { operators } from '../operators/table.ts';
import type { StoredPlanTerms } from './terms.ts';

export const PLAN_KINDS = ['cpa', 'revshare', 'hybrid', 'cpl'] as const;

/**
 * A commission plan: its name, whether every partner is offered it, and (in plan_versions) the
 * terms it pays by from each date on. `kind` repeats what the newest terms say, for filtering.
 */
export const commissionPlans = sqliteTable(
  'commission_plans',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: PLAN_KINDS }).notNull(),
    /** The operator's own remarks; plans from before versions keep their free-text terms here. */
    notes: text('notes'),
    /** Default plans are offered to every partner; others only to partners they are assigned to. */
    isDefault: integer('is_default', { mode: 'boolean' }).notNull(),
    supportsSubAffiliates: integer('supports_sub_affiliates', { mode: 'boolean' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('commission_plans_operator_name').on(t.operatorId, t.name)],
);

export const planAssignments = sqliteTable(
  'plan_assignments',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => commissionPlans.id, { onDelete: 'cascade' }),
    partnerId: text('partner_id').notNull(),
    operatorId: text('operator_id').notNull(),
  },
  (t) => [uniqueIndex('plan_assignments_pk').on(t.planId, t.partnerId)],
);

/**
 * What a plan pays from a local date (the operator's IANA zone) until the next version's date.
 * `terms` null means "not set up" (plans from before versions): billing skips such a version.
 */
export const planVersions = sqliteTable(
  'plan_versions',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => commissionPlans.id, { onDelete: 'cascade' }),
    operatorId: text('operator_id').notNull(),
    /** "YYYY-MM-DD" in the operator's time zone. */
    effectiveFrom: text('effective_from').notNull(),
    terms: text('terms', { mode: 'json' }).$type<StoredPlanTerms | null>(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.effectiveFrom], name: 'plan_versions_plan_date' })],
);
