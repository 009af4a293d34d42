/**
 * Preview and "send test": render a template with a recent real click of the scope (one that
 * carries the custom parameters the template names, when there is one) or with sample values,
 * show it, and send only on the partner's confirmation. Test sends are logged like real ones,
 * flagged as tests.
 */
import { and, count, eq, gte } from 'drizzle-orm';
import { DomainError, notFound } from '../../lib/errors.ts';
import type { z } from 'zod';
import type { PartnerContext } from '../../lib/context.ts';
import { newId } from '../../lib/ids.ts';
import { findPartnerCampaign, findPartnerPromo } from '../campaigns/service.ts';
import { findRecentClicks } from '../tracking/service.ts';
import { loadRenderContext, renderPostbackRequest, customParameters } from './render-postback.ts';
import { postbackAttempts, postbackDeliveries, postbackConfigs, type PostbackAction } from './table.ts';
import { BUILT_IN_MACROS, scanTemplate, validatePostbackTemplate, type MacroValues } from './template.ts';
import { attemptNow, isDelivered } from './deliver-postback.ts';
import { loadPostback } from './service.ts';
import type { PreviewPostbackSchema } from './schemas.ts';

type Target = {
  urlTemplate: string;
  method: 'GET' | 'POST';
  bodyFormat: 'form' | 'json' | null;
  scope: 'account' | 'campaign' | 'promo';
  campaignId: string | null;
  promoId: string | null;
  action: PostbackAction;
};

/** Sample values for what a click cannot tell (the event's own facts). */
function sampleValues(action: PostbackAction, at: Date): MacroValues {
  return {
    event_id: 'test-event-1',
    player_id: 'test-player-1',
    brand_id: null,
    amount: '25.00',
    currency: 'EUR',
    payout: '10.00',
    payout_currency: 'EUR',
    transaction_id: 'test-tx-1',
    status: action === 'rejected' ? 'cancel' : action === 'sale' ? 'approve' : 'hold',
    occurred_at: at.toISOString(),
  };
}

async function pickClick(ctx: PartnerContext, target: Target, clickId?: string) {
  const scope = {
    promoId: target.scope === 'promo' ? target.promoId : null,
    campaignId: target.scope === 'campaign' ? target.campaignId : null,
  };
  if (clickId) return (await findRecentClicks(ctx, { ...scope, clickId, limit: 1 }))[0] ?? null;
  const recent = await findRecentClicks(ctx, { ...scope, limit: 50 });
  const wanted = scanTemplate(target.urlTemplate).parts.flatMap((p) =>
    p.kind === 'macro' && !(BUILT_IN_MACROS as readonly string[]).includes(p.name) ? [p.name] : [],
  );
  return (
    recent.find((c) => {
      const custom = customParameters(c.params);
      return wanted.every((n) => n in custom);
    }) ??
    recent[0] ??
    null
  );
}

async function render(ctx: PartnerContext, target: Target, clickId?: string) {
  const click = await pickClick(ctx, target, clickId);
  const now = ctx.clock.now();
  const trigger = {
    partnerId: ctx.partner.partnerId,
    campaignId: click?.campaignId ?? target.campaignId,
    promoId: click?.promoId ?? target.promoId,
    clickId: click?.id ?? null,
    action: target.action,
    values: sampleValues(target.action, now),
    at: now,
  };
  const context = await loadRenderContext(ctx, {
    clickIds: click ? [click.id] : [],
    campaignIds: trigger.campaignId ? [trigger.campaignId] : [],
    promoIds: trigger.promoId ? [trigger.promoId] : [],
  });
  const request = renderPostbackRequest(target, trigger, context);
  return { request, trigger, clickId: click?.id ?? null, sample: !click };
}

/** A campaign or promo the preview names must be this partner's own: another's answers 404, as everywhere. */
async function requireOwnScope(ctx: PartnerContext, campaignId: string | undefined, promoId: string | undefined) {
  if (campaignId && !(await findPartnerCampaign(ctx, campaignId))) throw notFound('Campaign');
  if (promoId && !(await findPartnerPromo(ctx, promoId))) throw notFound('Promo');
}

export async function previewPostback(ctx: PartnerContext, input: z.infer<typeof PreviewPostbackSchema>) {
  await requireOwnScope(ctx, input.campaignId, input.promoId);
  const problems = validatePostbackTemplate(input.url, { scope: input.scope });
  const { request, clickId, sample } = await render(
    ctx,
    {
      urlTemplate: input.url,
      method: input.method,
      bodyFormat: input.method === 'POST' ? (input.bodyFormat ?? 'form') : null,
      scope: input.scope,
      campaignId: input.campaignId ?? null,
      promoId: input.promoId ?? null,
      action: input.action,
    },
    undefined,
  );
  return { url: request.url, method: request.method, body: request.body, clickId, sample, problems };
}

/** Test sends a partner account may make per minute: enough to debug, too few to use us as a request cannon. */
export const TEST_SENDS_PER_MINUTE = 10;

export async function sendTestPostback(
  ctx: PartnerContext,
  input: { postbackId: string; clickId?: string | undefined },
) {
  const { postbackId, clickId } = input;
  const config: typeof postbackConfigs.$inferSelect = await loadPostback(ctx, postbackId);
  const [recent] = await ctx.db
    .select({ n: count() })
    .from(postbackAttempts)
    .where(
      and(
        eq(postbackAttempts.operatorId, ctx.operatorId),
        eq(postbackAttempts.partnerId, ctx.partner.partnerId),
        eq(postbackAttempts.isTest, true),
        gte(postbackAttempts.sentAt, new Date(ctx.clock.now().getTime() - 60_000)),
      ),
    );
  if ((recent?.n ?? 0) >= TEST_SENDS_PER_MINUTE)
    throw new DomainError(
      'rate_limited',
      `At most ${TEST_SENDS_PER_MINUTE} test sends a minute: wait a moment and try again`,
      [],
      { limit: TEST_SENDS_PER_MINUTE, minutes: 1 },
    );
  const { request, trigger, clickId: usedClick, sample } = await render(ctx, config, clickId);
  const [delivery] = await ctx.db
    .insert(postbackDeliveries)
    .values({
      id: newId('pbd', ctx.clock),
      operatorId: ctx.operatorId,
      partnerId: ctx.partner.partnerId,
      postbackId: config.id,
      triggerKey: `test:${newId('pbd', ctx.clock)}`,
      action: config.action,
      campaignId: trigger.campaignId,
      promoId: trigger.promoId,
      clickId: usedClick,
      method: request.method,
      url: request.url,
      body: request.body,
      contentType: request.contentType,
      status: 'queued',
      isTest: true,
      createdAt: ctx.clock.now(),
    })
    .returning();
  // A test is one attempt, sent now, never retried: the partner is watching for the answer.
  const result = await attemptNow(ctx, delivery!);
  return {
    url: request.url,
    method: request.method,
    clickId: usedClick,
    sample,
    responseCode: result.responseCode,
    error: result.error,
    durationMs: result.durationMs,
    delivered: isDelivered(result),
  };
}
