/** I/O contracts of a network connection's API: the adapter, syncs, tests, the log and leads. */
import { z } from '@hono/zod-openapi';
import ipaddr from 'ipaddr.js';
import { AdapterSchema } from './adapter.ts';
import { LEAD_PUSH_STATES } from './table.ts';

export const AdapterViewSchema = z
  .object({
    connectionId: z.string(),
    adapter: AdapterSchema,
    sync: z.object({
      /** The end of the last window read completely (the cursor); null before the first complete sync. */
      syncedUntil: z.string().nullable(),
      nextSyncAt: z.string().nullable(),
      lastSyncAt: z.string().nullable(),
      lastOutcome: z.enum(['ok', 'partial', 'failed']).nullable(),
      lastError: z.string().nullable(),
      running: z.boolean(),
    }),
    updatedAt: z.string(),
  })
  .openapi('NetworkApiAdapterView');

export const SyncResultSchema = z
  .object({
    runId: z.string(),
    outcome: z.enum(['ok', 'partial', 'failed']),
    requests: z.number().int(),
    itemsSeen: z.number().int(),
    itemsChanged: z.number().int(),
    itemsSkipped: z.number().int(),
    error: z.string().nullable(),
    retryAt: z.string().nullable(),
    completeUntil: z.string().nullable(),
  })
  .openapi('NetworkSyncResult');

const PolledItemSchema = z.object({
  orderId: z.string().nullable(),
  subId: z.string().nullable(),
  rawStatus: z.string().nullable(),
  /** approve, cancel, trash or hold as the mapping reads it; null: not recognised. */
  status: z.string().nullable(),
  payout: z.string().nullable(),
  currency: z.string().nullable(),
  comment: z.string().nullable(),
  reason: z.string().nullable(),
});

export const TestResultSchema = z
  .object({
    request: z.object({
      method: z.string(),
      url: z.string(),
      headers: z.record(z.string(), z.string()),
      body: z.string().nullable(),
    }),
    status: z.number().int().nullable(),
    durationMs: z.number().int(),
    answer: z.string().nullable(),
    itemCount: z.number().int(),
    /** The first five items as the adapter's paths read them. */
    items: z.array(PolledItemSchema),
    problem: z.string().nullable(),
  })
  .openapi('NetworkApiTestResult');

export const ApiLogSchema = z
  .object({
    data: z.array(
      z.object({
        id: z.string(),
        runId: z.string(),
        purpose: z.enum(['test', 'sync', 'push']),
        at: z.string(),
        method: z.string(),
        url: z.string(),
        requestBody: z.string().nullable(),
        status: z.number().int().nullable(),
        durationMs: z.number().int(),
        answer: z.string().nullable(),
        itemsSeen: z.number().int(),
        itemsChanged: z.number().int(),
        error: z.string().nullable(),
      }),
    ),
    nextBefore: z.string().nullable(),
  })
  .openapi('NetworkApiLog');

export const ApiLogQuerySchema = z.object({
  before: z.string().max(64).optional(),
  runId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

export const CreateLeadSchema = z
  .object({
    /** Your id of the lead: sending it again answers the same lead and pushes nothing more. */
    leadId: z.string().trim().min(1).max(64),
    /** An offer mapping of this connection (its parameters go into the push). */
    offerId: z.string().min(3).max(64),
    /** Our visit id (kb_vid): the network gets it as its sub id and sends it back in postbacks. */
    visitId: z.string().trim().min(1).max(64),
    contact: z
      .object({
        name: optionalText(200),
        phone: z
          .string()
          .trim()
          .regex(/^\+?[0-9 ()-]{5,24}$/, 'a phone number like +7 912 345-67-89')
          .optional(),
        email: z.email().max(254).optional(),
        country: z
          .string()
          .regex(/^[A-Z]{2}$/, 'an ISO 3166 country code like DE')
          .optional(),
        address: optionalText(500),
        comment: optionalText(1000),
        ip: z
          .string()
          .max(45)
          .refine((v) => ipaddr.isValid(v), {
            message: 'an IPv4 or IPv6 address',
            params: { reason: 'invalid_format', format: 'ip_address' },
          })
          .optional(),
        userAgent: optionalText(500),
      })
      .strict()
      .refine((c) => !!c.phone || !!c.email, {
        message: 'a phone or an email is needed',
        params: { reason: 'required_one_of', fields: ['phone', 'email'] },
      }),
  })
  .strict()
  .openapi('CreateNetworkLead');

export const LeadSchema = z
  .object({
    id: z.string(),
    connectionId: z.string(),
    offerId: z.string(),
    leadId: z.string(),
    visitId: z.string(),
    /** Masked; null once the retention setting erased it. */
    contact: z.record(z.string(), z.string()).nullable(),
    state: z.enum(LEAD_PUSH_STATES),
    networkOrderId: z.string().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    pushedAt: z.string().nullable(),
  })
  .openapi('NetworkLead');
export const LeadListSchema = z
  .object({ data: z.array(LeadSchema), nextBefore: z.string().nullable() })
  .openapi('NetworkLeadList');
