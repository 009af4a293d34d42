import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap, type KabinetClient } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { runBilling } from '../billing/run-billing.ts';
import { billLines, bills } from '../billing/table.ts';
import { planVersions } from '../commissions/table.ts';
import { storeTerms } from '../commissions/terms.ts';
import { partners } from '../identity/table.ts';

/**
 * A three-level tree: root ← A, A2 (level 1); A ← B (level 2); B ← C (level 3); an outsider O with
 * no referrer. A, B and C bring clicks and players in November; billing in December cuts their
 * direct bills and the sub-affiliate bills the root (and A, B) earn from them.
 */
let t: Awaited<ReturnType<typeof createTestApp>>;
let operator: KabinetClient;
let operatorId = '';
const who: Record<'root' | 'a' | 'a2' | 'b' | 'c' | 'o', { id: string; client: KabinetClient }> = {} as never;
const november = { period: 'custom', from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC' } as const;
const human = { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36' };

type Values = Record<string, number | Record<string, string> | null>;
/** Counts added, amounts added per currency (cents, then back to two decimals). */
function addValues(list: Values[]): Values {
  const out: Values = {};
  for (const values of list)
    for (const [k, v] of Object.entries(values)) {
      if (typeof v === 'number') out[k] = ((out[k] as number | undefined) ?? 0) + v;
      else if (v && typeof v === 'object') {
        const into = ((out[k] as Record<string, string> | undefined) ?? {}) as Record<string, string>;
        for (const [c, amount] of Object.entries(v))
          into[c] = ((Math.round(Number(into[c] ?? 0) * 100) + Math.round(Number(amount) * 100)) / 100).toFixed(2);
        out[k] = into;
      }
    }
  return out;
}

async function report(client: KabinetClient, query: Record<string, string | number> = november) {
  const res = await client.v1.partner.reports.sub_affiliates.$get({ query: query as never });
  return unwrap(res);
}

async function ownPerformance(client: KabinetClient, query: Record<string, string> = november) {
  return (await unwrap(client.v1.partner.reports.performance.$get({ query: query as never }))).totals;
}

beforeAll(async () => {
  t = await createTestApp();
  const op = await t.addOperator('Lucky');
  operator = op.client;
  operatorId = op.operator.id;
  const brandId = (
    await unwrap(
      operator.v1.brands.$post({ json: { name: 'Casino', currency: 'EUR', websiteUrl: 'https://c.example' } }),
    )
  ).id;
  const landing = await unwrap(
    operator.v1.landings.$post({
      json: { brandId, name: 'Home', url: 'https://c.example/', audience: 'players', language: 'en' },
    }),
  );
  const terms = {
    billingPeriod: 'monthly' as const,
    revshare: { percent: '40', negativeCarryOver: false },
    subAffiliate: { levels: ['10', '5', '2'] },
  };
  const plan = await unwrap(operator.v1.plans.$post({ json: { name: 'RevShare 40%', terms, isDefault: true } }));
  // The terms from October on, so November is billable as a whole.
  await t.deps.db.delete(planVersions).where(eq(planVersions.planId, plan.id));
  await t.deps.db.insert(planVersions).values({
    planId: plan.id,
    operatorId,
    effectiveFrom: '2026-10-01',
    terms: storeTerms(terms),
    createdAt: new Date(),
  });
  for (const key of ['root', 'a', 'a2', 'b', 'c', 'o'] as const) {
    const { partnerId } = await activePartner(t, operatorId, `${key}@example.com`);
    who[key] = { id: partnerId, client: (await signedInClient(t, operatorId, `${key}@example.com`)).client };
  }
  const refer = (child: string, parent: string) =>
    t.deps.db.update(partners).set({ referrerPartnerId: parent }).where(eq(partners.id, child));
  await refer(who.a.id, who.root.id);
  await refer(who.a2.id, who.root.id);
  await refer(who.b.id, who.a.id);
  await refer(who.c.id, who.b.id);

  // Each trafficking sub-affiliate: a promo with a code; clicks on its link and players by its code.
  const players: Array<[key: 'a' | 'b' | 'c', ngr: string[], deposits: string[]]> = [
    ['a', ['1000.00', '250.50'], ['100.00', '40.00']],
    ['b', ['400.00'], ['60.00']],
    ['c', ['150.00'], ['25.00', '25.00']],
  ];
  const events: unknown[] = [];
  for (const [key, ngr, deposits] of players) {
    const client = who[key].client;
    const campaign = await unwrap(client.v1.partner.campaigns.$post({ json: { name: key, brandId, planId: plan.id } }));
    const promo = await unwrap(
      client.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId: campaign.id },
        json: { landingId: landing.id, title: 'Link', promoCode: `CODE${key.toUpperCase()}` },
      }),
    );
    // Clicks on the 3rd and the 20th: a period of the first ten days sees only the first.
    for (const at of ['2026-11-03T09:00:00Z', '2026-11-20T09:00:00Z']) {
      t.clock.set(at);
      await t.fetchApp(`http://kabinet.test/t/${promo.code}`, { headers: human });
    }
    const base = { brand: brandId, promoCode: `CODE${key.toUpperCase()}`, playerId: `${key}-p1` };
    events.push({ ...base, id: `${key}-r`, type: 'registration', occurredAt: '2026-11-04T10:00:00Z' });
    deposits.forEach((amount, i) =>
      events.push({
        ...base,
        id: `${key}-d${i}`,
        type: i === 0 ? 'first_deposit' : 'deposit',
        occurredAt: `2026-11-${String(5 + i * 10).padStart(2, '0')}T10:00:00Z`,
        amount,
        currency: 'EUR',
      }),
    );
    ngr.forEach((amount, i) =>
      events.push({
        ...base,
        id: `${key}-n${i}`,
        type: 'ngr',
        occurredAt: `2026-11-${String(6 + i * 10).padStart(2, '0')}T10:00:00Z`,
        amount,
        currency: 'EUR',
      }),
    );
  }
  t.clock.set('2026-11-25T10:00:00Z');
  await unwrap(operator.v1.events.$post({ json: { events } as never }));
  t.clock.set('2026-12-02T10:00:00Z');
  await runBilling(withTenant(t.deps, operatorId));
  // Sessions end when idle: sign in again on the day the report is read.
  for (const key of Object.keys(who) as Array<keyof typeof who>)
    who[key].client = (await signedInClient(t, operatorId, `${key}@example.com`)).client;
});
afterAll(() => t.dispose());

describe('the sub-affiliates report', () => {
  it('sums each level from the sub-affiliates’ own performance numbers and the bills’ sub-affiliate lines', async () => {
    const answer = await report(who.root.client);
    expect(answer.period).toEqual({ from: '2026-11-01', to: '2026-11-30', timeZone: 'UTC' });
    expect(answer.levels.map((l) => [l.level, l.subAffiliates, l.rows.length])).toEqual([
      [1, 2, 2],
      [2, 1, 1],
      [3, 1, 1],
    ]);
    const members = { 1: ['a', 'a2'], 2: ['b'], 3: ['c'] } as const;
    const lines = await t.deps.db
      .select({ detail: billLines.detail, minor: billLines.amountMinor, kind: billLines.kind })
      .from(billLines)
      .innerJoin(bills, eq(bills.id, billLines.billId))
      .where(eq(bills.partnerId, who.root.id));
    for (const level of answer.levels) {
      const own = await Promise.all(members[level.level as 1 | 2 | 3].map((k) => ownPerformance(who[k].client)));
      const expected = addValues(own.map((v) => Object.fromEntries(answer.metrics.map((m) => [m, v[m]!]))));
      expect(level.values).toEqual(expected);
      const billed = lines
        .filter((l) => l.kind === 'sub_affiliate' && l.detail.level === level.level)
        .reduce((s, l) => s + l.minor, 0);
      expect(billed).toBeGreaterThan(0);
      expect(level.earned).toEqual({ EUR: (billed / 100).toFixed(2) });
      // Each row is the sub-affiliate's own numbers.
      for (const row of level.rows) {
        const key = (Object.keys(who) as Array<keyof typeof who>).find((k) => who[k].id === row.partner.id)!;
        const mine = await ownPerformance(who[key].client);
        for (const m of answer.metrics) expect(row.values[m]).toEqual(mine[m]);
      }
    }
    // A at level 1: 10% of A's own bill, 40% of its 1,250.50 NGR = 500.20 → 50.02.
    const a = answer.levels[0]!.rows.find((r) => r.partner.id === who.a.id)!;
    expect(a.earned).toEqual({ EUR: '50.02' });
    expect(a.values.clicks).toBe(2);
    expect(answer.levels[0]!.rows[0]!.partner.id).toBe(who.a.id); // the active one first
    expect(answer.levels[0]!.rows[1]).toMatchObject({ partner: { id: who.a2.id }, values: { clicks: 0 }, earned: {} });
    expect(answer.totals.subAffiliates).toBe(4);
    expect(answer.totals.values).toEqual(addValues(answer.levels.map((l) => l.values)));
    const all = lines.filter((l) => l.kind === 'sub_affiliate').reduce((s, l) => s + l.minor, 0);
    expect(answer.totals.earned).toEqual({ EUR: (all / 100).toFixed(2) });
  });

  it('shows a sub-affiliate as the sub-affiliates list does, and no more', async () => {
    const answer = await report(who.root.client);
    const list = await unwrap(who.root.client.v1.partner.sub_affiliates.$get({ query: {} }));
    for (const row of answer.levels.flatMap((l) => l.rows)) {
      expect(Object.keys(row.partner).sort()).toEqual(['id', 'name', 'signedUpAt', 'status']);
      const listed = list.data.find((s) => s.id === row.partner.id)!;
      expect(row.partner).toEqual({
        id: listed.id,
        name: listed.name,
        status: listed.status,
        signedUpAt: listed.signedUpAt,
      });
    }
  });

  it('shows a partner only its own subtree, and one outside the tree nothing of it', async () => {
    const fromA = await report(who.a.client);
    expect(fromA.levels.map((l) => [l.level, l.rows.map((r) => r.partner.id)])).toEqual([
      [1, [who.b.id]],
      [2, [who.c.id]],
    ]);
    const outsider = await report(who.o.client);
    expect(outsider.levels).toEqual([]);
    expect(outsider.totals).toMatchObject({ subAffiliates: 0, values: { clicks: 0 }, earned: {} });
    const text = JSON.stringify(outsider);
    for (const k of ['root', 'a', 'a2', 'b', 'c'] as const) expect(text).not.toContain(who[k].id);
  });

  it('the period changes the numbers', async () => {
    const tenDays = { ...november, to: '2026-11-10' };
    const [full, part] = [
      (await report(who.root.client)).levels[0]!,
      (await report(who.root.client, tenDays)).levels[0]!,
    ];
    expect(full.values.clicks).toBe(2);
    expect(part.values.clicks).toBe(1);
    const mine = await ownPerformance(who.a.client, tenDays);
    expect(part.values).toEqual(Object.fromEntries(Object.keys(part.values).map((m) => [m, mine[m]])));
    expect(part.values.depositAmount).not.toEqual(full.values.depositAmount);
    // November's bills start on the 1st: in both; December has no bill and no traffic yet.
    expect(part.earned).toEqual(full.earned);
    const december = await report(who.root.client, { ...november, from: '2026-12-01', to: '2026-12-02' });
    expect(december.levels.map((l) => [l.subAffiliates, l.values.clicks, l.earned])).toEqual([
      [2, 0, {}],
      [1, 0, {}],
      [1, 0, {}],
    ]);
  });

  it('leaves out the metrics the operator hides from partners', async () => {
    await unwrap(
      operator.v1.reports.settings.$put({
        json: { hiddenMetrics: ['ngr', 'clicks'], hiddenGroupings: [], clickRetentionDays: null },
      }),
    );
    try {
      const answer = await report(who.root.client);
      expect(answer.metrics).toEqual(['registrations', 'ftdCount', 'ftdAmount', 'depositCount', 'depositAmount']);
      for (const values of [
        answer.totals.values,
        ...answer.levels.map((l) => l.values),
        ...answer.levels.flatMap((l) => l.rows.map((r) => r.values)),
      ]) {
        expect(values).not.toHaveProperty('ngr');
        expect(values).not.toHaveProperty('clicks');
      }
      expect(answer.levels[0]!.values.registrations).toBe(1);
    } finally {
      await unwrap(
        operator.v1.reports.settings.$put({
          json: { hiddenMetrics: [], hiddenGroupings: [], clickRetentionDays: null },
        }),
      );
    }
  });

  it('one level, and fewer rows than sub-affiliates: the level still sums all of them', async () => {
    const second = await report(who.root.client, { ...november, level: 2 });
    expect(second.levels.map((l) => l.level)).toEqual([2]);
    expect(second.totals.subAffiliates).toBe(1);
    const all = await report(who.root.client);
    expect(second.totals.earned).toEqual(all.levels[1]!.earned);
    const capped = await report(who.root.client, { ...november, limit: 1 });
    expect(capped.rowsPerLevel).toBe(1);
    expect(capped.levels[0]).toMatchObject({ subAffiliates: 2, values: all.levels[0]!.values });
    expect(capped.levels[0]!.rows.map((r) => r.partner.id)).toEqual([who.a.id]);
  });

  it('asks for what it needs: a custom period without its first day is refused, naming the field', async () => {
    const res = await who.root.client.v1.partner.reports.sub_affiliates.$get({
      query: { period: 'custom', to: '2026-11-10' } as never,
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('query.from');
    const defaults = await who.root.client.v1.partner.reports.sub_affiliates.$get({ query: {} });
    expect(defaults.status).toBe(200);
  });
});
