/** Player events in (operator secret key), the unattributed list, and the partner's conversion log. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../../http/router.ts';
import { requireOperatorKey } from '../../http/middleware.ts';
import {
  bodyProblems,
  jsonBody,
  jsonResponse,
  operatorKeySecurity,
  partnerSecurity,
  problemResponses,
} from '../../http/openapi-shared.ts';
import { requirePartnerSession } from '../../http/partner-auth.ts';
import { partnerContext, tenantContext } from '../../http/deps.ts';
import {
  RecordedEventListSchema,
  EventQuerySchema,
  EventBatchResultSchema,
  EventBatchSchema,
  PlayerEventSchema,
} from './schemas.ts';
import { ingestEvents } from './ingest-events.ts';
import { listPartnerEvents, listUnattributedEvents } from './partner-events.ts';

const errors = { 401: problemResponses[401], 422: problemResponses[422] };

const ingestRoute = createRoute({
  operationId: 'sendPlayerEvents',
  method: 'post',
  path: '/v1/events',
  tags: ['Operator: player events'],
  security: operatorKeySecurity,
  middleware: [requireOperatorKey],
  summary:
    'Send up to 1,000 player events; each gets its own result (accepted, duplicate, conflict, rejected) and attribution',
  request: { body: jsonBody(EventBatchSchema) },
  responses: { ...bodyProblems, 200: jsonResponse(EventBatchResultSchema, 'Per-event results'), ...errors },
});
const unattributedRoute = createRoute({
  operationId: 'listUnattributedEvents',
  method: 'get',
  path: '/v1/events/unattributed',
  tags: ['Operator: player events'],
  security: operatorKeySecurity,
  middleware: [requireOperatorKey],
  summary: 'Events no click, promo code or earlier player attribution matched (kept, never dropped)',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: jsonResponse(RecordedEventListSchema, 'Events'), ...errors },
});
const conversionsRoute = createRoute({
  operationId: 'listPartnerEvents',
  method: 'get',
  path: '/v1/partner/events',
  tags: ['Partner campaigns'],
  security: partnerSecurity,
  middleware: [requirePartnerSession({ component: 'conversions' })],
  summary: 'Event log: player events attributed to this partner, filtered by type, campaign, click id and time',
  request: { query: EventQuerySchema },
  responses: { 200: jsonResponse(RecordedEventListSchema, 'Events, newest first'), ...errors },
});

const router = createRouter();
// The batch's items are validated one by one at ingestion; the document still describes them.
router.openAPIRegistry.register('PlayerEvent', PlayerEventSchema);

export const eventRoutes = router
  .openapi(ingestRoute, async (c) =>
    // One context per request, whatever the batch's size.
    c.json(await ingestEvents(tenantContext(c), c.req.valid('json').events), 200),
  )
  .openapi(unattributedRoute, async (c) =>
    c.json({ data: await listUnattributedEvents(tenantContext(c), c.req.valid('query').limit) }, 200),
  )
  .openapi(conversionsRoute, async (c) =>
    c.json({ data: await listPartnerEvents(partnerContext(c), c.req.valid('query')) }, 200),
  );
