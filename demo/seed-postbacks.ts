/**
 * Demo postbacks both ways for each demo operator's first partner: postbacks at every scope
 * pointing at the demo tracker (demo-tracker.ts), two weeks of delivery history rendered from
 * the partner's real seeded events (mostly 200s, some 5xx retried to success, a 404 and a refused
 * connection), a tracker and two CPA-network connections with offer mappings, conversions with
 * their change history, and a month of costs per campaign.
 */
import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import type { AppDeps } from '../core/http/deps.ts';
import { withTenant } from '../core/lib/context.ts';
import { insertMany } from '../core/db/insert-many.ts';
import { newId } from '../core/lib/ids.ts';
import { formatStoredAmount } from '../core/lib/money.ts';
import { campaigns, promos } from '../core/modules/campaigns/table.ts';
import { playerEvents } from '../core/modules/events/table.ts';
import { clicks } from '../core/modules/tracking/table.ts';
import { postbackAttempts, postbackConfigs, postbackDeliveries } from '../core/modules/postbacks/table.ts';
import { loadRenderContext, renderPostbackRequest } from '../core/modules/postbacks/render-postback.ts';
import { conversionChanges, conversions, type ConversionStatus } from '../core/modules/conversions/table.ts';
import { addOffer, createConnection } from '../core/modules/networks/service.ts';
import { findNetwork } from '../core/modules/networks/catalog.ts';
import { prng } from './seed-tracking.ts';

export type SeedDeps = Pick<AppDeps, 'db' | 'clock' | 'secretBox' | 'publicUrl'>;
export interface PostbackSeedPlan {
  operatorId: string;
  partnerId: string;
  currency: string;
}

const DAY = 86_400_000;

export async function seedPostbacks(
  deps: SeedDeps,
  plans: PostbackSeedPlan[],
  options: { trackerUrl: string; maxParams?: number },
) {
  const random = prng(5150);
  const now = deps.clock.now();
  for (const plan of plans) {
    const myCampaigns = await deps.db
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.operatorId, plan.operatorId), eq(campaigns.partnerId, plan.partnerId)));
    const myPromos = await deps.db
      .select()
      .from(promos)
      .where(and(eq(promos.operatorId, plan.operatorId), eq(promos.partnerId, plan.partnerId)));
    const main = myCampaigns[0]!;
    const firstPromo = myPromos.find((p) => p.campaignId === main.id)!;
    const t = options.trackerUrl;
    const config = (
      scope: 'account' | 'campaign' | 'promo',
      action: (typeof postbackConfigs.$inferInsert)['action'],
      urlTemplate: string,
      extra: Partial<typeof postbackConfigs.$inferInsert> = {},
    ) => ({
      id: newId('pb', deps.clock),
      operatorId: plan.operatorId,
      partnerId: plan.partnerId,
      scope,
      action,
      method: 'GET' as const,
      bodyFormat: null,
      urlTemplate,
      enabled: true,
      campaignId: scope === 'account' ? null : main.id,
      promoId: scope === 'promo' ? firstPromo.id : null,
      createdAt: new Date(now.getTime() - 20 * DAY),
      updatedAt: new Date(now.getTime() - 20 * DAY),
      ...extra,
    });
    const configs = [
      config('account', 'registration', `${t}?event=reg&promo=\${promo_id}&visit=\${visit_id}&cid=\${clickID}`),
      config(
        'campaign',
        'first_deposit',
        `${t}?event=ftd&amount=\${amount}&currency=\${currency}&campaign=\${campaign_id}&cid=\${clickID}`,
        { method: 'POST', bodyFormat: 'json' },
      ),
      config('promo', 'deposit', `${t}?event=dep&amount=\${amount}&sub1=\${sub1}&promo=\${promo_code}`),
      config(
        'campaign',
        'sale',
        `${t}?event=sale&payout=\${payout}&cur=\${payout_currency}&status=\${status}&cid=\${clickID}`,
      ),
      config('campaign', 'rejected', `${t}?event=rejected&status=\${status}&cid=\${clickID}`),
      config('account', 'qualification', `${t}?event=qual&player=\${player_id}&promo=\${promo_id}`, { enabled: false }),
    ];
    await insertMany(deps.db, postbackConfigs, configs, { maxParams: options.maxParams });
    await seedDeliveryHistory(deps, plan, configs, random, now, options.maxParams);
    await seedConnections(deps, plan, random, now, options.maxParams);
  }
}

/** Two weeks of deliveries rendered from the partner's real events, with believable outcomes. */
async function seedDeliveryHistory(
  deps: SeedDeps,
  plan: PostbackSeedPlan,
  configs: Array<typeof postbackConfigs.$inferInsert>,
  random: () => number,
  now: Date,
  maxParams?: number,
) {
  const events = await deps.db
    .select()
    .from(playerEvents)
    .where(
      and(
        eq(playerEvents.operatorId, plan.operatorId),
        eq(playerEvents.partnerId, plan.partnerId),
        gte(playerEvents.occurredAt, new Date(now.getTime() - 14 * DAY)),
        inArray(playerEvents.type, ['registration', 'first_deposit', 'deposit']),
      ),
    )
    .orderBy(desc(playerEvents.occurredAt))
    .limit(400);
  const context = await loadRenderContext(
    { db: deps.db, operatorId: plan.operatorId },
    {
      clickIds: events.flatMap((e) => (e.clickId ? [e.clickId] : [])),
      campaignIds: events.flatMap((e) => (e.campaignId ? [e.campaignId] : [])),
      promoIds: events.flatMap((e) => (e.promoId ? [e.promoId] : [])),
    },
  );
  const deliveries: Array<typeof postbackDeliveries.$inferInsert> = [];
  const attempts: Array<typeof postbackAttempts.$inferInsert> = [];
  for (const event of events) {
    for (const config of configs) {
      if (!config.enabled || config.action !== event.type) continue;
      if (
        (config.scope === 'campaign' && config.campaignId !== event.campaignId) ||
        (config.scope === 'promo' && config.promoId !== event.promoId)
      )
        continue;
      const request = renderPostbackRequest(
        { urlTemplate: config.urlTemplate, method: config.method, bodyFormat: config.bodyFormat ?? null },
        {
          partnerId: plan.partnerId,
          campaignId: event.campaignId,
          promoId: event.promoId,
          clickId: event.clickId,
          action: event.type,
          at: event.receivedAt,
          values: {
            event_id: event.id,
            player_id: event.playerId,
            brand_id: event.brandId,
            occurred_at: event.occurredAt.toISOString(),
            currency: event.currency,
            amount: formatStoredAmount(event.amountMinor, event.currency),
          },
        },
        context,
      );
      const roll = random();
      // 90% first-time 200; 6% a 502 then 200; 2% a refused connection then 200; 2% a 404 (not retried).
      const outcomes: Array<[number | null, string | null]> =
        roll < 0.9
          ? [[200, null]]
          : roll < 0.96
            ? [
                [502, null],
                [200, null],
              ]
            : roll < 0.98
              ? [
                  [null, 'ECONNREFUSED: connect ECONNREFUSED'],
                  [200, null],
                ]
              : [[404, null]];
      const id = newId('pbd', { now: () => event.receivedAt });
      const first = new Date(event.receivedAt.getTime() + 300 + Math.floor(random() * 900));
      outcomes.forEach(([code, error], n) =>
        attempts.push({
          id: newId('pba', { now: () => first }),
          operatorId: plan.operatorId,
          partnerId: plan.partnerId,
          deliveryId: id,
          postbackId: config.id!,
          action: event.type,
          campaignId: event.campaignId,
          promoId: event.promoId,
          method: request.method,
          url: request.url,
          sentAt: new Date(first.getTime() + n * 5_000),
          durationMs: code === null ? 3 : 40 + Math.floor(random() * 180),
          responseCode: code,
          error,
          isTest: false,
        }),
      );
      const [lastCode] = outcomes.at(-1)!;
      deliveries.push({
        id,
        operatorId: plan.operatorId,
        partnerId: plan.partnerId,
        postbackId: config.id!,
        triggerKey: `event:${event.id}`,
        action: event.type,
        campaignId: event.campaignId,
        promoId: event.promoId,
        clickId: event.clickId,
        method: request.method,
        url: request.url,
        body: request.body,
        contentType: request.contentType,
        status: lastCode === 200 ? 'delivered' : 'failed',
        attempts: outcomes.length,
        lastResponseCode: lastCode,
        lastError: null,
        isTest: false,
        createdAt: event.receivedAt,
        firstAttemptAt: first,
        finishedAt: new Date(first.getTime() + (outcomes.length - 1) * 5_000),
      });
    }
  }
  await insertMany(deps.db, postbackDeliveries, deliveries, { maxParams });
  await insertMany(deps.db, postbackAttempts, attempts, { maxParams });
}

/** A tracker and two networks, offers mapped, conversions with history (costs: seed-statistics.ts). */
async function seedConnections(
  deps: SeedDeps,
  plan: PostbackSeedPlan,
  random: () => number,
  now: Date,
  maxParams?: number,
) {
  // The seed's deps carry what connections need (secret box, public URL) as AppDeps does.
  const tenant = withTenant(deps as AppDeps, plan.operatorId);
  const tracker = await createConnection(tenant, {
    kind: 'tracker',
    name: 'Our Keitaro',
    settings: {},
    defaultCurrency: plan.currency,
  });
  const networks: Array<Awaited<ReturnType<typeof createConnection>>> = [];
  for (const key of ['drcash', 'adbees-zcpa']) {
    const network = findNetwork(key);
    if (!network) continue;
    const settings = Object.fromEntries(
      network.settings.map((s) => [
        s.key,
        s.secret ? `demo-${s.key}-${plan.operatorId.slice(-4)}-7f3a9c` : `100${network.settings.indexOf(s) + 42}`,
      ]),
    );
    const connection = await createConnection(tenant, {
      kind: 'network',
      networkKey: key,
      name: network.name,
      settings,
      defaultCurrency: 'USD',
    });
    const parameter = network.offerParameters[0];
    if (parameter)
      await addOffer(tenant, {
        connectionId: connection.id,
        label: 'Welcome offer',
        parameters: { [parameter.name]: `${key}-stream-${Math.floor(random() * 9000) + 1000}` },
      });
    networks.push(connection);
  }
  const recent = await deps.db
    .select()
    .from(clicks)
    .where(
      and(
        eq(clicks.operatorId, plan.operatorId),
        eq(clicks.partnerId, plan.partnerId),
        gte(clicks.createdAt, new Date(now.getTime() - 10 * DAY)),
      ),
    )
    .limit(40);
  const rows: Array<typeof conversions.$inferInsert> = [];
  const changes: Array<typeof conversionChanges.$inferInsert> = [];
  const paths: ConversionStatus[][] = [
    ['hold'],
    ['hold', 'approve'],
    ['hold', 'approve'],
    ['hold', 'cancel'],
    ['hold', 'trash'],
    ['hold', 'approve', 'cancel'],
  ];
  recent.forEach((click, i) => {
    const source = i % 3 === 0 ? tracker : (networks[i % networks.length] ?? tracker);
    const path = paths[i % paths.length]!;
    const at = new Date(click.createdAt.getTime() + 3_600_000);
    const payoutMinor = (20 + Math.floor(random() * 80)) * 100;
    const id = newId('conv', { now: () => at });
    const currency = source.kind === 'tracker' ? plan.currency : 'USD';
    const raw = (s: ConversionStatus) =>
      source.kind === 'tracker'
        ? { hold: 'lead', approve: 'sale', cancel: 'rejected', trash: 'trash' }[s]
        : { hold: 'hold', approve: 'approved', cancel: 'cancelled', trash: 'trash' }[s];
    rows.push({
      id,
      operatorId: plan.operatorId,
      source: source.kind,
      connectionId: source.id,
      dedupeKey: source.kind === 'tracker' ? `${click.id}\u0000tx-${i}` : click.id,
      externalId: source.kind === 'tracker' ? `tx-${i}` : click.id,
      clickId: click.id,
      partnerId: click.partnerId,
      campaignId: click.campaignId,
      promoId: click.promoId,
      status: path.at(-1)!,
      rawStatus: raw(path.at(-1)!),
      payoutMinor,
      currency,
      comment: null,
      reason: path.at(-1) === 'cancel' ? '7' : null,
      revision: path.length,
      createdAt: at,
      updatedAt: new Date(at.getTime() + (path.length - 1) * 6 * 3_600_000),
    });
    path.forEach((status, n) =>
      changes.push({
        id: newId('cch', { now: () => at }),
        operatorId: plan.operatorId,
        conversionId: id,
        at: new Date(at.getTime() + n * 6 * 3_600_000),
        source: source.kind,
        fromStatus: n === 0 ? null : path[n - 1]!,
        toStatus: status,
        rawStatus: raw(status),
        payoutMinor,
        currency,
        outcome: n === 0 ? 'created' : 'changed',
        warning: null,
        received:
          source.kind === 'tracker'
            ? { click_id: click.id, status: raw(status), payout: String(payoutMinor / 100), txid: `tx-${i}` }
            : { oid: click.id, status: raw(status), pay: String(payoutMinor / 100), cc: 'USD' },
      }),
    );
  });
  await insertMany(deps.db, conversions, rows, { maxParams });
  await insertMany(deps.db, conversionChanges, changes, { maxParams });
}
