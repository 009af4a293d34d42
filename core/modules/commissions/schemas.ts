/** I/O contracts of commission plans: create, change (terms as a new version), assign, and the plan as answered. */
import { z } from '@hono/zod-openapi';
import { PLAN_KINDS } from './table.ts';
import { PlanTermsSchema } from './terms.ts';

const localDate = z.iso.date({ error: 'must be a date like 2026-11-24' });

export const CreatePlanSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    terms: PlanTermsSchema,
    notes: z.string().trim().max(2000).optional(),
    isDefault: z.boolean().default(false),
    /** Whether campaigns on this plan may bring sub-affiliates; default: the terms pay sub-affiliate commission. */
    supportsSubAffiliates: z.boolean().optional(),
  })
  .strict()
  .openapi('CreatePlan');

export const UpdatePlanSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
    isDefault: z.boolean().optional(),
    supportsSubAffiliates: z.boolean().optional(),
    /** New terms: a version effective from `effectiveFrom`. */
    terms: PlanTermsSchema.optional(),
    /** A local date in the operator's time zone, today or later (default today). */
    effectiveFrom: localDate.optional(),
  })
  .strict()
  .refine((v) => v.effectiveFrom === undefined || v.terms !== undefined, {
    path: ['effectiveFrom'],
    message: 'only together with terms',
    params: { reason: 'requires_field', field: 'terms' },
  })
  .openapi('UpdatePlan');

export const AssignPlanSchema = z
  .object({ partnerId: z.string().min(3).max(64) })
  .strict()
  .openapi('AssignPlan');

export const PlanListQuerySchema = z.object({ kind: z.enum(PLAN_KINDS).optional() });

const SummarySchema = z
  .object({ en: z.array(z.string()), ru: z.array(z.string()) })
  .openapi('PlanSummaryWords', { description: 'The terms in words, one sentence per part, per locale.' });

export const PlanVersionSchema = z
  .object({
    effectiveFrom: z.string(),
    /** Null: the plan's terms were never set up (plans from before versions); billing skips it. */
    terms: PlanTermsSchema.nullable(),
    summary: SummarySchema,
  })
  .openapi('PlanVersion');

const planFields = {
  id: z.string(),
  name: z.string(),
  kind: z.enum(PLAN_KINDS),
  isDefault: z.boolean(),
  supportsSubAffiliates: z.boolean(),
  /** The version in effect today in the operator's time zone (null only before a plan's first day). */
  current: PlanVersionSchema.nullable(),
  /** Versions that take effect later, soonest first. */
  scheduled: z.array(PlanVersionSchema),
};

export const PlanSchema = z
  .object({
    ...planFields,
    notes: z.string().nullable(),
    /** Partner ids this plan is offered to one by one (a default plan is offered to every partner besides). */
    offeredTo: z.array(z.string()),
    createdAt: z.string(),
  })
  .openapi('Plan');
export const PlanListSchema = z.object({ data: z.array(PlanSchema) }).openapi('PlanList');

/** A plan as its partner sees it: no operator notes; `individual` when assigned to this partner rather than default. */
export const PartnerPlanSchema = z.object({ ...planFields, individual: z.boolean() }).openapi('PartnerPlan');
export const PartnerPlanListSchema = z.object({ data: z.array(PartnerPlanSchema) }).openapi('PartnerPlanList');
