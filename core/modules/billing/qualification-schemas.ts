/** I/O contracts of qualified players (CPA qualifications): the list's query and its rows. */
import { z } from '@hono/zod-openapi';

const localDate = z.iso.date({ error: 'must be a date like 2026-11-24' });
const named = z.object({ id: z.string(), name: z.string().nullable() });
const money = z.string().openapi({ description: 'A decimal string in the brand’s currency', example: '150.00' });

export const QualificationListQuerySchema = z.object({
  from: localDate
    .optional()
    .openapi({ description: 'Players who qualified on or after this date (the operator’s time zone)' }),
  to: localDate
    .optional()
    .openapi({ description: 'Players who qualified on or before this date (the operator’s time zone)' }),
  brandId: z.string().min(3).max(64).optional(),
  planId: z.string().min(3).max(64).optional(),
  playerId: z.string().min(1).max(100).optional().openapi({ description: 'The operator’s player id, exactly' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // Read as the bills' cursor is: one that is not a `next` of this list reads as none (the first page).
  after: z.string().max(300).optional().openapi({ description: 'The `next` cursor of the previous page' }),
});
export const OperatorQualificationListQuerySchema = QualificationListQuerySchema.extend({
  partnerId: z.string().min(3).max(64).optional(),
});

const QualificationFields = {
  plan: named,
  brand: named,
  playerId: z.string(),
  qualifiedAt: z.string().openapi({ description: 'When the plan’s last qualification rule was met' }),
  registeredAt: z.string(),
  country: z.string().nullable().openapi({ description: 'The click’s country, else the registration’s' }),
  currency: z.string().openapi({ description: 'The brand’s currency: every amount of the row is in it' }),
  coin: z.boolean().openapi({ description: 'A crypto currency (shown as coin beside fiat)' }),
  firstDeposit: money.nullable(),
  deposits: z.number().int().openapi({ description: 'Deposits (the first one included) when the player qualified' }),
  wager: money.openapi({ description: 'The wager from registration to qualifying, in the brand’s currency' }),
  ngr: money.openapi({ description: 'The NGR from registration to qualifying, in the brand’s currency' }),
};

export const QualificationSchema = z.object(QualificationFields).openapi('Qualification');
export const OperatorQualificationSchema = z
  .object({ ...QualificationFields, partner: named })
  .openapi('OperatorQualification');

const list = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    next: z.string().nullable(),
    timeZone: z.string().openapi({ description: 'The operator’s time zone: the one `from` and `to` are dates in' }),
  });

export const QualificationListSchema = list(QualificationSchema).openapi('QualificationList');
export const OperatorQualificationListSchema = list(OperatorQualificationSchema).openapi('OperatorQualificationList');
