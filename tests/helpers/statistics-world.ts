/**
 * Test kit of the aggregate property test: a small program with random traffic sent through the
 * real edges, and the expected report computed from raw rows with nothing but Intl.
 */
import type { createTestApp } from './test-app.ts';
import { unwrap, type KabinetClient } from '../../core/sdk/index.ts';
import type { clicks } from '../../core/modules/tracking/table.ts';
import type { playerEvents } from '../../core/modules/events/table.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export type RawClick = typeof clicks.$inferSelect;
export type RawEvent = typeof playerEvents.$inferSelect;

const AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
];
const COUNTRIES = ['DE', 'AT', 'IN', 'NP', 'AU', 'CL'];
/** Two clusters of days around daylight-saving changes (Berlin, Adelaide, Santiago, Lord Howe in spring; Berlin in autumn). */
const WINDOWS: Array<[string, string]> = [
  ['2026-03-24T00:00:00Z', '2026-04-09T00:00:00Z'],
  ['2026-10-20T00:00:00Z', '2026-10-29T00:00:00Z'],
];

export interface World {
  operator: KabinetClient;
  partners: Array<{ id: string; client: KabinetClient }>;
  /** One or two values of an attribute seen in the traffic, comma-joined (a filter's query value). */
  pick(attribute: 'brand' | 'campaign' | 'country' | 'device' | 'promo'): string;
  /** Sends a few more registrations and first deposits dated inside the traffic's days (`tag` keeps their ids apart). */
  addLateEvents(tag: string): Promise<void>;
}

export async function buildWorld(
  t: TestApp,
  op: { client: KabinetClient },
  partnerClients: KabinetClient[],
  random: () => number,
): Promise<World> {
  const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const api = op.client.v1;
  const brandA = await unwrap(
    api.brands.$post({ json: { name: 'Lucky', currency: 'EUR', websiteUrl: 'https://a.example' } }),
  );
  const brandB = await unwrap(
    api.brands.$post({ json: { name: 'Star', currency: 'USD', websiteUrl: 'https://b.example' } }),
  );
  const landing = (brandId: string, name: string) =>
    unwrap(
      api.landings.$post({
        json: { brandId, name, url: `https://l.example/${name}`, audience: 'players', language: 'en', countries: [] },
      }),
    );
  const landings = {
    [brandA.id]: [await landing(brandA.id, 'one'), await landing(brandA.id, 'two')],
    [brandB.id]: [await landing(brandB.id, 'three')],
  };
  const creative = await unwrap(
    api.creatives.$post({
      json: {
        title: 'Banner',
        language: 'en',
        format: 'banner',
        width: 300,
        height: 250,
        tags: [],
        assetUrl: 'https://cdn.example/b.png',
      },
    }),
  );
  const sources = [await unwrap(api.traffic_sources.$post({ json: { name: 'SEO' } })), null];
  const plans = [
    await unwrap(
      api.plans.$post({
        json: {
          name: 'CPA',
          terms: { billingPeriod: 'monthly', cpa: { amounts: [{ amount: '100', currency: 'EUR' }] } },
          isDefault: true,
        },
      }),
    ),
    await unwrap(
      api.plans.$post({
        json: {
          name: 'RS',
          terms: { billingPeriod: 'monthly', revshare: { percent: '35', negativeCarryOver: true } },
          isDefault: true,
        },
      }),
    ),
  ];
  const partners: World['partners'] = [];
  const promos: Array<{
    id: string;
    campaignId: string;
    code: string;
    promoCode: string;
    brandId: string;
    currency: string;
  }> = [];
  for (const [i, client] of partnerClients.entries()) {
    partners.push({ id: (await unwrap(client.v1.partner.profile.$get())).user.partnerId, client });
    for (const [n, brand] of [brandA, brandB].entries()) {
      const campaign = await unwrap(
        client.v1.partner.campaigns.$post({
          json: { name: `C${i}${n}`, brandId: brand.id, planId: plans[(i + n) % 2]!.id },
        }),
      );
      for (const [k, l] of landings[brand.id]!.entries()) {
        const promo = await unwrap(
          client.v1.partner.campaigns[':campaignId'].promos.$post({
            param: { campaignId: campaign.id },
            json: {
              landingId: l.id,
              ...(k === 0 ? { creativeId: creative.id } : {}),
              ...(sources[k % 2] ? { trafficSourceId: sources[k % 2]!.id } : {}),
              title: `P${i}${n}${k}`,
              promoCode: `CODE${i}${n}${k}`,
            },
          }),
        );
        promos.push({
          id: promo.id,
          campaignId: campaign.id,
          code: promo.code,
          promoCode: `CODE${i}${n}${k}`,
          brandId: brand.id,
          currency: brand.currency,
        });
      }
    }
  }

  const instant = () => {
    const [from, to] = pickOf(WINDOWS).map(Date.parse) as [number, number];
    return from + Math.floor(random() * ((to - from) / 60_000)) * 60_000;
  };
  const visits: Array<{ visitId: string; at: number; promo: (typeof promos)[number] }> = [];
  for (let n = 0; n < 420; n++) {
    const promo = pickOf(promos);
    const at = instant();
    t.clock.set(new Date(at));
    // Every seventh link repeats sub1 (a report counts its first value) and every fifth has no c.
    const query = `sub1=s${Math.floor(random() * 3)}${n % 7 === 0 ? '&sub1=again' : ''}${n % 5 === 0 ? '' : `&c=${n % 40}`}`;
    const res = await t.fetchApp(`http://kabinet.test/t/${promo.code}?${query}`, {
      headers: {
        'user-agent': pickOf(AGENTS),
        'x-test-country': pickOf(COUNTRIES),
        ...(random() < 0.2 ? { cookie: `kb_seen_${promo.code}=1` } : {}),
      },
    });
    const visitId = new URL(res.headers.get('location')!).searchParams.get('kb_vid')!;
    visits.push({ visitId, at, promo });
  }

  const events: Array<Record<string, unknown>> = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  const amount = () => `${1 + Math.floor(random() * 500)}.${String(Math.floor(random() * 100)).padStart(2, '0')}`;
  for (const [n, v] of visits.entries()) {
    if (random() > 0.45) continue;
    const player = `pl${n}`;
    const base = { playerId: player, brand: v.promo.brandId };
    const later = (minutes: number) => iso(v.at + Math.floor(random() * minutes) * 60_000);
    events.push({ ...base, id: `r${n}`, type: 'registration', visitId: v.visitId, occurredAt: later(90) });
    if (random() < 0.5) {
      const currency = random() < 0.8 ? v.promo.currency : 'EUR';
      events.push({ ...base, id: `f${n}`, type: 'first_deposit', amount: amount(), currency, occurredAt: later(600) });
      if (random() < 0.5)
        events.push({ ...base, id: `d${n}`, type: 'deposit', amount: amount(), currency, occurredAt: later(3000) });
      const ngr = `${random() < 0.3 ? '-' : ''}${amount()}`;
      events.push({ ...base, id: `n${n}`, type: 'ngr', amount: ngr, currency, occurredAt: later(3000) });
      events.push({ ...base, id: `w${n}`, type: 'withdrawal', amount: amount(), currency, occurredAt: later(3000) });
    }
  }
  for (let n = 0; n < 40; n++) {
    const promo = pickOf(promos);
    events.push({
      id: `c${n}`,
      type: 'registration',
      playerId: `code${n}`,
      brand: promo.brandId,
      promoCode: promo.promoCode,
      occurredAt: iso(instant()),
    });
    events.push({
      id: `u${n}`,
      type: 'registration',
      playerId: `none${n}`,
      brand: promo.brandId,
      occurredAt: iso(instant()),
    });
  }
  for (let i = 0; i < events.length; i += 500)
    await unwrap(api.events.$post({ json: { events: events.slice(i, i + 500) } }));
  t.clock.set('2026-11-24T10:30:00Z');

  const seen = {
    brand: [brandA.id, brandB.id],
    campaign: [...new Set(promos.map((p) => p.campaignId))],
    country: COUNTRIES,
    device: ['mobile', 'desktop'],
    promo: promos.map((p) => p.id),
  };
  return {
    operator: op.client,
    partners,
    async addLateEvents(tag) {
      const late: Array<Record<string, unknown>> = [];
      for (let n = 0; n < 12; n++) {
        const promo = pickOf(promos);
        const at = instant();
        const base = { playerId: `${tag}-${n}`, brand: promo.brandId };
        late.push({
          ...base,
          id: `${tag}r${n}`,
          type: 'registration',
          promoCode: promo.promoCode,
          occurredAt: iso(at),
        });
        if (n % 2 === 0)
          late.push({
            ...base,
            id: `${tag}f${n}`,
            type: 'first_deposit',
            amount: amount(),
            currency: promo.currency,
            occurredAt: iso(at + 3_600_000),
          });
      }
      await unwrap(api.events.$post({ json: { events: late } }));
    },
    pick(attribute) {
      const first = pickOf(seen[attribute]);
      return random() < 0.5 ? first : [...new Set([first, pickOf(seen[attribute])])].join(',');
    },
  };
}

// ---- The expected report, from raw rows ----

function localParts(zone: string, ms: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: parts.hour! };
}

/** ISO week by ordinal day and weekday (a different road from the report's). */
function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const year = d.getUTCFullYear();
  const ordinal = Math.round((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  const weekday = d.getUTCDay() || 7;
  let week = Math.floor((ordinal - weekday + 10) / 7);
  const weeksIn = (y: number) => {
    const p = (x: number) => (x + Math.floor(x / 4) - Math.floor(x / 100) + Math.floor(x / 400)) % 7;
    return p(y) === 4 || p(y - 1) === 3 ? 53 : 52;
  };
  if (week < 1) return `${year - 1}-W${weeksIn(year - 1)}`;
  if (week > weeksIn(year)) return `${year + 1}-W01`;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

const ATTRIBUTE_OF: Record<string, (r: RawClick | RawEvent) => string> = {
  brand: (r) => r.brandId ?? '',
  plan: (r) => r.planId ?? '',
  campaign: (r) => r.campaignId ?? '',
  promo: (r) => r.promoId ?? '',
  landing: (r) => r.landingId ?? '',
  creative: (r) => r.creativeId ?? '',
  trafficSource: (r) => r.trafficSourceId ?? '',
  country: (r) => r.country ?? '',
  device: (r) => r.device ?? '',
  os: (r) => r.os ?? '',
};

type Values = {
  clicks: number;
  uniqueClicks: number;
  botClicks: number;
  registrations: number;
  ftdCount: number;
  depositCount: number;
  ftdAmount: Record<string, number>;
  depositAmount: Record<string, number>;
  ngr: Record<string, number>;
};

export function expectedReport(
  rawClicks: RawClick[],
  rawEvents: RawEvent[],
  q: {
    timeZone: string;
    from: string;
    to: string;
    groupBy: string[];
    filters: Record<string, string>;
    partnerId: string | null;
    /** The custom click parameter `parameter` in groupBy names. */
    parameter?: string;
  },
): Map<string, Values> {
  const out = new Map<string, Values>();
  const clickById = new Map(rawClicks.map((c) => [c.id, c]));
  // The parameter's value a click counts under, as the README words the rule: among the link's
  // first 10 parameters, the key's first occurrence (keys compared cut at 64 characters), its
  // value cut at 128; an event counts under its click's. Null: none, the record is not in the report.
  const parameterOf = (r: RawClick | RawEvent): string | null => {
    const click = 'params' in r ? r : r.clickId ? clickById.get(r.clickId) : undefined;
    const found = click?.params.slice(0, 10).find(([k]) => k.slice(0, 64) === q.parameter);
    return found ? found[1].slice(0, 128) : null;
  };
  const keyOf = (r: RawClick | RawEvent, at: Date): string | null => {
    const { date, hour } = localParts(q.timeZone, at.getTime());
    if (date < q.from || date > q.to) return null;
    if (q.partnerId && r.partnerId !== q.partnerId) return null;
    for (const [f, list] of Object.entries(q.filters)) if (!list.split(',').includes(ATTRIBUTE_OF[f]!(r))) return null;
    const parameter = q.groupBy.includes('parameter') ? parameterOf(r) : '';
    if (parameter === null) return null;
    const labels: Record<string, string> = {
      parameter,
      hour: `${date}T${hour}:00`,
      day: date,
      week: isoWeekOf(date),
      month: date.slice(0, 7),
      year: date.slice(0, 4),
    };
    return JSON.stringify(q.groupBy.map((g) => labels[g] ?? ATTRIBUTE_OF[g]!(r)));
  };
  const row = (key: string) => {
    let v = out.get(key);
    if (!v) {
      v = {
        clicks: 0,
        uniqueClicks: 0,
        botClicks: 0,
        registrations: 0,
        ftdCount: 0,
        depositCount: 0,
        ftdAmount: {},
        depositAmount: {},
        ngr: {},
      };
      out.set(key, v);
    }
    return v;
  };
  const add = (m: Record<string, number>, currency: string, minor: number) => {
    m[currency] = (m[currency] ?? 0) + minor;
    if (m[currency] === 0) delete m[currency];
  };
  for (const c of rawClicks) {
    const key = keyOf(c, c.createdAt);
    if (!key) continue;
    const v = row(key);
    if (c.isBot) v.botClicks++;
    else {
      v.clicks++;
      if (c.isUnique) v.uniqueClicks++;
    }
  }
  for (const e of rawEvents) {
    if (!e.partnerId || !['registration', 'first_deposit', 'deposit', 'ngr'].includes(e.type)) continue;
    const key = keyOf(e, e.occurredAt);
    if (!key) continue;
    const v = row(key);
    const minor = e.amountMinor ?? 0;
    if (e.type === 'registration') v.registrations++;
    if (e.type === 'first_deposit') {
      v.ftdCount++;
      add(v.ftdAmount, e.currency!, minor);
    }
    if (e.type === 'first_deposit' || e.type === 'deposit') {
      v.depositCount++;
      add(v.depositAmount, e.currency!, minor);
    }
    if (e.type === 'ngr') add(v.ngr, e.currency!, minor);
  }
  // A row whose every value nets to nothing is no row (NGR that cancels out).
  for (const [key, v] of out)
    if (
      [v.clicks, v.uniqueClicks, v.botClicks, v.registrations, v.ftdCount, v.depositCount].every((n) => n === 0) &&
      [v.ftdAmount, v.depositAmount, v.ngr].every((m) => Object.keys(m).length === 0)
    )
      out.delete(key);
  return out;
}
