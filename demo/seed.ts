/**
 * Demo data: two operators with their own branding (white-labelling), brands, partner accounts
 * and team members. Ids and the Operator API keys are fixed so the demo pages and the start-up
 * banner can name them; real operators get random ids and keys from the CLI.
 */
import { count } from 'drizzle-orm';
import type { ServiceCtx } from '../core/modules/operators/service.ts';
import { createApiKey, createOperator } from '../core/modules/operators/service.ts';
import { createBrand } from '../core/modules/catalog/service.ts';
import { operators } from '../core/modules/operators/table.ts';
import { partners, users } from '../core/modules/partners/table.ts';
import { newId } from '../core/lib/ids.ts';
import { insertMany } from '../core/db/insert-many.ts';

export const DEMO_OPERATORS = [
  {
    id: 'op_demo_luckyspin',
    name: 'Lucky Spin',
    apiKey: 'sk_demo_luckyspin_0000000000000000000000000000',
    path: '/',
    branding: { displayName: 'Lucky Spin Partners', primaryColor: '#7c3aed', accentColor: '#f5b301', theme: 'dark' as const, supportEmail: 'partners@luckyspin.example', logoUrl: null },
    brands: [
      { id: 'brand_demo_ls_casino', name: 'Lucky Spin Casino', currency: 'EUR', websiteUrl: 'https://casino.luckyspin.example' },
      { id: 'brand_demo_ls_sport', name: 'Lucky Spin Sport', currency: 'EUR', websiteUrl: 'https://sport.luckyspin.example' },
      { id: 'brand_demo_ls_crypto', name: 'Lucky Spin Crypto', currency: 'USDT', websiteUrl: 'https://crypto.luckyspin.example' },
    ],
  },
  {
    id: 'op_demo_northwind',
    name: 'Northwind Markets',
    apiKey: 'sk_demo_northwind_0000000000000000000000000000',
    path: '/northwind/',
    branding: { displayName: 'Northwind Partners', primaryColor: '#0f766e', accentColor: '#1e3a8a', theme: 'light' as const, supportEmail: 'ib@northwind.example', logoUrl: null },
    brands: [
      { id: 'brand_demo_nw_fx', name: 'Northwind FX', currency: 'USD', websiteUrl: 'https://fx.northwind.example' },
      { id: 'brand_demo_nw_crypto', name: 'Northwind Crypto', currency: 'BTC', websiteUrl: 'https://crypto.northwind.example' },
    ],
  },
];

const PARTNER_NAMES = [
  ['SlotHunters Media', 'DE'], ['Bonus Radar', 'GB'], ['CasinoGuru Lab', 'MT'], ['Spin Review Network', 'CA'],
  ['Kazino Obzor', 'KZ'], ['Igrovye Avtomaty Top', 'RU'], ['Jackpot Junkies', 'IE'], ['Reel Deal Traffic', 'US'],
  ['Nordic Odds', 'SE'], ['Apuesta Latina', 'MX'], ['TradeSignals Pro', 'GB'], ['FX Mentor Club', 'AE'],
] as const;
const STATUSES = ['active', 'active', 'active', 'pending', 'active', 'rejected', 'active', 'blocked', 'active', 'pending', 'active', 'active'] as const;

/** True when the database has no operator yet (the seed only ever runs on an empty database). */
export async function isDatabaseEmpty(ctx: ServiceCtx): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(operators);
  return (row?.n ?? 0) === 0;
}

export async function seedDemo(ctx: ServiceCtx, origins: string[]): Promise<void> {
  for (const [index, demo] of DEMO_OPERATORS.entries()) {
    await createOperator(ctx, { id: demo.id, name: demo.name, branding: demo.branding, allowedOrigins: origins });
    await createApiKey(ctx, demo.id, 'Demo key', demo.apiKey);
    for (const brand of demo.brands) {
      await createBrand(ctx, demo.id, { ...brand, visitParam: index === 0 ? 'kb_vid' : 'nw_click', fallbackUrl: brand.websiteUrl });
    }
    const mine = PARTNER_NAMES.filter((_, i) => (index === 0 ? i < 10 : i >= 8));
    const now = ctx.clock.now().getTime();
    const partnerRows = mine.map(([name, country], i) => ({
      id: newId('partner', ctx.clock),
      operatorId: demo.id,
      name,
      company: `${name} Ltd`,
      country,
      status: STATUSES[i] ?? 'active',
      createdAt: new Date(now - (120 - i * 9) * 86_400_000),
    }));
    await insertMany(ctx.db, partners, partnerRows);
    await insertMany(ctx.db, users, partnerRows.flatMap((p, i) => {
      const domain = p.name.toLowerCase().replace(/[^a-z]+/g, '') + '.example';
      return [
        { id: newId('user', ctx.clock), operatorId: demo.id, partnerId: p.id, email: `owner@${domain}`, name: `Owner of ${p.name}`, role: 'owner' as const, locale: p.country === 'RU' || p.country === 'KZ' ? 'ru' : 'en', createdAt: p.createdAt },
        ...(i % 3 === 0 ? [{ id: newId('user', ctx.clock), operatorId: demo.id, partnerId: p.id, email: `analyst@${domain}`, name: `Analyst at ${p.name}`, role: 'analyst' as const, locale: 'en', createdAt: p.createdAt }] : []),
      ];
    }));
  }
}
