/** I/O contracts of network and tracker connections and their offer mappings. */
import { z } from '@hono/zod-openapi';
import { CURRENCY_CODES } from '../../lib/money.ts';

const currency = z.string().refine((c) => (CURRENCY_CODES as readonly string[]).includes(c), {
  message: 'an ISO 4217 (or supported crypto) currency code',
  params: { reason: 'unknown_currency' },
});

export const CreateConnectionSchema = z
  .object({
    kind: z.enum(['tracker', 'network']),
    /** A key from GET /v1/networks (required for networks). */
    networkKey: z.string().max(64).optional(),
    name: z.string().trim().min(1).max(120),
    /** The network's settings as its catalog entry lists them (API token, user id…). */
    settings: z.record(z.string(), z.unknown()).default({}),
    defaultCurrency: currency.default('USD'),
  })
  .strict()
  .openapi('CreateConnection');

export const UpdateConnectionSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    /** Replaces the settings; a secret left out keeps its stored value. */
    settings: z.record(z.string(), z.unknown()).optional(),
    defaultCurrency: currency.optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .openapi('UpdateConnection');

export const ConnectionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['tracker', 'network']),
    networkKey: z.string().nullable(),
    networkName: z.string().nullable(),
    name: z.string(),
    /** Secrets masked (last four characters); ids shown as stored. */
    settings: z.record(z.string(), z.string()),
    defaultCurrency: z.string(),
    enabled: z.boolean(),
    /** Whether statuses arrive by postback (`tails`, `fields`) or only through the network's API (`api`). */
    postbackMode: z.enum(['tails', 'fields', 'api', 'tracker']),
    /** The exact URLs to paste into the network or tracker, per status. */
    postbackUrls: z.array(z.object({ status: z.string(), url: z.string() })),
    createdAt: z.string(),
  })
  .openapi('Connection');
export const ConnectionListSchema = z.object({ data: z.array(ConnectionSchema) }).openapi('ConnectionList');

export const CreateOfferSchema = z
  .object({
    label: z.string().trim().min(1).max(120),
    brandId: z.string().max(64).optional(),
    landingId: z.string().max(64).optional(),
    /** The network's per-offer parameters by name, e.g. {"zcpa": "stream-hash"}. */
    parameters: z.record(z.string(), z.unknown()),
  })
  .strict()
  .openapi('CreateNetworkOffer');
export const OfferSchema = z
  .object({
    id: z.string(),
    connectionId: z.string(),
    label: z.string(),
    brandId: z.string().nullable(),
    landingId: z.string().nullable(),
    parameters: z.record(z.string(), z.string()),
    createdAt: z.string(),
  })
  .openapi('NetworkOffer');
export const OfferListSchema = z.object({ data: z.array(OfferSchema) }).openapi('NetworkOfferList');

export const NetworkCatalogSchema = z
  .object({
    data: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        streamsRequired: z.boolean(),
        notes: z.string().nullable(),
        settings: z.array(z.object({ key: z.string(), label: z.string(), labelRu: z.string(), secret: z.boolean() })),
        offerParameters: z.array(z.object({ name: z.string(), meaning: z.string(), meaningRu: z.string() })),
        postbacks: z.object({
          mode: z.enum(['tails', 'api', 'fields']),
          /** Tails exactly as the network's guide writes them, with the guide's label ("Глобальный", "Одобрение"…). */
          tails: z.array(z.object({ status: z.string(), tail: z.string(), label: z.string() })),
          fields: z
            .object({
              protocol: z.string(),
              parameters: z.array(
                z.object({
                  name: z.string(),
                  source: z.enum(['static', 'list']),
                  value: z.string(),
                  valuesByStatus: z.record(z.string(), z.string()),
                  meaning: z.string(),
                  meaningRu: z.string(),
                }),
              ),
            })
            .nullable(),
        }),
      }),
    ),
  })
  .openapi('NetworkCatalog');
