/**
 * Which partner postbacks a trigger owes (an attributed event, a conversion change, a billing
 * qualification), rendered at trigger time. The caller writes the deliveries and their jobs in
 * the same batch as the trigger itself, so an accepted event can never lose its postbacks.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import type { InsertPart } from '../../db/insert-many.ts';
import type { NewJob } from '../../jobs/outbox.ts';
import { newId } from '../../lib/ids.ts';
import { selectInChunks } from '../../db/in-chunks.ts';
import { postbackConfigs, postbackDeliveries, type PostbackAction } from './table.ts';
import { loadRenderContext, renderPostbackRequest, type TriggerFacts } from './render-postback.ts';

/** The postback actions (lead, sale, rejected…); conversions maps its statuses onto them. */
export type { PostbackAction } from './table.ts';

export const DELIVER_POSTBACK_JOB = 'postback.deliver';
/** Attempts per delivery: the job outbox's schedule (5 s, 30 s, 2 min, 10 min, 1 h, 6 h, 6 h) between them. */
export const POSTBACK_MAX_ATTEMPTS = 8;

/** A cause that may owe postbacks, within the operator of the context it is planned with. */
export interface PostbackTrigger extends TriggerFacts {
  action: PostbackAction;
  /** Unique per cause, e.g. `event:<id>`, `conversion:<id>:<revision>`: a repeat owes nothing new. */
  triggerKey: string;
}

export interface PlannedPostbacks {
  count: number;
  jobs: Array<NewJob & { idempotencyKey: string }>;
  parts: InsertPart[];
}

const NOTHING: PlannedPostbacks = { count: 0, jobs: [], parts: [] };

export async function planPostbacks(
  ctx: Pick<TenantContext, 'db' | 'clock' | 'maxBoundParams' | 'operatorId'>,
  triggers: PostbackTrigger[],
): Promise<PlannedPostbacks> {
  if (triggers.length === 0) return NOTHING;
  const { operatorId } = ctx;
  const actions = [...new Set(triggers.map((t) => t.action))];
  const configs = await selectInChunks(
    triggers.map((t) => t.partnerId),
    (partnerIds) =>
      ctx.db
        .select()
        .from(postbackConfigs)
        .where(
          and(
            eq(postbackConfigs.operatorId, operatorId),
            eq(postbackConfigs.enabled, true),
            inArray(postbackConfigs.partnerId, partnerIds),
            inArray(postbackConfigs.action, actions),
          ),
        ),
    (ctx.maxBoundParams ?? 100) - actions.length,
  );
  if (configs.length === 0) return NOTHING;
  const matches: Array<{ trigger: PostbackTrigger; config: (typeof configs)[number] }> = [];
  for (const trigger of triggers) {
    for (const config of configs) {
      if (config.partnerId !== trigger.partnerId || config.action !== trigger.action) continue;
      if (config.scope === 'campaign' && config.campaignId !== trigger.campaignId) continue;
      if (config.scope === 'promo' && config.promoId !== trigger.promoId) continue;
      matches.push({ trigger, config });
    }
  }
  if (matches.length === 0) return NOTHING;
  const context = await loadRenderContext(ctx, {
    clickIds: matches.flatMap((m) => (m.trigger.clickId ? [m.trigger.clickId] : [])),
    campaignIds: matches.flatMap((m) => (m.trigger.campaignId ? [m.trigger.campaignId] : [])),
    promoIds: matches.flatMap((m) => (m.trigger.promoId ? [m.trigger.promoId] : [])),
  });
  const now = ctx.clock.now();
  const rows = matches.map(({ trigger, config }) => {
    const request = renderPostbackRequest(config, trigger, context);
    return {
      id: newId('pbd', ctx.clock),
      operatorId,
      partnerId: trigger.partnerId,
      postbackId: config.id,
      triggerKey: trigger.triggerKey,
      action: trigger.action,
      campaignId: trigger.campaignId,
      promoId: trigger.promoId,
      clickId: trigger.clickId,
      method: request.method,
      url: request.url,
      body: request.body,
      contentType: request.contentType,
      status: 'queued' as const,
      createdAt: now,
    };
  });
  return {
    count: rows.length,
    parts: [{ table: postbackDeliveries, rows, onConflictDoNothing: true }],
    jobs: rows.map((row) => ({
      kind: DELIVER_POSTBACK_JOB,
      operatorId,
      maxAttempts: POSTBACK_MAX_ATTEMPTS,
      payload: { deliveryId: row.id },
      idempotencyKey: `${row.postbackId}:${row.triggerKey}`,
    })),
  };
}

/**
 * The hook for billing: qualification postbacks for qualified players. Give each trigger a key
 * unique per player, plan and period; answers how many postbacks the triggers owe (a repeated
 * key adds no second delivery).
 */
export async function fireQualificationPostbacks(
  ctx: TenantContext,
  triggers: Array<Omit<PostbackTrigger, 'action'>>,
): Promise<number> {
  const planned = await planPostbacks(
    ctx,
    triggers.map((t) => ({ ...t, action: 'qualification' as const })),
  );
  await ctx.jobs.enqueueMany(planned.jobs, planned.parts);
  return planned.count;
}
