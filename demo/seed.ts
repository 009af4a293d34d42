/**
 * Demo data: two operators with their own branding (white-labelling), time zones, brands in
 * several currencies, partner accounts and team members, then traffic, events, postbacks,
 * exchange rates and costs. Ids and the Operator API keys are fixed so the demo pages and the
 * start-up banner can name them; real operators get random ids and keys from the CLI.
 */
import { count } from 'drizzle-orm';
import { withTenant, type StoreContext as ServiceCtx } from '../core/lib/context.ts';
import { createApiKey, createOperator, updateOperator } from '../core/modules/operators/service.ts';
import { createBrand } from '../core/modules/catalog/service.ts';
import { operators } from '../core/modules/operators/table.ts';
import { partners, users } from '../core/modules/identity/table.ts';
import { newId } from '../core/lib/ids.ts';
import { insertMany } from '../core/db/insert-many.ts';
import { hashPassword } from '../core/modules/identity/passwords.ts';
import { newReferralCode } from '../core/modules/identity/sign-up.ts';
import { auditEvents } from '../core/modules/identity/table.ts';
import { seedTracking, type TrackingSeedOptions } from './seed-tracking.ts';
import { seedPostbacks, type SeedDeps } from './seed-postbacks.ts';
import { seedSubAffiliates } from './seed-subaffiliates.ts';
import { DEMO_TRACKER_HOST } from './demo-tracker.ts';
import { seedCosts, seedExchangeRates } from './seed-statistics.ts';
import { seedBills } from './seed-bills.ts';
import { seedWallet } from './seed-wallet.ts';
import { seedCashOuts } from './seed-cash-outs.ts';
import { seedPayments } from './seed-payments.ts';
import { seedReportFavorites } from './seed-report-favorites.ts';
import { seedContacts } from './seed-contacts.ts';
import { seedNews } from './seed-news.ts';
import { seedDocuments } from './seed-documents.ts';
import { seedNotifications } from './seed-notifications.ts';
import { seedStaff } from './seed-staff.ts';
import { seedTerms } from './seed-terms.ts';
import { seedRegistrationFields } from './seed-registration-fields.ts';
import { seedNetworkApi } from './seed-network-api.ts';
import { PENDING_SIGN_UPS, seedPendingSignUps } from './seed-partners.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from './demo-operators.ts';

// The demo's fixed names live in demo-operators.ts (the Worker's demo backend reads them without the seed).
export { DEMO_OPERATORS, DEMO_PASSWORD };

const PARTNER_NAMES = [
  ['SlotHunters Media', 'DE'],
  ['Bonus Radar', 'GB'],
  ['CasinoGuru Lab', 'MT'],
  ['Spin Review Network', 'CA'],
  ['Kazino Obzor', 'KZ'],
  ['Igrovye Avtomaty Top', 'RU'],
  ['Jackpot Junkies', 'IE'],
  ['Reel Deal Traffic', 'US'],
  ['Nordic Odds', 'SE'],
  ['Apuesta Latina', 'MX'],
  ['TradeSignals Pro', 'GB'],
  ['FX Mentor Club', 'AE'],
] as const;
const STATUSES = [
  'active',
  'active',
  'active',
  'pending',
  'active',
  'rejected',
  'active',
  'blocked',
  'active',
  'pending',
  'active',
  'active',
] as const;

/** True when the database has no operator yet (the seed only ever runs on an empty database). */
export async function isDatabaseEmpty(ctx: ServiceCtx): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(operators);
  return (row?.n ?? 0) === 0;
}

export interface DemoSeedOptions extends Partial<TrackingSeedOptions> {
  /** Where the demo partners' postbacks go (the demo tracker of this server). */
  postbackTrackerUrl?: string;
  /**
   * The demo network's base URL on this server (Node and Deno serve it): with it, Lucky Spin gets
   * the "Demo CPA network" connection with its API adapter and leads; without it (Workers), none.
   */
  networkBaseUrl?: string;
}

export async function seedDemo(ctx: SeedDeps, origins: string[], options: DemoSeedOptions = {}): Promise<void> {
  // The demo pages are served by this server, at KABINET_PUBLIC_URL; branding takes absolute URLs.
  const publicUrl = (options.publicUrl ?? 'http://127.0.0.1:8787').replace(/\/+$/, '');
  for (const [index, demo] of DEMO_OPERATORS.entries()) {
    await createOperator(ctx, {
      id: demo.id,
      name: demo.name,
      branding: { ...demo.branding, termsUrl: demo.termsPath ? `${publicUrl}${demo.termsPath}` : null },
      allowedOrigins: origins,
      fallbackUrl: demo.brands[0]!.websiteUrl,
    });
    const tenant = withTenant(ctx, demo.id);
    await updateOperator(tenant, { timeZone: demo.timeZone });
    await createApiKey(tenant, { name: 'Demo key', presetSecret: demo.apiKey });
    for (const brand of demo.brands) {
      await createBrand(tenant, {
        ...brand,
        visitParam: index === 0 ? 'kb_vid' : 'nw_click',
        fallbackUrl: brand.websiteUrl,
      });
    }
    const mine = index === 0 ? PARTNER_NAMES.slice(0, 10) : [...PARTNER_NAMES.slice(10), ...PARTNER_NAMES.slice(8, 10)];
    const now = ctx.clock.now().getTime();
    const partnerRows = mine.map(([name, country], i) => ({
      // The first partner of each operator has fixed ids: the demo signs in and embeds as it.
      id: i === 0 ? demo.partnerId : newId('partner', ctx.clock),
      operatorId: demo.id,
      name,
      company: `${name} Ltd`,
      country,
      status: STATUSES[i] ?? 'active',
      referralCode: i === 0 ? demo.referralCode : newReferralCode(),
      createdAt: new Date(now - (120 - i * 9) * 86_400_000),
    }));
    await insertMany(ctx.db, partners, partnerRows);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const userRows = partnerRows.flatMap((p, i) => {
      const domain = p.name.toLowerCase().replace(/[^a-z]+/g, '') + '.example';
      const locale = p.country === 'RU' || p.country === 'KZ' ? ('ru' as const) : ('en' as const);
      return [
        {
          id: i === 0 ? demo.userId : newId('user', ctx.clock),
          operatorId: demo.id,
          partnerId: p.id,
          email: `owner@${domain}`,
          name: `${p.name} owner`,
          role: 'owner' as const,
          locale,
          ...(i === 0 ? { defaultCurrency: demo.reportCurrency } : {}),
          passwordHash,
          createdAt: p.createdAt,
        },
        ...(i % 3 === 0
          ? [
              {
                id: newId('user', ctx.clock),
                operatorId: demo.id,
                partnerId: p.id,
                email: `analyst@${domain}`,
                name: `${p.name} analyst`,
                role: 'analyst' as const,
                locale,
                passwordHash,
                createdAt: p.createdAt,
              },
            ]
          : []),
      ];
    });
    await insertMany(ctx.db, users, userRows);
    // A little history for the events log: each account's sign-up, approval and first sign-in.
    await insertMany(
      ctx.db,
      auditEvents,
      partnerRows.flatMap((p) => {
        const owner = userRows.find((u) => u.partnerId === p.id && u.role === 'owner')!;
        const at = (days: number) => new Date(p.createdAt.getTime() + days * 86_400_000);
        const event = (
          type: string,
          createdAt: Date,
          actorKind: 'user' | 'operator',
          detail: Record<string, unknown> = {},
        ) => ({
          id: newId('evt', ctx.clock),
          operatorId: demo.id,
          partnerId: p.id,
          userId: owner.id,
          actorKind,
          actorUserId: actorKind === 'user' ? owner.id : null,
          type,
          detail,
          ip: '203.0.113.24',
          createdAt,
        });
        return [
          event('signed_up', at(0), 'user', { country: p.country }),
          ...(p.status === 'active' || p.status === 'blocked'
            ? [
                event('partner_approved', at(1), 'operator', { from: 'pending', to: 'active' }),
                event('signed_in', at(1.2), 'user'),
              ]
            : []),
          ...(p.status === 'rejected'
            ? [event('partner_rejected', at(2), 'operator', { from: 'pending', to: 'rejected' })]
            : []),
          ...(p.status === 'blocked'
            ? [event('partner_blocked', at(40), 'operator', { from: 'active', to: 'blocked' })]
            : []),
        ];
      }),
    );
  }
  // Fresh sign-ups waiting for the operator's decision (the console's Partners panel): see seed-partners.ts.
  await seedPendingSignUps(ctx, {
    operatorId: DEMO_OPERATORS[0]!.id,
    password: DEMO_PASSWORD,
    signUps: PENDING_SIGN_UPS,
  });
  await seedTracking(
    ctx,
    [
      {
        operatorId: DEMO_OPERATORS[0]!.id,
        key: 'luckyspin',
        brands: DEMO_OPERATORS[0]!.brands,
        weekendBoost: 1.35,
        countries: ['DE', 'DE', 'GB', 'CA', 'IE', 'FI', 'NO', 'RU', 'KZ', 'MT'],
      },
      {
        operatorId: DEMO_OPERATORS[1]!.id,
        key: 'northwind',
        brands: DEMO_OPERATORS[1]!.brands,
        weekendBoost: 0.55,
        countries: ['GB', 'AE', 'SG', 'ZA', 'MX', 'DE', 'PL'],
      },
    ],
    {
      publicUrl,
      clicks: options.clicks ?? DEMO_CLICKS,
      ...(options.maxParams ? { maxParams: options.maxParams } : {}),
    },
  );
  await seedSubAffiliates(ctx, options.maxParams ? { maxParams: options.maxParams } : {});
  await seedPostbacks(
    ctx,
    [
      { operatorId: DEMO_OPERATORS[0]!.id, partnerId: DEMO_OPERATORS[0]!.partnerId, currency: 'EUR' },
      { operatorId: DEMO_OPERATORS[1]!.id, partnerId: DEMO_OPERATORS[1]!.partnerId, currency: 'USD' },
    ],
    {
      trackerUrl: options.postbackTrackerUrl ?? `http://${DEMO_TRACKER_HOST}:8787/demo/tracker/postback`,
      ...(options.maxParams ? { maxParams: options.maxParams } : {}),
    },
  );
  // Payment methods of several kinds, and the demo partners' accounts (three kinds each): see seed-payments.ts.
  await seedPayments(ctx);
  // Without maxParams the database is a D1 binding (100 bound parameters a statement), where each
  // saved rate is a round trip: there each currency gets its latest rate only (reports convert at today's).
  await seedExchangeRates(
    ctx,
    DEMO_OPERATORS.map((o) => o.id),
    !options.maxParams,
  );
  // Costs per click (illustrative): casino traffic is cheaper than a broker's.
  for (const [index, demo] of DEMO_OPERATORS.entries())
    await seedCosts(ctx, { operatorId: demo.id, brands: demo.brands, cpcEuros: index === 0 ? 0.4 : 0.9 });
  // Bills for every closed period, reviewed (approved, paid, on hold, cancelled, corrected): see seed-bills.ts.
  // Not over a D1 binding: there the seed keeps each currency's latest rate only, so most bills would wait.
  if (options.maxParams) {
    await seedBills(
      ctx,
      DEMO_OPERATORS.map((o) => o.id),
      { maxParams: options.maxParams },
    );
    // Two balance corrections per demo partner, beside the approved bills: see seed-wallet.ts.
    const wallets = await seedWallet(
      ctx,
      DEMO_OPERATORS.map((o) => ({
        operatorId: o.id,
        partnerId: o.partnerId,
        fallbackCurrency: o.brands[0]!.currency,
      })),
    );
    // A cash-out in every state per demo partner (paid, refunded, cancelled both ways, pending): see seed-cash-outs.ts.
    await seedCashOuts(ctx, wallets);
  }
  await seedReportFavorites(ctx, options.maxParams ? { maxParams: options.maxParams } : {});
  // Contacts and managers; the managers' photos need the file store the edge passes in its deps (absent: initials).
  await seedContacts(ctx);
  // Lucky Spin's console staff (one per role, 2FA on with published demo secrets) and a "Reporting" key: see seed-staff.ts.
  await seedStaff(ctx);
  // Five news articles with generated PNG banners (none without a file store), the newest unread: see seed-news.ts.
  await seedNews(ctx);
  // Partner documents in every state, with real PDF/PNG/JPEG files (none without a file store): see seed-documents.ts.
  await seedDocuments(ctx);
  // Lucky Spin's terms, v1 and the current v2, accepted by every demo user who can sign in (after all users exist,
  // so no demo sign-in meets the accept screen): see seed-terms.ts.
  await seedTerms(ctx);
  // Lucky Spin's extra sign-up fields and the demo partners' answers: see seed-registration-fields.ts.
  await seedRegistrationFields(ctx);
  // The demo CPA network's connection, adapter and leads where this server runs the demo network: see seed-network-api.ts.
  if (options.networkBaseUrl) await seedNetworkApi(ctx, { networkBaseUrl: options.networkBaseUrl });
  // Last: the bells, filled by the operations above; the owners have read all but the last week: see seed-notifications.ts.
  await seedNotifications(ctx);
}

/** Clicks the demo seed generates (about 90 days of traffic); KABINET_SEED_CLICKS overrides it. */
export const DEMO_CLICKS = 200_000;
