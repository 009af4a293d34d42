/**
 * Demo tracking data: landings, banner creatives (the SVG files in demo/site/creatives), traffic
 * sources, plans, campaigns and promos for the demo partners, then ~90 days of clicks and player
 * events with a daily rhythm (evenings busy, nights quiet), a weekly one (casino weekends, broker
 * weekdays) and slow growth. Events are in their brand's currency (so each operator has two or
 * more), players also come by promo code without a click, casino players bring weekly NGR (now
 * and then negative: a player won), and the broker gets leads, sales, trading volume and NGR too.
 * A seeded PRNG makes every run the same; rows go in as multi-row inserts, each batch with the
 * statistics it adds.
 */
import { and, eq } from 'drizzle-orm';
import { currencyExponent } from '../core/lib/money.ts';
import type { StoreContext as ServiceCtx } from '../core/lib/context.ts';
import { insertMany, insertManyAtomically } from '../core/db/insert-many.ts';
import { newId } from '../core/lib/ids.ts';
import { creatives, landings, trafficSources } from '../core/modules/catalog/table.ts';
import { planAssignments } from '../core/modules/commissions/table.ts';
import { seedDemoPlans } from './seed-plans.ts';
import { campaigns, promos } from '../core/modules/campaigns/table.ts';
import type { clicks } from '../core/modules/tracking/table.ts';
import { clickWriteParts } from '../core/modules/tracking/click-writer.ts';
import { eventFact } from '../core/modules/events/ingest-events.ts';
import { trafficCountParts } from '../core/modules/statistics/count-traffic.ts';
import { playerEvents, players } from '../core/modules/events/table.ts';
import { partners } from '../core/modules/identity/table.ts';

export interface TrackingSeedOptions {
  publicUrl: string;
  /** Clicks to generate across both operators (default 200,000). */
  clicks: number;
  maxParams?: number;
}

/** mulberry32: tiny, fast, seeded. */
export function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOURLY = [
  0.35, 0.25, 0.18, 0.15, 0.15, 0.2, 0.35, 0.55, 0.7, 0.8, 0.85, 0.9, 0.95, 0.95, 0.9, 0.9, 0.95, 1.05, 1.2, 1.35, 1.45,
  1.4, 1.1, 0.7,
];
const SIZES: Array<[number, number]> = [
  [300, 250],
  [728, 90],
  [160, 600],
  [320, 50],
  [300, 600],
  [250, 250],
];
const UAS = [
  ['mobile', 'iOS', 'Safari'],
  ['mobile', 'Android', 'Chrome'],
  ['desktop', 'Windows', 'Chrome'],
  ['desktop', 'macOS', 'Safari'],
  ['desktop', 'Windows', 'Microsoft Edge'],
  ['tablet', 'iOS', 'Safari'],
  ['mobile', 'Android', 'Samsung Internet'],
  ['bot', 'Linux', 'Googlebot'],
] as const;

interface OperatorPlan {
  operatorId: string;
  key: 'luckyspin' | 'northwind';
  brands: Array<{ id: string; currency: string }>;
  weekendBoost: number;
  countries: string[];
}

/**
 * Rough units of each demo brand currency per euro (illustrative), so a deposit looks the same
 * size whatever its brand's currency: amounts are drawn in euros and written in the brand's.
 */
const DEMO_PER_EUR: Record<string, number> = { EUR: 1, USD: 1.07, USDT: 1.07, BTC: 0.0000115 };

/** `euros` in `currency`'s minor units: whole units (deposits) or cents (NGR); BTC in 0.0001 / 0.000001 steps. */
export function demoAmountMinor(currency: string, euros: number, whole: boolean): number {
  const exponent = currencyExponent(currency);
  const step = currency === 'BTC' ? (whole ? 10_000 : 100) : whole ? 10 ** exponent : 10 ** Math.max(0, exponent - 2);
  const minor = Math.round((euros * (DEMO_PER_EUR[currency] ?? 1) * 10 ** exponent) / step) * step;
  return minor === 0 ? step * Math.sign(euros) : minor;
}

export async function seedTracking(ctx: ServiceCtx, ops: OperatorPlan[], options: TrackingSeedOptions): Promise<void> {
  const random = prng(20261124);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const now = ctx.clock.now();
  const maxParams = options.maxParams;
  const clicksPerOperator = Math.floor(options.clicks / ops.length);

  for (const op of ops) {
    const created = new Date(now.getTime() - 100 * 86_400_000);
    const brandIds = op.brands.map((b) => b.id);
    const landingRows = brandIds.flatMap((brandId, b) => [
      {
        id: newId('land', ctx.clock),
        operatorId: op.operatorId,
        brandId,
        name: b === 0 ? 'Welcome offer' : 'Main page',
        url: `https://${brandId.split('_').pop()}.${op.key}.example/${b === 0 ? 'welcome' : ''}?lang=en`,
        audience: 'players' as const,
        language: 'en',
        countries: [],
        createdAt: created,
      },
      {
        id: newId('land', ctx.clock),
        operatorId: op.operatorId,
        brandId,
        name: 'Landing (RU)',
        url: `https://${brandId.split('_').pop()}.${op.key}.example/ru/`,
        audience: 'players' as const,
        language: 'ru',
        countries: ['RU', 'KZ'],
        createdAt: created,
      },
      {
        id: newId('land', ctx.clock),
        operatorId: op.operatorId,
        brandId,
        name: 'Become a partner',
        url: `${options.publicUrl}/${op.key === 'luckyspin' ? '' : 'northwind/'}`,
        audience: 'sub_affiliates' as const,
        language: 'en',
        countries: [],
        createdAt: created,
      },
    ]);
    await insertMany(ctx.db, landings, landingRows, { maxParams });
    await insertMany(
      ctx.db,
      creatives,
      SIZES.map(([w, h]) => ({
        id: newId('crt', ctx.clock),
        operatorId: op.operatorId,
        brandId: brandIds[0]!,
        title: `${op.key === 'luckyspin' ? 'Welcome bonus' : 'Trade now'} ${w}×${h}`,
        language: 'en',
        format: 'banner' as const,
        privacy: w === 320 ? ('private' as const) : ('public' as const),
        allowedPartnerIds: [],
        width: w,
        height: h,
        tags: w === h ? ['square'] : h > w ? ['skyscraper'] : ['horizontal'],
        assetUrl: `${options.publicUrl}/creatives/${op.key}-${w}x${h}.svg`,
        createdAt: created,
      })),
      { maxParams },
    );
    const sources = ['SEO', 'PPC', 'Social media', 'Email', 'Push notifications', 'Display'].map((name) => ({
      id: newId('ts', ctx.clock),
      operatorId: op.operatorId,
      name,
    }));
    await insertMany(ctx.db, trafficSources, sources, { maxParams });
    const plans = await seedDemoPlans(ctx, { ...op, created }, maxParams);

    const active = await ctx.db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(and(eq(partners.operatorId, op.operatorId), eq(partners.status, 'active')));
    // The first partner also has the individual plans (the Plans page shows both kinds).
    const individual = plans.filter((p) => !p.isDefault);
    if (individual.length && active[0])
      await ctx.db
        .insert(planAssignments)
        .values(individual.map((p) => ({ planId: p.id, partnerId: active[0]!.id, operatorId: op.operatorId })));
    // The first partner runs a campaign for each brand (so its reports hold every brand currency),
    // the first on a default plan and the others on its individual plans (so every plan has bills);
    // the others one each, on the brands in turn.
    const planOf = (i: number, n: number) =>
      i === 0 && n > 0 && individual.length ? individual[n % individual.length]! : plans[(i + n) % 2]!;
    const campaignRows = active.flatMap((partner, i) =>
      (i === 0 ? brandIds.map((_, b) => b) : [i % brandIds.length]).map((b, n) => ({
        id: newId('camp', ctx.clock),
        operatorId: op.operatorId,
        partnerId: partner.id,
        brandId: brandIds[b]!,
        planId: planOf(i, n).id,
        name: `${partner.name} — ${['main', 'mobile', 'crypto'][n] ?? `#${n + 1}`}`,
        status: i === active.length - 1 && n === 0 ? ('archived' as const) : ('active' as const),
        createdAt: new Date(created.getTime() + i * 86_400_000),
        archivedAt: i === active.length - 1 && n === 0 ? new Date(now.getTime() - 5 * 86_400_000) : null,
      })),
    );
    await insertMany(ctx.db, campaigns, campaignRows, { maxParams });
    const crts = await ctx.db
      .select({ id: creatives.id, brandId: creatives.brandId })
      .from(creatives)
      .where(eq(creatives.operatorId, op.operatorId));
    const promoRows = campaignRows.flatMap((c, i) => {
      const ls = landingRows.filter((l) => l.brandId === c.brandId && l.audience === 'players');
      return [0, 1, 2].map((n) => ({
        id: newId('promo', ctx.clock),
        operatorId: op.operatorId,
        partnerId: c.partnerId,
        campaignId: c.id,
        code: `${op.key.slice(0, 2)}${i}x${n}`.padEnd(8, 'K').toUpperCase(),
        landingId: ls[n % ls.length]!.id,
        creativeId: n === 2 ? null : crts[(i + n) % crts.length]!.id,
        trafficSourceId: n === 1 ? null : sources[(i + n) % sources.length]!.id,
        title: ['Sidebar banner', 'Newsletter link', 'Direct link'][n]!,
        promoCode: n === 0 ? `${op.key.slice(0, 3).toUpperCase()}${i}` : null,
        createdAt: c.createdAt,
      }));
    });
    await insertMany(ctx.db, promos, promoRows, { maxParams });
    await seedTraffic(ctx, op, promoRows, campaignRows, clicksPerOperator, random, pick, maxParams);
  }
}

async function seedTraffic(
  ctx: ServiceCtx,
  op: OperatorPlan,
  promoRows: Array<typeof promos.$inferInsert>,
  campaignRows: Array<typeof campaigns.$inferInsert>,
  total: number,
  random: () => number,
  pick: <T>(xs: readonly T[]) => T,
  maxParams: number | undefined,
) {
  const days = 90;
  const now = ctx.clock.now().getTime();
  const start = Math.floor(now / 86_400_000) * 86_400_000 - days * 86_400_000;
  const currencyOf = new Map(op.brands.map((b) => [b.id, b.currency]));
  const broker = op.key === 'northwind';
  const weights = promoRows.map((_, i) => 1 / (1 + i * 0.35));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const dayWeight = (d: number) => {
    const weekday = new Date(start + d * 86_400_000).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    return (1 + (d / days) * 0.6) * (weekend ? op.weekendBoost : 1) * (0.85 + random() * 0.3);
  };
  const dayWeights = Array.from({ length: days }, (_, d) => dayWeight(d));
  const dayTotal = dayWeights.reduce((a, b) => a + b, 0);
  const hourSum = HOURLY.reduce((a, b) => a + b, 0);
  /** A time on day `d` by the daily rhythm. */
  const timeOn = (d: number) => {
    let r = random() * hourSum;
    let hour = 0;
    while (hour < 23 && r > HOURLY[hour]!) r -= HOURLY[hour++]!;
    return new Date(start + d * 86_400_000 + hour * 3_600_000 + Math.floor(random() * 3_600_000));
  };
  let clickBuffer: Array<typeof clicks.$inferInsert> = [];
  let eventBuffer: Array<typeof playerEvents.$inferInsert> = [];
  const playerRows: Array<typeof players.$inferInsert> = [];
  let playerSeq = 0;
  const campaignOf = new Map(campaignRows.map((c) => [c.id, c]));
  const paramsOf = new Map<string, Array<[string, string]>>();
  // Clicks, events and the statistics they add go in together, as the tracking edge and event ingest write them.
  const flush = async () => {
    await insertManyAtomically(
      ctx.db,
      [
        ...clickWriteParts(clickBuffer),
        { table: playerEvents, rows: eventBuffer },
        ...trafficCountParts(eventBuffer.flatMap((e) => eventFact(e, paramsOf.get(e.clickId ?? '')) ?? [])),
      ],
      { maxParams },
    );
    paramsOf.clear();
    clickBuffer = [];
    eventBuffer = [];
  };

  /**
   * A player arrives, by a click (its visit id) or by a promo code without one, and what it does
   * next: a broker's visitor may leave a lead first (and not always register); 45% of players
   * deposit, some again later; depositors bring weekly NGR (a casino's share of their losses,
   * negative in a week the player won; a broker's commissions), and the broker's clients now and
   * then buy a course (a sale). Amounts are in the brand's currency. Events after "now" are not
   * generated.
   */
  const arrive = (
    at: Date,
    promo: typeof promos.$inferInsert,
    click: { id: string; country: string; device: string; os: string } | null,
    how: { lead: boolean; registers: boolean },
  ) => {
    const campaign = campaignOf.get(promo.campaignId)!;
    const playerId = `${op.key.slice(0, 2)}-p${++playerSeq}`;
    const brandId = campaign.brandId;
    const currency = currencyOf.get(brandId) ?? 'EUR';
    const base = {
      operatorId: op.operatorId,
      playerId,
      brandId,
      data: null,
      partnerId: promo.partnerId,
      campaignId: promo.campaignId,
      promoId: promo.id,
      clickId: click?.id ?? null,
      // What the event is counted under: the click's attributes, or only the promo's for a promo code.
      planId: campaign.planId,
      landingId: promo.landingId,
      creativeId: promo.creativeId ?? null,
      trafficSourceId: promo.trafficSourceId ?? null,
      country: click?.country ?? null,
      device: click?.device ?? null,
      os: click?.os ?? null,
    };
    let first = true;
    const event = (type: (typeof playerEvents.$inferInsert)['type'], minutes: number, amountMinor: number | null) => {
      const occurredAt = new Date(at.getTime() + minutes * 60_000);
      if (occurredAt.getTime() > now) return;
      // The first event names the click or the code; later ones are the player's (attributed by the player).
      const attributedBy = first ? (click ? 'visit_id' : 'promo_code') : 'player';
      eventBuffer.push({
        ...base,
        id: `${playerId}-${type}-${minutes}`,
        type,
        visitId: first && click ? click.id : null,
        promoCode: first && !click ? (promo.promoCode ?? null) : null,
        amountMinor,
        currency: amountMinor === null ? null : currency,
        occurredAt,
        receivedAt: occurredAt,
        contentHash: `seed:${playerId}:${type}:${minutes}`,
        attributedBy,
      });
      if (first)
        playerRows.push({
          operatorId: op.operatorId,
          brandId,
          playerId,
          partnerId: promo.partnerId,
          campaignId: promo.campaignId,
          promoId: promo.id!,
          clickId: click?.id ?? null,
          attributedAt: occurredAt,
        });
      first = false;
    };
    if (how.lead) event('lead', 2, null);
    if (!how.registers) return;
    event('registration', 4, null);
    if (random() >= 0.45) return;
    let deposited = 20 + Math.floor(random() * 480);
    event('first_deposit', 30, demoAmountMinor(currency, deposited, true));
    // A broker's client trades: a day's volume (what a CPA's minimum wager counts), a multiple of the deposit.
    if (broker) event('wager', 1440, demoAmountMinor(currency, deposited * 6, true));
    for (let k = 1; random() < 0.5 && k < 6; k++) {
      const amount = 10 + Math.floor(random() * 300);
      deposited += amount;
      event('deposit', 1440 * k * 3, demoAmountMinor(currency, amount, true));
    }
    const weeks = 1 + Math.floor(random() * random() * 10);
    const share = broker ? 0.04 + random() * 0.06 : (0.3 + random() * 0.4) / weeks;
    for (let w = 1; w <= weeks; w++) {
      const won = random() < (broker ? 0.1 : 0.22);
      const euros = deposited * share * (0.5 + random()) * (won ? -0.6 : 1);
      event('ngr', 1440 * 7 * w + 600, demoAmountMinor(currency, euros, false));
    }
    if (broker && random() < 0.2) {
      const price = [49, 99, 199][Math.floor(random() * 3)]!;
      event('sale', 1440 * 2 + 90, demoAmountMinor(currency, price / DEMO_PER_EUR.USD!, true));
    }
  };

  const coded = promoRows.filter((p) => p.promoCode);
  const codeRate = (0.7 * total) / 100_000;
  for (let d = 0; d < days; d++) {
    const count = Math.round((total * dayWeights[d]!) / dayTotal);
    for (let n = 0; n < count; n++) {
      const at = timeOn(d);
      if (at.getTime() > now) continue;
      let w = random() * weightSum;
      let p = 0;
      while (p < promoRows.length - 1 && w > weights[p]!) w -= weights[p++]!;
      const promo = promoRows[p]!;
      const [device, os, browser] = pick(UAS);
      const id = newId('v', { now: () => at });
      const isBot = device === 'bot';
      const params: Array<[string, string]> = [
        ['sub1', `s${Math.floor(random() * 40)}`],
        ['clickID', Math.floor(random() * 1e9).toString(36)],
      ];
      paramsOf.set(id, params);
      const country = pick(op.countries);
      const campaign = campaignOf.get(promo.campaignId)!;
      clickBuffer.push({
        id,
        operatorId: op.operatorId,
        partnerId: promo.partnerId,
        campaignId: promo.campaignId,
        promoId: promo.id,
        brandId: campaign.brandId,
        planId: campaign.planId,
        landingId: promo.landingId,
        creativeId: promo.creativeId ?? null,
        trafficSourceId: promo.trafficSourceId ?? null,
        createdAt: at,
        params,
        ipPrefix: `${Math.floor(random() * 220) + 1}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.0/24`,
        country,
        device,
        os,
        browser,
        referrer: random() < 0.4 ? 'https://www.google.com/' : null,
        isBot,
        isUnique: !isBot && random() < 0.82,
      });
      // About 3% of human clicks register. On the broker, 5% leave a lead and 60% of those register.
      if (!isBot) {
        const click = { id, country, device, os };
        if (broker) {
          if (random() < 0.05) arrive(at, promo, click, { lead: true, registers: random() < 0.6 });
        } else if (random() < 0.03) arrive(at, promo, click, { lead: false, registers: true });
      }
      if (clickBuffer.length >= 20_000) await flush();
    }
    // Players who type a promo code at sign-up, without a click: about one a day per code at 100,000 clicks.
    for (const promo of coded) {
      const campaign = campaignOf.get(promo.campaignId)!;
      for (let k = Math.floor(codeRate * dayWeights[d]! + random()); k > 0; k--) {
        const at = timeOn(d);
        if (at.getTime() > now || (campaign.archivedAt && at > campaign.archivedAt)) continue;
        arrive(at, promo, null, { lead: false, registers: true });
      }
    }
  }
  await flush();
  await insertMany(ctx.db, players, playerRows, { maxParams });
}
