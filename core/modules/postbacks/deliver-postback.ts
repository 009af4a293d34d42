/**
 * Delivery of owed postbacks: one attempt per job run. 2xx (or a final 3xx) is delivered; 4xx
 * is the receiver refusing it for good (no retry); 5xx, timeouts and network errors are retried
 * on the outbox's schedule until the last attempt. Every attempt is logged. The delivery id goes
 * out as `Idempotency-Key` on each attempt so a receiver can drop repeats (at-least-once: a crash
 * after sending but before logging sends it again).
 *
 * The runner hands over every due delivery at once: sends run `concurrency` at a time, and the
 * attempts, the deliveries' new states and the jobs' are written in one batch per pass.
 */
import { and, inArray, lt } from 'drizzle-orm';
import type { ServiceContext } from '../../lib/context.ts';
import type { InsertPart, QueryPart } from '../../db/insert-many.ts';
import { insertManyAtomically } from '../../db/insert-many.ts';
import { plainStatement, type BatchJobHandler, type JobHandlers, type JobOutcome } from '../../jobs/outbox.ts';
import { newId } from '../../lib/ids.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import { OutboundError, RefusedTargetError, sendFollowingRedirects } from './outbound.ts';
import { wireUrl } from './render-postback.ts';
import { DELIVER_POSTBACK_JOB } from './plan-postbacks.ts';
import { postbackAttempts, postbackDeliveries } from './table.ts';

export const POSTBACK_TIMEOUT_MS = 10_000;
export const POSTBACK_LOG_RETENTION_MS = 90 * 24 * 3_600_000;
type Delivery = typeof postbackDeliveries.$inferSelect;

export interface AttemptResult {
  responseCode: number | null;
  error: string | null;
  durationMs: number;
  sentAt: Date;
  /** The send-time guard refused the target: final, a retry would be refused the same way. */
  refused?: boolean;
}
type DeliveryStatus = 'delivered' | 'failed' | 'retrying';

/*
 * Not tenant-scoped: the runner's pass claims due deliveries of every operator, loads them by id and
 * writes their attempts in one batch; each delivery row names its operator and nothing here reads
 * another table of a tenant.
 */

/** Sends one attempt (`attempt` counts from 1); never throws for the receiver's failures. */
export async function sendAttempt(
  deps: ServiceContext,
  input: { delivery: Delivery; attempt: number },
): Promise<AttemptResult> {
  const { delivery, attempt } = input;
  const sentAt = deps.clock.now();
  const headers: Record<string, string> = {
    'user-agent': `Kabinet-Postback/${deps.version}`,
    'idempotency-key': delivery.id,
    'x-kabinet-attempt': String(attempt),
  };
  if (delivery.contentType) headers['content-type'] = delivery.contentType;
  // POST postbacks carry their parameters in the body; the request line keeps the path only.
  const url = wireUrl(delivery.url);
  const target = delivery.method === 'POST' ? url.split('?')[0]! : url;
  const started = performance.now();
  let responseCode: number | null = null;
  let error: string | null = null;
  let refused = false;
  try {
    const response = await sendFollowingRedirects(deps.outbound, {
      url: target,
      method: delivery.method,
      headers,
      ...(delivery.body !== null ? { body: delivery.body } : {}),
      timeoutMs: deps.postbackTimeoutMs ?? POSTBACK_TIMEOUT_MS,
    });
    responseCode = response.status;
  } catch (caught) {
    error =
      caught instanceof OutboundError ? caught.message : caught instanceof Error ? caught.message : String(caught);
    refused = caught instanceof RefusedTargetError;
  }
  return { responseCode, error, durationMs: Math.round(performance.now() - started), sentAt, refused };
}

export function isDelivered(result: Pick<AttemptResult, 'responseCode'>) {
  return result.responseCode !== null && result.responseCode < 400;
}
const isRefused = (result: Pick<AttemptResult, 'responseCode'>) =>
  result.responseCode !== null && result.responseCode >= 400 && result.responseCode < 500;

/** What an attempt changes: its log row and the delivery's new state (not yet written). */
export function recordAttempt(
  deps: Pick<ServiceContext, 'clock'>,
  input: { delivery: Delivery; result: AttemptResult; finalAttempt: boolean },
): { status: DeliveryStatus; writes: Array<InsertPart | QueryPart> } {
  const { delivery, result, finalAttempt } = input;
  const status: DeliveryStatus = isDelivered(result)
    ? 'delivered'
    : isRefused(result) || result.refused || finalAttempt
      ? 'failed'
      : 'retrying';
  return {
    status,
    writes: [
      {
        table: postbackAttempts,
        rows: [
          {
            id: newId('pba', deps.clock),
            operatorId: delivery.operatorId,
            partnerId: delivery.partnerId,
            deliveryId: delivery.id,
            postbackId: delivery.postbackId,
            action: delivery.action,
            campaignId: delivery.campaignId,
            promoId: delivery.promoId,
            method: delivery.method,
            url: wireUrl(delivery.url),
            sentAt: result.sentAt,
            durationMs: result.durationMs,
            responseCode: result.responseCode,
            error: result.error,
            isTest: delivery.isTest,
          },
        ],
      },
      // A plain statement: hundreds per pass, and the query builder would cost more than the write.
      plainStatement(
        'update postback_deliveries set status = ?, attempts = attempts + 1, ' +
          'last_response_code = ?, last_error = ?, first_attempt_at = ' +
          'coalesce(first_attempt_at, ?), finished_at = ? where id = ?',
        [
          status,
          result.responseCode,
          result.error,
          result.sentAt.getTime(),
          status === 'retrying' ? null : deps.clock.now().getTime(),
          delivery.id,
        ],
      ),
    ],
  };
}

/** One attempt now, written at once (send-test). */
export async function attemptNow(deps: ServiceContext, delivery: Delivery): Promise<AttemptResult> {
  const result = await sendAttempt(deps, { delivery, attempt: 1 });
  await insertManyAtomically(deps.db, recordAttempt(deps, { delivery, result, finalAttempt: true }).writes);
  return result;
}

export function postbackHandlers(deps: ServiceContext): JobHandlers {
  const handler: BatchJobHandler = {
    async batch({ concurrency }, claimed) {
      const ids = claimed.map((job) => (job.payload as { deliveryId: string }).deliveryId);
      const rows = await selectInChunks(
        ids,
        (chunk) => deps.db.select().from(postbackDeliveries).where(inArray(postbackDeliveries.id, chunk)),
        deps.maxBoundParams,
      );
      const deliveries = new Map<string, Delivery>(rows.map((d) => [d.id, d]));
      const outcomes: JobOutcome[] = Array.from({ length: claimed.length }, () => ({ error: null }));
      let next = 0;
      const worker = async () => {
        while (next < claimed.length) {
          const index = next++;
          const job = claimed[index]!;
          const delivery = deliveries.get(ids[index]!);
          // Settled already (a repeated job after a crash): nothing more to send.
          if (!delivery || delivery.status === 'delivered' || delivery.status === 'failed') {
            outcomes[index] = { error: null };
            continue;
          }
          const result = await sendAttempt(deps, { delivery, attempt: job.attempts });
          const { status, writes } = recordAttempt(deps, {
            delivery,
            result,
            finalAttempt: job.attempts >= job.maxAttempts,
          });
          // An error hands the job back to the outbox, which schedules the next attempt.
          outcomes[index] = {
            error: status === 'retrying' ? (result.error ?? `HTTP ${result.responseCode}`) : null,
            writes,
          };
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, claimed.length)) }, worker));
      return outcomes;
    },
  };
  return {
    [DELIVER_POSTBACK_JOB]: handler,
    // The log is for support and disputes: 90 days of attempts, then they go (deliveries with them).
    async 'maintenance.purge_postback_log'({ db, clock }) {
      const cutoff = new Date(clock.now().getTime() - POSTBACK_LOG_RETENTION_MS);
      await db.delete(postbackAttempts).where(lt(postbackAttempts.sentAt, cutoff));
      await db
        .delete(postbackDeliveries)
        .where(
          and(inArray(postbackDeliveries.status, ['delivered', 'failed']), lt(postbackDeliveries.finishedAt, cutoff)),
        );
    },
  };
}
