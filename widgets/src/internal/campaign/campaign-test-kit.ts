/**
 * Test-only fixtures for the campaign widgets' browser tests: realistic catalog, creatives,
 * campaigns, promos and conversions as the server sends them, and an API stub answering the
 * read routes (a test's own handler goes first). Nothing outside *.test.ts imports this.
 */
import { json, mockApi, type ApiMock, type Handler } from '../account/account-test-kit.ts';
import type { CampaignDetail, Catalog, Campaign, PlayerEventEntry, Creative, Promo } from './campaign-types.ts';

const at = '2025-03-01T09:00:00.000Z';
export const brandLucky = {
  id: 'brd_lucky',
  name: 'LuckySpin',
  currency: 'EUR',
  websiteUrl: 'https://luckyspin.test',
  visitParam: 'kb_vid',
  fallbackUrl: null,
  createdAt: at,
};
export const brandNorth = { ...brandLucky, id: 'brd_north', name: 'Northwind' };
export const planRev = {
  id: 'pln_rev',
  name: 'RevShare 30%',
  kind: 'revshare' as const,
  isDefault: true,
  supportsSubAffiliates: true,
  individual: false,
  current: {
    effectiveFrom: '2026-01-01',
    terms: { billingPeriod: 'monthly' as const, revshare: { percent: '30', negativeCarryOver: true } },
    summary: {
      en: ['RevShare 30% of NGR, negative balance carried over', 'Billed monthly'],
      ru: ['RevShare 30% от NGR, отрицательный баланс переносится', 'Расчёт ежемесячно'],
    },
  },
  scheduled: [],
};

const landing = (id: string, name: string, audience: 'players' | 'sub_affiliates', brandId = 'brd_lucky') => ({
  id,
  brandId,
  name,
  url: `https://luckyspin.test/${id}`,
  audience,
  language: 'en',
  countries: [],
  createdAt: at,
});

export function catalog(overrides: Partial<Catalog> = {}): Catalog {
  return {
    brands: [brandLucky],
    plans: [planRev],
    landings: [
      landing('lnd_main', 'LuckySpin welcome', 'players'),
      landing('lnd_sports', 'LuckySpin sports', 'players'),
      landing('lnd_sub', 'LuckySpin partner program', 'sub_affiliates'),
      landing('lnd_north', 'Northwind home', 'players', 'brd_north'),
    ],
    trafficSources: [
      { id: 'ts_seo', name: 'SEO' },
      { id: 'ts_social', name: 'Social media' },
    ],
    ...overrides,
  };
}

export function creative(id: string, overrides: Partial<Creative> = {}): Creative {
  return {
    id,
    brandId: 'brd_lucky',
    title: 'Welcome bonus 300x250',
    language: 'en',
    format: 'banner',
    privacy: 'public',
    width: 300,
    height: 250,
    orientation: 'landscape',
    tags: ['welcome', 'casino'],
    assetUrl: 'https://cdn.kabinet.test/luckyspin-300x250.svg',
    createdAt: at,
    ...overrides,
  };
}
export const creatives = (): Creative[] => [
  creative('crv_300'),
  creative('crv_video', {
    brandId: null,
    title: 'Spin teaser',
    format: 'video',
    width: 1280,
    height: 720,
    tags: [],
    assetUrl: 'https://cdn.kabinet.test/teaser.mp4',
  }),
  creative('crv_north', {
    brandId: 'brd_north',
    title: 'Northwind skyscraper',
    width: 160,
    height: 600,
    orientation: 'portrait',
  }),
];

export const SNIPPET =
  '<a href="https://t.kabinet.test/t/abc123" target="_blank" rel="noopener"><img ' +
  'src="https://cdn.kabinet.test/luckyspin-300x250.svg" width="300" height="250" ' +
  'alt="Welcome bonus 300x250"></a>';

export function promo(overrides: Partial<Promo> = {}): Promo {
  return {
    id: 'promo_1',
    campaignId: 'camp_1',
    code: 'abc123',
    trackingLink: 'https://t.kabinet.test/t/abc123',
    title: 'Welcome banner',
    promoCode: 'SUMMER25',
    landing: { id: 'lnd_main', name: 'LuckySpin welcome', url: 'https://luckyspin.test/lnd_main', audience: 'players' },
    creative: {
      id: 'crv_300',
      title: 'Welcome bonus 300x250',
      width: 300,
      height: 250,
      assetUrl: 'https://cdn.kabinet.test/luckyspin-300x250.svg',
      format: 'banner',
    },
    trafficSource: null,
    htmlSnippet: SNIPPET,
    createdAt: at,
    ...overrides,
  };
}

export function campaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: 'camp_1',
    name: 'Summer push',
    status: 'active',
    brand: { id: 'brd_lucky', name: 'LuckySpin' },
    plan: { id: 'pln_rev', name: 'RevShare 30%', kind: 'revshare' },
    promoCount: 2,
    createdAt: at,
    archivedAt: null,
    ...overrides,
  };
}

export function detail(overrides: Partial<CampaignDetail> = {}): CampaignDetail {
  const promos = overrides.promos ?? [
    promo(),
    promo({
      id: 'promo_2',
      code: 'def456',
      trackingLink: 'https://t.kabinet.test/t/def456',
      title: 'Direct to sports',
      promoCode: null,
      creative: null,
      htmlSnippet: null,
      landing: {
        id: 'lnd_sports',
        name: 'LuckySpin sports',
        url: 'https://luckyspin.test/lnd_sports',
        audience: 'players',
      },
      trafficSource: { id: 'ts_seo', name: 'SEO' },
    }),
  ];
  return { ...campaign({ promoCount: promos.length }), promos, ...overrides };
}

export function playerEvent(id: string, overrides: Partial<PlayerEventEntry> = {}): PlayerEventEntry {
  return {
    id,
    type: 'first_deposit',
    playerId: 'player-7781',
    brandId: 'brd_lucky',
    amount: '25.50',
    currency: 'EUR',
    occurredAt: '2025-03-02T10:15:00.000Z',
    campaignId: 'camp_1',
    campaignName: 'Summer push',
    promoId: 'promo_1',
    promoTitle: 'Welcome banner',
    clickId: 'clk_9f2a',
    attributedBy: 'visit_id',
    ...overrides,
  };
}

/** The read routes with the fixtures above; `first` answers before them (return undefined to fall through). */
export function fakeCampaignApi(first: Handler = () => undefined): ApiMock {
  return mockApi(async (request) => {
    const own = await first(request);
    if (own) return own;
    const { method, path } = request;
    if (method !== 'GET') return undefined;
    if (path === '/v1/partner/catalog') return json(catalog());
    if (path === '/v1/partner/creatives') return json({ data: creatives() });
    if (path === '/v1/partner/campaigns')
      return json({
        data:
          request.query.get('status') === 'archived'
            ? [campaign({ id: 'camp_old', name: 'Spring promo', status: 'archived' })]
            : [campaign()],
      });
    if (path === '/v1/partner/campaigns/camp_1') return json(detail());
    return undefined;
  });
}
