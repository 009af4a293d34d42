/**
 * Test-only fixtures for the statistics widgets' browser tests: report options, reports and quick
 * stats as the server sends them, an API stub answering the three routes (a test's own handler goes
 * first), and a stand-in portal providing the api, session, locale and branding contexts. Nothing
 * outside *.test.ts imports this.
 */
import { html } from 'lit';
import { ContextProvider } from '@lit/context';
import { createApiClient } from '../api-client.ts';
import { API, json, makeUser, mockApi, type ApiMock, type Handler } from '../account/account-test-kit.ts';
import {
  anonymousSession,
  apiContext,
  brandingContext,
  localeContext,
  routeContext,
  sessionContext,
} from '../contexts.ts';
import type { SectionRoute } from '../router.ts';
import { createLocaleState, type Locale } from '../i18n.ts';
import { portalConfig } from '../portal-test-kit.ts';
import { afterEach, beforeEach, cleanupFixtures, fixture, waitFor } from '../test-helpers.ts';
import {
  METRICS,
  type CommissionKind,
  type Commissions,
  type QuickPeriod,
  type QuickStats,
  type Report,
  type ReportOptions,
  type ReportRow,
} from './statistics-types.ts';

export const OPTIONS_PATH = '/v1/partner/reports/options';
export const REPORT_PATH = '/v1/partner/reports/performance';
export const QUICK_PATH = '/v1/partner/reports/quick_stats';

export function reportOptions(overrides: Partial<ReportOptions> = {}): ReportOptions {
  // Asserted: the answer's operator-only fields (`partners`) are not every server version's.
  return {
    metrics: [...METRICS],
    groupings: [
      'hour',
      'day',
      'week',
      'month',
      'year',
      'brand',
      'plan',
      'campaign',
      'promo',
      'landing',
      'creative',
      'trafficSource',
      'country',
      'device',
      'os',
      'parameter',
    ],
    timeZone: 'Europe/Berlin',
    defaultCurrency: 'EUR',
    currencies: ['EUR', 'USD'],
    ratesDates: { first: '2026-01-02', last: '2026-11-30' },
    parameters: ['sub1', 'utm_source'],
    brands: [
      { id: 'brd_lucky', name: 'LuckySpin' },
      { id: 'brd_north', name: 'Northwind' },
    ],
    plans: [{ id: 'pln_rev', name: 'RevShare 30%' }],
    campaigns: [
      { id: 'camp_1', name: 'Summer push' },
      { id: 'camp_2', name: 'Spring promo' },
    ],
    promos: [
      { id: 'promo_1', name: 'Welcome banner', campaignId: 'camp_1' },
      { id: 'promo_2', name: 'Direct to sports', campaignId: 'camp_1' },
      { id: 'promo_3', name: 'Spring link', campaignId: 'camp_2' },
    ],
    landings: [{ id: 'lnd_main', name: 'LuckySpin welcome' }],
    trafficSources: [{ id: 'ts_seo', name: 'SEO' }],
    countries: ['DE', 'AT', 'FR'],
    devices: ['desktop', 'mobile'],
    operatingSystems: ['Android', 'iOS', 'Windows'],
    partners: [],
    ...overrides,
  };
}

export const row = (
  key: Record<string, string>,
  values: ReportRow['values'],
  labels: Record<string, string> = {},
): ReportRow => ({ key, labels, values });

export function report(overrides: Partial<Report> = {}): Report {
  const rows = overrides.rows ?? [];
  return {
    period: { from: '2026-11-01', to: '2026-11-30', timeZone: 'Europe/Berlin' },
    groupBy: [],
    metrics: ['clicks', 'registrations'],
    currency: { mode: 'each', currency: null, ratesDate: null, missingRates: [] },
    rows,
    totals: {},
    total: rows.length,
    commissions: null,
    ...overrides,
  };
}

const quickValues = (clicks: number, eur: string, usd?: string): ReportRow['values'] => ({
  clicks,
  registrations: Math.round(clicks / 10),
  ftdCount: Math.round(clicks / 50),
  ftdAmount: usd ? { EUR: eur, USD: usd } : { EUR: eur },
});

export function quickStats(overrides: Partial<QuickStats> = {}): QuickStats {
  return {
    currency: null,
    timeZone: 'Europe/Berlin',
    periods: [
      { period: 'today', from: '2026-11-30', to: '2026-11-30', values: quickValues(120, '50.00'), commissions: null },
      {
        period: 'yesterday',
        from: '2026-11-29',
        to: '2026-11-29',
        values: quickValues(300, '0.00'),
        commissions: null,
      },
      {
        period: 'this_month',
        from: '2026-11-01',
        to: '2026-11-30',
        values: quickValues(4500, '1250.50', '14.00'),
        commissions: {
          byKind: [{ kind: 'cpa', currency: 'EUR', amount: '450.00' }],
          total: [{ currency: 'EUR', amount: '450.00' }],
        },
      },
      {
        period: 'last_month',
        from: '2026-10-01',
        to: '2026-10-31',
        values: quickValues(3900, '980.10'),
        commissions: null,
      },
    ],
    ...overrides,
  };
}

const scaleOf = (amount: string) => amount.split('.')[1]?.length ?? 0;
/** Minor units back to a decimal string with `digits` decimals. */
const decimalOf = ({ minor, digits }: { minor: bigint; digits: number }) => {
  const text = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  return `${minor < 0n ? '-' : ''}${whole}${digits ? `.${text.slice(text.length - digits)}` : ''}`;
};

/**
 * Commissions as the server sends them from `[kind, currency, amount]` parts (amounts with the
 * currency's decimals): by kind, and the totals summed per currency, both sorted by currency.
 */
export function commissions(...parts: Array<[CommissionKind, string, string]>): Commissions {
  const totals = new Map<string, { minor: bigint; digits: number }>();
  for (const [, currency, amount] of parts) {
    const digits = scaleOf(amount);
    const minor = BigInt(amount.replace('.', ''));
    const sum = totals.get(currency);
    totals.set(currency, { minor: (sum?.minor ?? 0n) + minor, digits });
  }
  return {
    byKind: parts
      .map(([kind, currency, amount]) => ({ kind, currency, amount }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    total: [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, sum]) => ({ currency, amount: decimalOf(sum) })),
  };
}

/** An element's text with its spaces and line breaks as one space (no-break spaces kept). */
const spaced = (e: Element | null | undefined) => e?.textContent?.replace(/[ \n\t]+/g, ' ').trim() ?? null;

/**
 * What a report screen's commissions block reads: its state, caption and note, and each currency's
 * card as `name: amount` lines (the kinds, then the total).
 */
export function commissionsShown(el: Element) {
  const block = el.shadowRoot!.querySelector('[part~="commissions"]');
  if (!block) return null;
  const cards = [...block.querySelectorAll('[part~="commission-card"]')].map((card) => [
    card.getAttribute('data-currency'),
    [...card.querySelectorAll('[part~="commission-kind"], [part~="commission-total"]')].map(
      (line) => `${spaced(line.querySelector('dt'))}: ${spaced(line.querySelector('dd'))}`,
    ),
  ]);
  return {
    state: block.getAttribute('data-state'),
    heading: spaced(block.querySelector('[part~="subheading"]')),
    note: spaced(block.querySelector('[part~="commissions-note"]')),
    none: spaced(block.querySelector('[part~="commissions-none"]')),
    cards: Object.fromEntries(cards),
  };
}

/** The quick stats fixture with each period's commissions as given (a period left out: none billed). */
export function quickStatsBilled(byPeriod: Partial<Record<QuickPeriod, Commissions | null>>): QuickStats {
  const base = quickStats();
  const none: Commissions = { byKind: [], total: [] };
  return {
    ...base,
    periods: base.periods.map((p) => ({
      ...p,
      commissions: p.period in byPeriod ? (byPeriod[p.period] ?? null) : none,
    })),
  };
}

/**
 * Answers options, quick stats and the report (`onReport` builds it from the query); `first` answers
 * before them (return undefined to fall through). Unanswered routes get a 404 problem.
 */
export function fakeStatisticsApi(
  onReport: (query: URLSearchParams) => Report = () => report(),
  first: Handler = () => undefined,
  options: ReportOptions = reportOptions(),
): ApiMock {
  return mockApi(async (request) => {
    const own = await first(request);
    if (own) return own;
    if (request.method !== 'GET') return undefined;
    if (request.path === OPTIONS_PATH) return json(options);
    if (request.path === QUICK_PATH) return json(quickStats());
    if (request.path === REPORT_PATH) return json(onReport(request.query));
    return undefined;
  });
}

/** A report request's query as `key=value` pairs in order, lists as sent (commas unescaped). */
export const queryText = (query: URLSearchParams): string => decodeURIComponent(query.toString());

/**
 * Mounts `<tag>` inside a stand-in portal (api, session, locale, the operator's config and, with
 * `route`, the section's place) and waits for its first render.
 */
export async function mountStatistics<E extends HTMLElement>(
  tag: string,
  options: { locale?: Locale; userId?: string; operatorId?: string; route?: SectionRoute } = {},
) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const config = portalConfig();
  const providers = {
    api: new ContextProvider(host, { context: apiContext, initialValue: createApiClient(API) }),
    session: new ContextProvider(host, {
      context: sessionContext,
      initialValue: {
        ...anonymousSession(),
        status: 'signed_in' as const,
        user: makeUser({ id: options.userId ?? 'usr_owner' }),
        expiresAt: '2099-01-01T00:00:00.000Z',
      },
    }),
    locale: new ContextProvider(host, {
      context: localeContext,
      initialValue: createLocaleState(options.locale ?? 'en'),
    }),
    branding: new ContextProvider(host, {
      context: brandingContext,
      initialValue: { ...config, operator: { ...config.operator, id: options.operatorId ?? config.operator.id } },
    }),
    route: new ContextProvider(host, { context: routeContext, initialValue: options.route }),
  };
  const el = document.createElement(tag) as E;
  host.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { el, host, providers };
}

/** Waits until `count` requests went to `path`, and returns them. */
export async function sentTo(api: ApiMock, path: string, count: number) {
  await waitFor(() => api.sent(`GET ${path}`).length >= count, 2000, `${count} request(s) to ${path}`);
  return api.sent(`GET ${path}`);
}

/**
 * A stand-in for the portal's address of one section: `go` records each move and hands the new
 * place back through `provider` as the portal does; `back()` plays the browser's Back.
 */
export function fakeAddress(section: string, query = '') {
  const moves: Array<{ query: string; replace: boolean }> = [];
  const history = [query];
  let provider: ContextProvider<typeof routeContext> | null = null;
  const place = (q: string): SectionRoute => ({
    route: { section, path: [], query: q },
    go: (_path, options) => {
      const next = options?.query ?? '';
      moves.push({ query: next, replace: options?.replace ?? false });
      if (options?.replace) history[history.length - 1] = next;
      else history.push(next);
      provider?.setValue(place(next));
    },
  });
  return {
    moves,
    route: place(query),
    attach(p: ContextProvider<typeof routeContext>) {
      provider = p;
    },
    back() {
      history.pop();
      provider?.setValue(place(history.at(-1) ?? ''));
    },
  };
}

/**
 * Mounts `<tag>` as the portal's `section` at the address `query` (`fakeAddress`: moves recorded, Back
 * played), and waits until `shown` is in its shadow root.
 */
export async function mountAddressed<E extends HTMLElement>(
  tag: string,
  section: string,
  query: string,
  shown: string,
) {
  const address = fakeAddress(section, query);
  const { el, providers } = await mountStatistics<E>(tag, { route: address.route });
  address.attach(providers.route);
  await waitFor(() => el.shadowRoot?.querySelector(shown), 2000, shown);
  return { el, address };
}

/**
 * For a suite: storage and fixtures cleared around each test, and the test's API stub restored after
 * it (`const stub = eachTestApi();` then, in a test, `const api = stub(fakeStatisticsApi(answer));`).
 */
export function eachTestApi(): <M extends ApiMock>(mock: M) => M {
  let current: ApiMock | null = null;
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    current?.restore();
    current = null;
    cleanupFixtures();
    localStorage.clear();
  });
  return (mock) => {
    current = mock;
    return mock;
  };
}
