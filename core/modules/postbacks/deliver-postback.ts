/**
 * Delivery of one owed postback: one attempt per job run. 2xx (or a final 3xx) is delivered;
 * 4xx is the receiver refusing it for good (no retry); 5xx, timeouts and network errors are
 * retried on the outbox's schedule until the last attempt. Every attempt is logged. The
 * delivery id goes out as `Idempotency-Key` on each attempt so a receiver can drop repeats
 * (at-least-once: a crash after sending but before logging sends it again).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AppDeps } from '../../http/deps.ts';
import type { JobHandlers } from '../../jobs/outbox.ts';
import { newId } from '../../lib/ids.ts';
import { OutboundError, sendFollowingRedirects } from './outbound.ts';
import { DELIVER_POSTBACK_JOB } from './plan-postbacks.ts';
import { postbackAttempts, postbackDeliveries } from './table.ts';

export const POSTBACK_TIMEOUT_MS = 10_000;
type Delivery = typeof postbackDeliveries.$inferSelect;

export interface AttemptResult { responseCode: number | null; error: string | null; durationMs: number; sentAt: Date }

/** Sends one attempt and logs it; never throws for the receiver's failures. */
export async function attemptDelivery(deps: AppDeps, delivery: Delivery, attempt: number): Promise<AttemptResult> {
  const sentAt = deps.clock.now();
  const headers: Record<string, string> = {
    'user-agent': `Kabinet-Postback/${deps.version}`, 'idempotency-key': delivery.id, 'x-kabinet-attempt': String(attempt),
  };
  if (delivery.contentType) headers['content-type'] = delivery.contentType;
  // POST postbacks carry their parameters in the body; the request line keeps the path only.
  const target = delivery.method === 'POST' ? delivery.url.split('?')[0]! : delivery.url;
  const started = performance.now();
  let responseCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await sendFollowingRedirects(deps.outbound, { url: target, method: delivery.method, headers, ...(delivery.body !== null ? { body: delivery.body } : {}), timeoutMs: deps.postbackTimeoutMs ?? POSTBACK_TIMEOUT_MS });
    responseCode = response.status;
  } catch (caught) {
    error = caught instanceof OutboundError ? caught.message : caught instanceof Error ? caught.message : String(caught);
  }
  const durationMs = Math.round(performance.now() - started);
  await deps.db.insert(postbackAttempts).values({
    id: newId('pba', deps.clock), operatorId: delivery.operatorId, partnerId: delivery.partnerId, deliveryId: delivery.id, postbackId: delivery.postbackId,
    action: delivery.action, campaignId: delivery.campaignId, promoId: delivery.promoId, method: delivery.method, url: delivery.url,
    sentAt, durationMs, responseCode, error, isTest: delivery.isTest,
  });
  return { responseCode, error, durationMs, sentAt };
}

export function isDelivered(result: Pick<AttemptResult, 'responseCode'>) {
  return result.responseCode !== null && result.responseCode < 400;
}
const isRefused = (result: Pick<AttemptResult, 'responseCode'>) => result.responseCode !== null && result.responseCode >= 400 && result.responseCode < 500;

/** Records the outcome on the delivery row; answers whether another attempt is due. */
export async function settleDelivery(deps: AppDeps, delivery: Delivery, result: AttemptResult, finalAttempt: boolean): Promise<'delivered' | 'failed' | 'retrying'> {
  const status = isDelivered(result) ? 'delivered' : isRefused(result) || finalAttempt ? 'failed' : 'retrying';
  await deps.db.update(postbackDeliveries).set({
    status, attempts: sql`${postbackDeliveries.attempts} + 1`, lastResponseCode: result.responseCode, lastError: result.error,
    firstAttemptAt: delivery.firstAttemptAt ?? result.sentAt, ...(status === 'retrying' ? {} : { finishedAt: deps.clock.now() }),
  }).where(eq(postbackDeliveries.id, delivery.id));
  return status;
}

export function postbackHandlers(deps: AppDeps): JobHandlers {
  return {
    async [DELIVER_POSTBACK_JOB]({ job }, payload: { postbackId: string; triggerKey: string }) {
      const [delivery] = await deps.db.select().from(postbackDeliveries)
        .where(and(eq(postbackDeliveries.postbackId, payload.postbackId), eq(postbackDeliveries.triggerKey, payload.triggerKey)));
      // Settled already (a repeated job after a crash): nothing more to send.
      if (!delivery || delivery.status === 'delivered' || delivery.status === 'failed') return;
      const result = await attemptDelivery(deps, delivery, job.attempts);
      const status = await settleDelivery(deps, delivery, result, job.attempts >= job.maxAttempts);
      // Throwing hands the job back to the outbox, which schedules the next attempt.
      if (status === 'retrying') throw new Error(result.error ?? `HTTP ${result.responseCode}`);
    },
  };
}
