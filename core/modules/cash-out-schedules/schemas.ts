/** I/O contracts of cash-out schedules: the saved plan, and a schedule as listed with its next slot and last run. */
import { z } from '@hono/zod-openapi';
import { CurrencySchema } from '../catalog/schemas.ts';
import { SecondFactorSchema } from '../identity/schemas.ts';
import { RUN_OUTCOMES, SCHEDULE_KINDS, SKIP_REASONS } from './table.ts';

const decimal = (description: string, example: string) =>
  z
    .string()
    .max(40)
    .regex(/^\d+(\.\d+)?$/, 'a decimal string like 12.50')
    .openapi({ description, example });

const scheduleFields = {
  paymentAccountId: z
    .string()
    .min(3)
    .max(64)
    .openapi({ description: 'One of the partner’s live payment accounts: the schedule pays to it' }),
  currency: CurrencySchema.openapi({ description: 'A currency the account’s method pays in' }),
  kind: z.enum(SCHEDULE_KINDS).openapi({ description: 'daily, weekly (on `weekdays`) or monthly (on `dates`)' }),
  weekdays: z
    .array(z.number().int().min(1).max(7))
    .max(7)
    .optional()
    .openapi({ description: 'Weekly: ISO weekdays, 1 Monday … 7 Sunday (at least one)', example: [3] }),
  dates: z
    .array(z.number().int().min(1).max(31))
    .max(31)
    .optional()
    .openapi({
      description: 'Monthly: dates 1–31 (at least one); 29–31 fall back to the last day of shorter months',
      example: [15, 31],
    }),
  min: decimal('The least one automatic cash-out asks for (within the method’s limits)', '50.00'),
  max: decimal('The most one automatic cash-out asks for (within the method’s limits)', '10000.00'),
  enabled: z.boolean().default(true),
};

/** The partner saves a schedule with a fresh 2FA code: it moves money later without asking again. */
export const SaveScheduleSchema = z
  .object({
    ...scheduleFields,
    code: SecondFactorSchema.optional().openapi({ description: 'A current 2FA code (required: 2FA must be on)' }),
  })
  .strict()
  .openapi('SaveCashOutSchedule');

export const OperatorSaveScheduleSchema = z.object(scheduleFields).strict().openapi('OperatorSaveCashOutSchedule');

export const DeleteScheduleSchema = z
  .object({ code: SecondFactorSchema.optional().openapi({ description: 'A current 2FA code (required)' }) })
  .strict()
  .openapi('DeleteCashOutSchedule');

export const ScheduleSchema = z
  .object({
    id: z.string(),
    partnerId: z.string(),
    paymentAccount: z.object({
      id: z.string(),
      summary: z.string().nullable().openapi({ description: 'The account masked; null once it is deleted' }),
      method: z.object({ id: z.string(), name: z.string(), enabled: z.boolean() }).nullable(),
    }),
    currency: z.string(),
    kind: z.enum(SCHEDULE_KINDS),
    weekdays: z.array(z.number().int()),
    dates: z.array(z.number().int()),
    min: z.string(),
    max: z.string(),
    methodLimits: z
      .object({ min: z.string(), max: z.string() })
      .nullable()
      .openapi({ description: 'The method’s limits for the currency now; null when it no longer pays in it' }),
    enabled: z.boolean(),
    timeZone: z.string().openapi({ description: 'The program’s time zone: slots are its local dates' }),
    nextSlot: z
      .string()
      .nullable()
      .openapi({ description: 'The next local date a cash-out is due (YYYY-MM-DD); null when disabled' }),
    lastRun: z
      .object({
        slot: z.string().openapi({ description: 'The local date of the latest slot run' }),
        outcome: z.enum(RUN_OUTCOMES),
        reason: z.enum(SKIP_REASONS).nullable().openapi({ description: 'Why a skipped slot made nothing' }),
        amount: z
          .string()
          .nullable()
          .openapi({ description: 'The cash-out’s amount, or the available balance of a below-minimum skip' }),
        minimum: z.string().nullable().openapi({ description: 'The least a below-minimum skip needed' }),
        cashOutId: z.string().nullable(),
        at: z.string(),
      })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CashOutSchedule');

export const ScheduleListSchema = z.object({ data: z.array(ScheduleSchema) }).openapi('CashOutScheduleList');
