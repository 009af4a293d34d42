/**
 * Demo data: two operators with their own branding (white-labelling), brands, partner accounts
 * and team members. Ids and the Operator API keys are fixed so the demo pages and the start-up
 * banner can name them; real operators get random ids and keys from the CLI.
 */
import { count } from 'drizzle-orm';
import { withTenant, type StoreContext as ServiceCtx } from '../core/lib/context.ts';
import { createApiKey, createOperator } from '../core/modules/operators/service.ts';
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
import { DEMO_TRACKER_HOST } from './demo-tracker.ts';

/** Every demo partner user signs in with this password (demo data only). */
export const DEMO_PASSWORD = 'kabinet-demo-2026';

export const DEMO_OPERATORS = [
  {
    id: 'op_demo_luckyspin',
    name: 'Lucky Spin',
    apiKey: 'sk_demo_luckyspin_0000000000000000000000000000',
    partnerId: 'partner_demo_ls_slothunters',
    userId: 'user_demo_ls_owner',
    signInEmail: 'owner@slothuntersmedia.example',
    referralCode: 'SLOTHUNT',
    path: '/',
    /** Lucky Spin publishes terms (demo/site/terms/), so its sign-up asks to accept them; Northwind has none. */
    termsPath: '/terms/' as string | null,
    branding: {
      displayName: 'Lucky Spin Partners',
      primaryColor: '#7c3aed',
      accentColor: '#f5b301',
      theme: 'dark' as const,
      supportEmail: 'partners@luckyspin.example',
      logoUrl: null,
    },
    brands: [
      {
        id: 'brand_demo_ls_casino',
        name: 'Lucky Spin Casino',
        currency: 'EUR',
        websiteUrl: 'https://casino.luckyspin.example',
      },
      {
        id: 'brand_demo_ls_sport',
        name: 'Lucky Spin Sport',
        currency: 'EUR',
        websiteUrl: 'https://sport.luckyspin.example',
      },
      {
        id: 'brand_demo_ls_crypto',
        name: 'Lucky Spin Crypto',
        currency: 'USDT',
        websiteUrl: 'https://crypto.luckyspin.example',
      },
    ],
  },
  {
    id: 'op_demo_northwind',
    name: 'Northwind Markets',
    apiKey: 'sk_demo_northwind_0000000000000000000000000000',
    partnerId: 'partner_demo_nw_tradesignals',
    userId: 'user_demo_nw_owner',
    signInEmail: 'owner@tradesignalspro.example',
    referralCode: 'TRADESIG',
    path: '/northwind/',
    termsPath: null as string | null,
    branding: {
      displayName: 'Northwind Partners',
      primaryColor: '#0f766e',
      accentColor: '#1e3a8a',
      theme: 'light' as const,
      supportEmail: 'ib@northwind.example',
      logoUrl: null,
    },
    brands: [
      { id: 'brand_demo_nw_fx', name: 'Northwind FX', currency: 'USD', websiteUrl: 'https://fx.northwind.example' },
      {
        id: 'brand_demo_nw_crypto',
        name: 'Northwind Crypto',
        currency: 'BTC',
        websiteUrl: 'https://crypto.northwind.example',
      },
    ],
  },
];

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
  await seedTracking(
    ctx,
    [
      {
        operatorId: DEMO_OPERATORS[0]!.id,
        key: 'luckyspin',
        brandIds: DEMO_OPERATORS[0]!.brands.map((b) => b.id),
        currency: 'EUR',
        weekendBoost: 1.35,
        countries: ['DE', 'DE', 'GB', 'CA', 'IE', 'FI', 'NO', 'RU', 'KZ', 'MT'],
      },
      {
        operatorId: DEMO_OPERATORS[1]!.id,
        key: 'northwind',
        brandIds: DEMO_OPERATORS[1]!.brands.map((b) => b.id),
        currency: 'USD',
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
}

/** Clicks the demo seed generates (about 90 days of traffic); KABINET_SEED_CLICKS overrides it. */
export const DEMO_CLICKS = 200_000;
