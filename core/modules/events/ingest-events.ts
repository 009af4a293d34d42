/**
 * `POST /v1/events`: a batch of up to 1,000 player events, each answered on its own.
 * Idempotent by the operator's event id: a repeat with the same content is acknowledged and
 * counted once; the same id with different content is a conflict and changes nothing.
 * Attribution: the click named by visitId, else the promo code, else the player's earlier
 * attribution; events that match nothing are kept unattributed (and listed for the operator).
 * The whole batch is read with a handful of queries and written in one batch.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import { formatStoredAmount, parseMoney, MoneyError } from '../../lib/money.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import { planPostbacks, type PostbackTrigger } from '../postbacks/plan-postbacks.ts';
import { sha256Hex } from '../../lib/crypto.ts';
import { existingBrandIds } from '../catalog/service.ts';
import { eventMetrics, trafficCountParts, type TrafficFact } from '../statistics/count-traffic.ts';
import { loadAttributionSources, type Attribution } from './event-attribution.ts';
import { playerEvents, players } from './table.ts';
import { PlayerEventSchema } from './schemas.ts';
import type { z } from 'zod';

type Incoming = z.infer<typeof PlayerEventSchema>;
type Result = {
  index: number;
  id: string | null;
  status: 'accepted' | 'duplicate' | 'conflict' | 'rejected';
  attribution: Attribution | null;
  errors?: Array<{ path: string; message: string }>;
};

/**
 * Canonical content: key order, time notation or "5" vs "5.00" do not make a "different" event.
 * The hash is stored, so its form is fixed: fields keep the snake_case names events had before the
 * body went camelCase (0.2.0), and a repeat of an event stored earlier still matches its hash.
 */
function canonical(e: Incoming, amountMinor: number | null): string {
  const sortKeys = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
        )
      : Array.isArray(v)
        ? v.map(sortKeys)
        : v;
  const { playerId, visitId, promoCode, occurredAt, ...rest } = e;
  const stored = {
    ...rest,
    player_id: playerId,
    visit_id: visitId,
    promo_code: promoCode,
    amount: amountMinor,
    occurred_at: new Date(occurredAt).toISOString(),
  };
  return JSON.stringify(sortKeys(stored));
}

/** What an attributed event's postbacks know: the event's own values under the built-in names. */
function eventTrigger(e: typeof playerEvents.$inferInsert): PostbackTrigger {
  return {
    partnerId: e.partnerId!,
    campaignId: e.campaignId ?? null,
    promoId: e.promoId ?? null,
    clickId: e.clickId ?? null,
    action: e.type,
    triggerKey: `event:${e.id}`,
    at: e.receivedAt,
    values: {
      event_id: e.id,
      player_id: e.playerId,
      brand_id: e.brandId,
      occurred_at: e.occurredAt.toISOString(),
      currency: e.currency ?? null,
      amount: formatStoredAmount(e.amountMinor, e.currency),
      transaction_id: typeof e.data?.transaction_id === 'string' ? e.data.transaction_id : null,
    },
  };
}

/** How often a batch that lost a race for the same event ids is decided again (it then sees them stored). */
const RACE_RETRIES = 4;
const isUniqueViolation = (error: unknown) =>
  /UNIQUE constraint failed/i.test(String((error as { cause?: unknown })?.cause ?? '') + String(error));

/** `raw`: the request's events as sent; each is validated on its own (a bad one is rejected, the rest go on). */
export async function ingestEvents(ctx: TenantContext, raw: unknown[]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ingestOnce(ctx, raw);
    } catch (error) {
      if (attempt >= RACE_RETRIES || !isUniqueViolation(error)) throw error;
    }
  }
}

/** What an accepted, attributed event adds to statistics (null when it counts nothing). */
export function eventFact(
  e: typeof playerEvents.$inferInsert,
  params: Array<[string, string]> | undefined,
): TrafficFact | null {
  const metrics = eventMetrics(e.type, e.amountMinor ?? null);
  if (!e.partnerId || !metrics) return null;
  return {
    operatorId: e.operatorId,
    at: e.occurredAt,
    partnerId: e.partnerId,
    brandId: e.brandId,
    planId: e.planId ?? null,
    campaignId: e.campaignId!,
    promoId: e.promoId!,
    landingId: e.landingId ?? null,
    creativeId: e.creativeId ?? null,
    trafficSourceId: e.trafficSourceId ?? null,
    country: e.country ?? null,
    device: e.device ?? null,
    os: e.os ?? null,
    currency: e.currency ?? '',
    metrics,
    ...(params ? { params } : {}),
  };
}

async function ingestOnce(ctx: TenantContext, raw: unknown[]) {
  const { operatorId } = ctx;
  const results: Result[] = [];
  const valid: Array<{ index: number; event: Incoming; hash: string; amountMinor: number | null }> = [];
  const hashes: Array<Promise<string>> = [];
  for (const [index, item] of raw.entries()) {
    const parsed = PlayerEventSchema.safeParse(item);
    const id = typeof (item as { id?: unknown })?.id === 'string' ? (item as { id: string }).id : null;
    if (!parsed.success) {
      results[index] = {
        index,
        id,
        status: 'rejected',
        attribution: null,
        errors: parsed.error.issues.map((i) => ({ path: ['events', index, ...i.path].join('.'), message: i.message })),
      };
      continue;
    }
    let amountMinor: number | null = null;
    if (parsed.data.amount !== undefined) {
      try {
        amountMinor = parseMoney(parsed.data.amount, parsed.data.currency!).minor;
      } catch (error) {
        results[index] = {
          index,
          id,
          status: 'rejected',
          attribution: null,
          errors: [
            { path: `events.${index}.amount`, message: error instanceof MoneyError ? error.message : 'invalid amount' },
          ],
        };
        continue;
      }
    }
    valid.push({ index, event: parsed.data, hash: '', amountMinor });
    hashes.push(sha256Hex(canonical(parsed.data, amountMinor)));
  }
  // The digests run together (on Node, WebCrypto's thread pool), not one batch event at a time.
  (await Promise.all(hashes)).forEach((hash, i) => {
    valid[i]!.hash = hash;
  });

  const inChunks = <T, R>(values: T[], load: (chunk: T[]) => Promise<R[]>) =>
    selectInChunks(values, load, ctx.maxBoundParams);
  const knownBrands = await existingBrandIds(
    ctx,
    valid.map((v) => v.event.brand),
  );
  const existing = new Map(
    (
      await inChunks([...new Set(valid.map((v) => v.event.id))], (ids) =>
        ctx.db
          .select({
            id: playerEvents.id,
            hash: playerEvents.contentHash,
            partnerId: playerEvents.partnerId,
            campaignId: playerEvents.campaignId,
            promoId: playerEvents.promoId,
            clickId: playerEvents.clickId,
            attributedBy: playerEvents.attributedBy,
          })
          .from(playerEvents)
          .where(and(eq(playerEvents.operatorId, operatorId), inArray(playerEvents.id, ids))),
      )
    ).map((r) => [r.id, r]),
  );
  const sources = await loadAttributionSources(
    ctx,
    valid.map((v) => v.event),
  );

  const now = ctx.clock.now();
  const toInsert: Array<typeof playerEvents.$inferInsert> = [];
  const newPlayers: Array<typeof players.$inferInsert> = [];
  const seenInBatch = new Map<string, string>();
  const clickParams = new Map<string, Array<[string, string]>>();
  for (const { index, event, hash, amountMinor } of valid) {
    const prior = existing.get(event.id);
    const priorHash = prior?.hash ?? seenInBatch.get(event.id);
    if (priorHash !== undefined) {
      const attribution = prior?.partnerId
        ? {
            partnerId: prior.partnerId,
            campaignId: prior.campaignId!,
            promoId: prior.promoId!,
            clickId: prior.clickId,
            method: prior.attributedBy!,
          }
        : null;
      results[index] =
        priorHash === hash
          ? { index, id: event.id, status: 'duplicate', attribution }
          : {
              index,
              id: event.id,
              status: 'conflict',
              attribution: null,
              errors: [
                { path: `events.${index}.id`, message: 'this id was already used for an event with different content' },
              ],
            };
      continue;
    }
    if (!knownBrands.has(event.brand)) {
      results[index] = {
        index,
        id: event.id,
        status: 'rejected',
        attribution: null,
        errors: [{ path: `events.${index}.brand`, message: 'no such brand' }],
      };
      continue;
    }
    const player = sources.player(event.brand, event.playerId);
    const attributed = sources.attribute(event);
    const attribution = attributed?.attribution ?? null;
    if (attributed?.params) clickParams.set(event.id, attributed.params);
    if (attribution && !player) {
      const row = {
        operatorId,
        brandId: event.brand,
        playerId: event.playerId,
        partnerId: attribution.partnerId,
        campaignId: attribution.campaignId,
        promoId: attribution.promoId,
        clickId: attribution.clickId,
        attributedAt: now,
      };
      newPlayers.push(row);
      sources.addPlayer(row);
    }
    toInsert.push({
      operatorId,
      id: event.id,
      type: event.type,
      playerId: event.playerId,
      brandId: event.brand,
      visitId: event.visitId ?? null,
      promoCode: event.promoCode ?? null,
      amountMinor,
      currency: event.currency ?? null,
      occurredAt: new Date(event.occurredAt),
      data: event.data ?? null,
      contentHash: hash,
      partnerId: attribution?.partnerId ?? null,
      campaignId: attribution?.campaignId ?? null,
      promoId: attribution?.promoId ?? null,
      clickId: attribution?.clickId ?? null,
      attributedBy: attribution?.method ?? null,
      ...attributed?.under,
      receivedAt: now,
    });
    seenInBatch.set(event.id, hash);
    results[index] = { index, id: event.id, status: 'accepted', attribution };
  }
  // The events, new players, and the partner postbacks they owe go in one batch: all or none.
  const planned = await planPostbacks(
    ctx,
    toInsert.flatMap((e) => (e.partnerId ? [eventTrigger(e)] : [])),
  );
  await ctx.jobs.enqueueMany(planned.jobs, [
    // Concurrent batches with the same ids: the unique key fails the later batch whole (its
    // statistics with it), which is decided again and then finds the events stored.
    { table: playerEvents, rows: toInsert },
    { table: players, rows: newPlayers, onConflictDoNothing: true },
    ...trafficCountParts(toInsert.flatMap((e) => eventFact(e, clickParams.get(e.id)) ?? [])),
    ...planned.parts,
  ]);
  const count = (status: Result['status']) => results.filter((r) => r.status === status).length;
  return {
    accepted: count('accepted'),
    duplicates: count('duplicate'),
    conflicts: count('conflict'),
    rejected: count('rejected'),
    results,
  };
}
