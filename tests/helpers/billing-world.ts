/**
 * A world to bill: an operator with a brand, a hybrid plan (CPA + RevShare) whose first version
 * lies in the past, several partners each with a campaign and promo code on it, and players whose
 * events (registration, first deposit, NGR) are dated in closed periods. `expected` is what the
 * bills must add up to, worked out here from the events alone (no billing code), so a doubled or
 * lost bill shows as a wrong total.
 */
import type { Db } from '../../core/db/client.ts';
import { createApp } from '../../core/http/app.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { createOutbox } from '../../core/jobs/outbox.ts';
import { manualClock } from '../../core/lib/clock.ts';
import { withTenant } from '../../core/lib/context.ts';
import { createSecretBox } from '../../core/lib/crypto.ts';
import { periodHolding } from '../../core/modules/billing/periods.ts';
import { createApiKey, createOperator } from '../../core/modules/operators/service.ts';
import { createGroupCommitWriter } from '../../core/modules/tracking/click-writer.ts';
import { createTrackingDeps } from '../../core/modules/tracking/tracking-deps.ts';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { createGuardedOutbound } from '../../edge/outbound-http.ts';
import { activePartner, signedInClient } from './identity.ts';
import type { createTestApp } from './test-app.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
/** What seeding needs of a test app: its clock, clients, deps and a way to add an operator. */
export type SeedApp = Pick<TestApp, 'clock' | 'clientFor' | 'deps' | 'fetchApp' | 'addOperator'>;

const DAY = 86_400_000;

/**
 * An in-process app (with a clock the test sets) over any database, D1 among them: for seeding a
 * database another runtime then serves (workerd through Miniflare).
 */
export async function seedAppOn(db: Db, start: Date): Promise<SeedApp> {
  const clock = manualClock(start);
  const deps: AppDeps = {
    db,
    clock,
    jobs: createOutbox(db, clock),
    runtime: 'node',
    version: 'test',
    secretBox: await createSecretBox('test-secret-0123456789abcdef-0123456789'),
    mailTransport: null,
    publicUrl: 'http://kabinet.test',
    demoMailbox: true,
    outbound: createGuardedOutbound(),
    tracking: createTrackingDeps(db, clock, { writer: createGroupCommitWriter(db) }),
    clientIp: (c) => c.req.header('x-test-ip') ?? '192.0.2.1',
  };
  const app = createApp(deps);
  const fetchApp = ((input: RequestInfo | URL, init?: RequestInit) =>
    app.request(input instanceof Request ? input : String(input), init)) as typeof fetch;
  const clientFor = (secretKey?: string) =>
    createKabinetClient('http://kabinet.test', { ...(secretKey ? { secretKey } : {}), fetch: fetchApp });
  async function addOperator(name: string, origins: string[] = []) {
    const operator = await createOperator(deps, { name, allowedOrigins: origins });
    const key = await createApiKey(withTenant(deps, operator.id));
    return { operator, key: key.secret, client: clientFor(key.secret) };
  }
  return { clock, clientFor, deps, fetchApp, addOperator } as unknown as SeedApp;
}

export interface BillingWorldOptions {
  /** Distinguishes operators, e-mails and promo codes of several worlds in one database. */
  name: string;
  billingPeriod: 'daily' | 'weekly' | 'monthly';
  partners: number;
  playersPerPartner: number;
  /** The plan's first version starts this many days before now (UTC). */
  planDaysAgo: number;
  /** Players register between these many days ago (first) and (last). */
  firstDayAgo: number;
  lastDayAgo: number;
  /** Sends the events (default: through the seeding app's own API). */
  sendEvents?: (operatorKey: string, events: unknown[]) => Promise<void>;
}

export interface BillingWorld {
  operatorId: string;
  operatorKey: string;
  brandId: string;
  planId: string;
  partners: Array<{ partnerId: string; promoCode: string }>;
  events: number;
  /** Players who made a first deposit (each qualifies once). */
  qualifying: number;
  expected: {
    /** Bills per partner: one per period with activity. */
    bills: Map<string, number>;
    /** The sum of the partner's bills, minor units of EUR. */
    issuedMinor: Map<string, number>;
    /** Per partner and period start: the bill's amount. */
    perPeriod: Map<string, number>;
  };
}

export const CPA_MINOR = 50_00;
export const REVSHARE_PERCENT = 25;

const at = (daysAgo: number, hour: number) => {
  const day = new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00Z`;
};

export async function seedBillingWorld(t: SeedApp, o: BillingWorldOptions): Promise<BillingWorld> {
  // The plan's first version is the operator's today at the seeding clock: put that in the past.
  t.clock.set(new Date(Date.now() - o.planDaysAgo * DAY));
  const op = await t.addOperator(`Billing ${o.name}`);
  const brandId = (
    await unwrap(
      op.client.v1.brands.$post({
        json: { name: `Casino ${o.name}`, currency: 'EUR', websiteUrl: 'https://casino.example' },
      }),
    )
  ).id;
  const landing = await unwrap(
    op.client.v1.landings.$post({
      json: { brandId, name: 'Home', url: 'https://casino.example/', audience: 'players', language: 'en' },
    }),
  );
  const plan = await unwrap(
    op.client.v1.plans.$post({
      json: {
        name: 'Hybrid',
        terms: {
          billingPeriod: o.billingPeriod,
          cpa: { amounts: [{ amount: (CPA_MINOR / 100).toFixed(2), currency: 'EUR' }] },
          revshare: { percent: String(REVSHARE_PERCENT), negativeCarryOver: false },
        },
        isDefault: true,
      },
    }),
  );
  const partners: BillingWorld['partners'] = [];
  for (let i = 0; i < o.partners; i++) {
    const email = `p${i}.${o.name.toLowerCase()}@example.com`;
    const { partnerId } = await activePartner(t as TestApp, op.operator.id, email);
    const partner = (await signedInClient(t as TestApp, op.operator.id, email)).client;
    const campaignId = (
      await unwrap(partner.v1.partner.campaigns.$post({ json: { name: 'Main', brandId, planId: plan.id } }))
    ).id;
    const promoCode = `${o.name.toUpperCase()}${i}`;
    await unwrap(
      partner.v1.partner.campaigns[':campaignId'].promos.$post({
        param: { campaignId },
        json: { landingId: landing.id, title: 'Code', promoCode },
      }),
    );
    partners.push({ partnerId, promoCode });
  }

  // Player j of partner i registers and deposits on one day, and has NGR that day and two days
  // later. NGR amounts are multiples of 4.00 EUR, so 25% of any sum of them is a whole number of cents.
  const span = o.firstDayAgo - o.lastDayAgo + 1;
  const events: unknown[] = [];
  const bills = new Map<string, number>();
  const issuedMinor = new Map<string, number>();
  const perPeriod = new Map<string, number>();
  const periods = new Map<string, { ftd: number; ngr: number }>();
  // The plan's first version starts on that day: a period it starts inside is billed from there.
  const versionDay = new Date(Date.now() - o.planDaysAgo * DAY).toISOString().slice(0, 10);
  const periodOf = (partnerId: string, iso: string) => {
    const start = periodHolding(o.billingPeriod, iso.slice(0, 10)).start;
    const key = `${partnerId}|${start < versionDay ? versionDay : start}`;
    const found = periods.get(key) ?? { ftd: 0, ngr: 0 };
    periods.set(key, found);
    return found;
  };
  let qualifying = 0;
  partners.forEach(({ partnerId, promoCode }, i) => {
    for (let j = 0; j < o.playersPerPartner; j++) {
      const daysAgo = o.firstDayAgo - ((i * 7 + j * 5) % span);
      const player = `${o.name}-${i}-${j}`;
      const base = { playerId: player, brand: brandId, promoCode };
      events.push({ ...base, id: `${player}-r`, type: 'registration', occurredAt: at(daysAgo, 9) });
      // Every fourth player never deposits: registered, but never qualified or billed.
      if (j % 4 === 3) continue;
      qualifying += 1;
      const ftdAt = at(daysAgo, 10);
      events.push({
        ...base,
        id: `${player}-d`,
        type: 'first_deposit',
        occurredAt: ftdAt,
        amount: '20',
        currency: 'EUR',
      });
      periodOf(partnerId, ftdAt).ftd += 1;
      const ngr: Array<[string, number]> = [
        [at(daysAgo, 12), 4_00 * (1 + ((i + j) % 5))],
        [at(Math.max(o.lastDayAgo, daysAgo - 2), 15), 8_00],
      ];
      ngr.forEach(([occurredAt, minor], k) => {
        events.push({
          ...base,
          id: `${player}-n${k}`,
          type: 'ngr',
          occurredAt,
          amount: (minor / 100).toFixed(2),
          currency: 'EUR',
        });
        periodOf(partnerId, occurredAt).ngr += minor;
      });
    }
  });
  for (const [key, { ftd, ngr }] of periods) {
    const partnerId = key.split('|')[0]!;
    const amount = ftd * CPA_MINOR + (Math.max(0, ngr) * REVSHARE_PERCENT) / 100;
    perPeriod.set(key, amount);
    bills.set(partnerId, (bills.get(partnerId) ?? 0) + 1);
    issuedMinor.set(partnerId, (issuedMinor.get(partnerId) ?? 0) + amount);
  }

  // The events arrive now (their received time is the seeding clock's).
  t.clock.set(new Date());
  const send =
    o.sendEvents ??
    (async (_key: string, batch: unknown[]) => {
      const answer = await unwrap(op.client.v1.events.$post({ json: { events: batch } }));
      const refused = (answer as { results?: Array<{ status: string }> }).results?.filter(
        (r) => r.status === 'rejected',
      );
      if (refused?.length) throw new Error(`events refused: ${JSON.stringify(refused)}`);
    });
  for (let i = 0; i < events.length; i += 1000) await send(op.key, events.slice(i, i + 1000));
  return {
    operatorId: op.operator.id,
    operatorKey: op.key,
    brandId,
    planId: plan.id,
    partners,
    events: events.length,
    qualifying,
    expected: { bills, issuedMinor, perPeriod },
  };
}
