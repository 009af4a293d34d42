/**
 * No section is ever wider than the page, and every action button stays in view: each section
 * (and the operator console) mounted with long, realistic data (the longest Russian labels, long
 * e-mails and URLs) at a 390 and a 1440 px viewport, and at every width in between (its box narrowed
 * in 32 px steps), in English and Russian. The section sits in 41 px of padding each side, as in
 * the demo portal (308 px wide at 390 px).
 *
 * This file lives in sections/ because it imports the components; internal/ may import none
 * (tests/widget-boundaries.test.ts).
 */
import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { validatePostbackTemplate } from '../../../core/modules/postbacks/template.ts';
import { define } from '../internal/base-element.ts';
import type { Locale } from '../internal/i18n.ts';
import {
  afterEach,
  beforeEach,
  cleanupFixtures,
  describe,
  fixture,
  it,
  jsonResponse,
  stubFetch,
  waitFor,
  type FetchStub,
} from '../internal/test-helpers.ts';
import {
  json,
  makeUser,
  mockApi,
  mountSection,
  type ApiMock,
  type Handler,
} from '../internal/account/account-test-kit.ts';
import type { ActivityEntry, Member, Profile, SessionInfo } from '../internal/account/account-types.ts';
import { formHost, portalConfig } from '../internal/portal-test-kit.ts';
import type { ContextProvider } from '@lit/context';
import type { brandingContext } from '../internal/contexts.ts';
import { campaign, detail, fakeCampaignApi, playerEvent, promo } from '../internal/campaign/campaign-test-kit.ts';
import { attempt, fakePostbackApi, postback } from '../internal/postback/postback-test-kit.ts';
import { KbProgram } from '../components/kb-program/kb-program.ts';
import { KbProfile } from '../components/kb-profile/kb-profile.ts';
import { KbSecurity } from '../components/kb-security/kb-security.ts';
import { KbTeam } from '../components/kb-team/kb-team.ts';
import { KbActivity } from '../components/kb-activity/kb-activity.ts';
import { KbApiDocs } from '../components/kb-api-docs/kb-api-docs.ts';
import { KbSubaffiliates, type SubAffiliate } from '../components/kb-subaffiliates/kb-subaffiliates.ts';
import { KbCampaigns } from '../components/kb-campaigns/kb-campaigns.ts';
import { KbCampaignDetail } from '../components/kb-campaign-detail/kb-campaign-detail.ts';
import { KbCreatives } from '../components/kb-creatives/kb-creatives.ts';
import { KbConversions } from '../components/kb-conversions/kb-conversions.ts';
import { KbPostbacks } from '../components/kb-postbacks/kb-postbacks.ts';
import { KbPostbackEditor } from '../components/kb-postback-editor/kb-postback-editor.ts';
import { KbPostbackLog } from '../components/kb-postback-log/kb-postback-log.ts';
import {
  KbNetworkConnections,
  NETWORK_CONSOLE_PARTS,
} from '../components/kb-network-connections/kb-network-connections.ts';
import type {
  Connection,
  NetworkEntry,
  NetworkOffer,
  OperatorConversion,
} from '../components/kb-network-connections/network-types.ts';
import type { PartnerConversion } from '../components/kb-conversions/statuses-view.ts';
import { KbDashboard } from '../components/kb-dashboard/kb-dashboard.ts';
import { KbBills } from '../components/kb-bills/kb-bills.ts';
import type { Bill, BillDetail } from '../components/kb-bills/bill-format.ts';
import { KbBillsConsole } from '../components/kb-bills-console/kb-bills-console.ts';
import { KbReports } from '../components/kb-reports/kb-reports.ts';
import { KbReportFavorites } from '../components/kb-report-favorites/kb-report-favorites.ts';
import { KbStatsChart } from '../internal/statistics/kb-stats-chart.ts';
import {
  fakeStatisticsApi,
  reportOptions,
  report as statsReport,
  row as statsRow,
} from '../internal/statistics/statistics-test-kit.ts';
import type { Report } from '../internal/statistics/statistics-types.ts';

define('kb-program', KbProgram);
define('kb-profile', KbProfile);
define('kb-security', KbSecurity);
define('kb-team', KbTeam);
define('kb-activity', KbActivity);
define('kb-api-docs', KbApiDocs);
define('kb-subaffiliates', KbSubaffiliates);
define('kb-campaigns', KbCampaigns);
define('kb-campaign-detail', KbCampaignDetail);
define('kb-creatives', KbCreatives);
define('kb-conversions', KbConversions);
define('kb-postbacks', KbPostbacks);
define('kb-postback-editor', KbPostbackEditor);
define('kb-postback-log', KbPostbackLog);
define('kb-network-connections', KbNetworkConnections);
for (const [tag, ctor] of NETWORK_CONSOLE_PARTS) define(tag, ctor);
define('kb-stats-chart', KbStatsChart);
define('kb-dashboard', KbDashboard);
define('kb-reports', KbReports);
define('kb-report-favorites', KbReportFavorites);
define('kb-bills', KbBills);
define('kb-bills-console', KbBillsConsole);

// ---------------------------------------------------------------------------------------------
// Long, realistic data.

const LONG_EMAIL = 'konstantin.velikorusskiy-bogdanovich@partnerskaya-set-affiliate-marketing.example';
const LONG_URL =
  'https://tracker.very-long-affiliate-tracking-domain.example/postback/receive?click_id=${visit_id}&promo=${promo_id}&amount=${amount}&currency=${currency}&status=approved&source=kabinet';
const SENT_URL =
  'https://tracker.very-long-affiliate-tracking-domain.example/postback/receive?click_id=kbv_01JB3Z8Q4W2M9X7T5R6Y&promo=promo_01JB3Z8Q4W2M9X7T5R6Y&amount=1250.10&currency=EUR&status=approved';
const LONG_CAMPAIGN = 'Летняя кампания для скандинавских рынков — казино и ставки на спорт';
const LONG_PROMO = 'Баннер «Приветственный бонус 300 %» для мобильного трафика из Telegram';
const IPV6 = '2001:0db8:85a3:0000:0000:8a2e:0370:7334';

const member = (id: string, role: Member['role'], overrides: Partial<Member> = {}): Member =>
  makeUser({
    id,
    role,
    email: `${id.replace('usr_', '')}.${LONG_EMAIL}`,
    name: 'Константин Великорусский-Богданович',
    ...overrides,
  });
const TEAM: Member[] = [
  makeUser(),
  member('usr_admin', 'admin', { twoFactorEnabled: true }),
  member('usr_analyst', 'analyst', { locked: true, blocked: true }),
  member('usr_finance', 'finance', { locked: true, lastSignInAt: null }),
  member('usr_newcomer', 'analyst', { lastSignInAt: null }),
];

const session = (id: string, overrides: Partial<SessionInfo> = {}): SessionInfo => ({
  id,
  kind: 'password',
  device: 'Yandex Browser 24.1 on Windows 11 Pro',
  browser: 'Яндекс Браузер 24.1',
  os: 'Windows 11 Pro',
  deviceType: null,
  ip: IPV6,
  createdAt: '2025-03-01T09:30:00.000Z',
  lastSeenAt: '2025-03-02T10:00:00.000Z',
  expiresAt: '2025-04-01T09:30:00.000Z',
  current: false,
  ...overrides,
});
const SESSIONS = [
  session('ses_1', { current: true, browser: 'Chrome 131', os: 'macOS Sonoma' }),
  session('ses_2', { kind: 'embed' }),
  session('ses_3', { browser: 'Samsung Internet for Android 26', os: 'Android 14', deviceType: 'mobile' }),
];
const PROFILE: Profile = {
  user: makeUser({ email: LONG_EMAIL }),
  partner: {
    id: 'prt_1',
    name: 'Партнёрская сеть «Великорусский и партнёры»',
    company: 'ООО «Партнёрская сеть аффилиат-маркетинга»',
    country: 'RU',
    status: 'active',
    referralCode: 'VELIKORUSSKIY2025',
  },
  messenger: null,
  phone: null,
  defaultCurrency: 'EUR',
  emailPreferences: { news: true, reports: true, payments: true, security: true },
};

const activity = (id: string, type: ActivityEntry['type'], overrides: Partial<ActivityEntry> = {}): ActivityEntry => ({
  id,
  type,
  actor: { kind: 'user', id: 'usr_owner', email: LONG_EMAIL },
  subject: { id: 'usr_analyst', email: `analyst.${LONG_EMAIL}` },
  detail: {},
  ip: IPV6,
  createdAt: '2025-03-02T10:15:00.000Z',
  ...overrides,
});
const EVENTS: ActivityEntry[] = [
  activity('evt_4', 'member_role_changed', { detail: { from: 'analyst', to: 'admin', note: SENT_URL } }),
  activity('evt_3', 'sign_in_failed', {
    actor: { kind: 'system', id: null, email: null },
    detail: { reason: 'two_factor', action: 'disable', failures: 2 },
  }),
  activity('evt_2', 'partner_approved', {
    actor: { kind: 'operator', id: null, email: null },
    subject: { id: null, email: null },
    ip: null,
  }),
  activity('evt_1', 'user_locked', { actor: { kind: 'system', id: null, email: null } }),
];

const POSTBACKS = [
  postback('pb_account', { url: LONG_URL }),
  postback('pb_campaign', {
    scope: 'campaign',
    campaignId: 'camp_1',
    action: 'registration',
    method: 'POST',
    bodyFormat: 'json',
    url: LONG_URL,
  }),
  postback('pb_promo', {
    scope: 'promo',
    campaignId: 'camp_1',
    promoId: 'promo_01M8TMJZYTRTF813M2E27VDZD7',
    action: 'qualification',
    enabled: false,
    url: `${LONG_URL}&cid=\${clickID}`,
    warnings: validatePostbackTemplate(`${LONG_URL}&cid=\${clickID}`, { scope: 'promo' }).filter(
      (p) => p.severity === 'warning',
    ),
  }),
];
const ATTEMPTS = [
  attempt('pba_4', {
    isTest: true,
    url: SENT_URL,
    campaignName: LONG_CAMPAIGN,
    promoCode: 'VELIKORUSSKIY-SUMMER-2025',
  }),
  attempt('pba_3', {
    responseCode: null,
    error: 'connection refused by tracker.very-long-affiliate-tracking-domain.example:443',
    url: SENT_URL,
    campaignName: LONG_CAMPAIGN,
  }),
  attempt('pba_2', { responseCode: 503, durationMs: 15300, method: 'POST', url: SENT_URL }),
];

const CAMPAIGNS = [
  campaign({ name: LONG_CAMPAIGN, promoCount: 12 }),
  campaign({ id: 'camp_2', name: 'Spring promo for the Nordic markets (casino, sports betting)' }),
  campaign({ id: 'camp_3', name: LONG_CAMPAIGN, status: 'archived' }),
];
const PLAYER_EVENTS = [
  playerEvent('evt_1', {
    playerId: 'player-01JB3Z8Q4W2M9X7T5R6Y-velikorusskiy',
    campaignName: LONG_CAMPAIGN,
    promoTitle: LONG_PROMO,
    clickId: 'kbv_01JB3Z8Q4W2M9X7T5R6Y8P0N',
    amount: '125000.50',
  }),
  playerEvent('evt_2', { type: 'registration', amount: null, currency: null }),
];
const reported = (id: string, overrides: Partial<PartnerConversion> = {}): PartnerConversion => ({
  id,
  source: 'network',
  status: 'approve',
  payout: '1250.10',
  currency: 'USD',
  clickId: 'kbv_01JB3Z8Q4W2M9X7T5R6Y8P0N',
  externalId: 'order-2025-03-02-00012345-velikorusskiy',
  campaignId: 'camp_1',
  campaignName: LONG_CAMPAIGN,
  promoId: 'promo_1',
  promoTitle: LONG_PROMO,
  reason: null,
  comment: null,
  createdAt: '2025-03-02T10:15:00.000Z',
  updatedAt: '2025-03-03T08:30:00.000Z',
  ...overrides,
});
const REPORTED = [
  reported('cv_3'),
  reported('cv_2', { status: 'cancel', reason: 'Дубликат заказа: тот же игрок и та же сумма в течение суток' }),
  reported('cv_1', { source: 'tracker', status: 'hold', payout: null, currency: null }),
];

const campaignRoutes: Handler = ({ method, path }) => {
  if (method !== 'GET') return undefined;
  if (path === '/v1/partner/campaigns') return json({ data: CAMPAIGNS });
  if (path === '/v1/partner/events') return json({ data: PLAYER_EVENTS });
  if (path === '/v1/partner/conversions') return json({ data: REPORTED });
  if (path === '/v1/partner/campaigns/camp_1')
    return json(
      detail({
        name: LONG_CAMPAIGN,
        promos: [
          promo({ title: LONG_PROMO, trackingLink: `https://t.kabinet.test/t/${'abc123'.repeat(8)}` }),
          promo({ id: 'promo_2', title: 'Direct', creative: null, htmlSnippet: null }),
        ],
      }),
    );
  return undefined;
};
const fakeCampaigns = () => fakeCampaignApi(campaignRoutes);

// The operator console's backend (same origin, under its api-base).
const BASE = '/demo/operator-backend/op_demo_luckyspin/kabinet';
const NETWORK: NetworkEntry = {
  key: 'leadbit',
  name: 'Leadbit',
  streamsRequired: true,
  notes: null,
  settings: [{ key: 'api_token', label: 'API token', labelRu: 'API: токен из личного кабинета', secret: true }],
  offerParameters: [{ name: 'zcpa', meaning: 'stream hash', meaningRu: 'хэш потока' }],
  postbacks: {
    mode: 'tails',
    tails: [{ status: 'approve', tail: '&oid={order_id}&status=approve&pay={payout}', label: 'Одобрение' }],
    fields: null,
  },
};
const CONNECTION: Connection = {
  id: 'nc_1',
  kind: 'network',
  networkKey: 'leadbit',
  networkName: 'Leadbit',
  name: 'Leadbit — основной аккаунт для скандинавских рынков',
  settings: { api_token: '••••1234' },
  defaultCurrency: 'EUR',
  enabled: true,
  postbackMode: 'tails',
  postbackUrls: [
    { status: 'approve', url: `http://kabinet.test/pb/network/nc_1?t=${'tok123'.repeat(6)}&oid={order_id}` },
  ],
  createdAt: '2026-11-24T10:00:00.000Z',
};
const OFFER: NetworkOffer = {
  id: 'noff_1',
  connectionId: 'nc_1',
  label: 'Казино Германия — мобильный трафик, основной поток',
  brandId: null,
  landingId: null,
  parameters: { zcpa: 'f3a9c2e1b7d84a6c9e0f1a2b3c4d5e6f7a8b9c0d' },
  createdAt: '2026-11-24T10:00:00.000Z',
};
const operatorConversion = (id: string, status: OperatorConversion['status']): OperatorConversion => ({
  id,
  source: 'network',
  connectionId: 'nc_1',
  externalId: `order-2025-03-02-${id}`,
  clickId: `kbv_01JB3Z8Q4W2M9X7T5R6Y8P0N_${id}`,
  partnerId: 'prt_1',
  campaignId: null,
  promoId: null,
  status,
  rawStatus: status === 'hold' ? 'waiting_for_confirmation' : status,
  payout: '1250.10',
  currency: 'EUR',
  comment: null,
  reason: null,
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T11:00:00.000Z',
});

// Statistics: long campaign names, large amounts in two currencies, every grouping's column.
const BIG = { EUR: '1250000.50', USD: '98765.43' };
const statsValues = (clicks: number): Report['totals'] => ({
  clicks,
  registrations: 12345,
  cr: 12.34,
  ftdCount: 1234,
  ftdAmount: BIG,
  depositAmount: BIG,
  ngr: { EUR: '-125000.75', USD: '-9876.54' },
});
/** Per day (the dashboard's charts), per campaign, or as the report's groupings ask. */
function statsAnswer(q: URLSearchParams): Report {
  const groupBy = (q.get('groupBy') ?? '').split(',').filter(Boolean) as Report['groupBy'];
  const metrics = (q.get('metrics') ?? '').split(',').filter(Boolean) as Report['metrics'];
  const key = (i: number) =>
    Object.fromEntries(
      groupBy.map((g) => [
        g,
        g === 'day' ? `2026-11-${String(i + 1).padStart(2, '0')}` : g === 'country' ? 'DE' : `${g}_${i}`,
      ]),
    );
  const labels = Object.fromEntries(groupBy.filter((g) => g === 'campaign').map((g) => [g, LONG_CAMPAIGN]));
  const rows = [0, 1, 2].map((i) => statsRow(key(i), statsValues(123456 + i), labels));
  return statsReport({ groupBy, metrics, rows, totals: statsValues(370371), total: 230 });
}

// ---------------------------------------------------------------------------------------------
// The sections, each mounted and waited for until its lists show.

const SUB_AFFILIATES: SubAffiliate[] = [1, 2, 3].map((level) => ({
  id: `partner_${level}`,
  name: 'Великорусское партнёрское агентство «Казино и ставки»',
  level,
  status: 'pending',
  signedUpAt: '2026-03-02T10:00:00.000Z',
  campaign: { id: 'camp_1', name: 'Рекрутинг партнёров через обзорные статьи и рассылки' },
  promo: { id: 'promo_1', title: 'Ссылка в подвале блога о бонусах казино' },
  deals:
    level < 3
      ? [{ planId: 'plan_1', planName: 'RevShare 35% с переносом отрицательного баланса', percent: '2.5' }]
      : [],
}));

interface Mounted {
  el: HTMLElement;
  stop(): void;
}
type Case = [name: string, mount: (locale: Locale) => Promise<Mounted>];

const inside = (el: Element, selector: string, what = selector) =>
  waitFor(() => deepQuery(el, selector)[0], 3000, `${what} in <${el.localName}>`);

async function section(
  api: ApiMock,
  tag: string,
  locale: Locale,
  ready: string[],
  role: Member['role'] = 'owner',
): Promise<Mounted> {
  const { el } = await mountSection<HTMLElement>(tag, { locale, user: makeUser({ role }) });
  for (const selector of ready) await inside(el, selector);
  return { el, stop: () => api.restore() };
}

/** A bill with long Russian names, a crypto currency beside a fiat one, a late line and a long correction. */
const LONG_BILL: Bill = {
  id: 'bill_01JH8ZK3Q4RSTUVWXYZ0123456',
  partner: { id: 'prt_1', name: 'Партнёрское агентство «Константинопольская медиагруппа»' },
  brand: { id: 'br_2', name: 'Великорусское казино и ставки на спорт' },
  plan: { id: 'pln_1', name: 'Гибридный план для партнёров Восточной Европы 2026' },
  source: 'sub_affiliates',
  period: { kind: 'monthly', from: '2026-11-01', to: '2026-11-30', timeZone: 'Europe/Moscow' },
  planVersion: '2026-01-01',
  currency: 'USDT',
  coin: true,
  issued: '123456789.123456',
  corrections: '-1234.500000',
  toPay: '123455554.623456',
  carriedIn: null,
  carriedOut: '-1500.000000',
  state: 'on_hold',
  waitingFor: null,
  createdAt: '2026-12-01T01:05:00.000Z',
  processedAt: '2026-12-02T10:00:00.000Z',
};
const LONG_BILL_DETAIL: BillDetail = {
  ...LONG_BILL,
  lines: [
    {
      kind: 'revshare',
      quantity: null,
      basis: '987654321.00',
      rate: '35',
      amount: '123456789.123456',
      tier: 3,
      lateFrom: '2026-10-01',
      country: null,
      exchange: { from: 'EUR', rate: '1.0834', rateDate: '2026-11-30' },
      text: {
        en: 'RevShare 35% of NGR €987,654,321.00 at EUR→USDT 1.0834 of 30 Nov 2026 (tier 3); late, from the period starting 2026-10-01',
        ru: 'RevShare 35% от NGR 987 654 321,00 € по курсу EUR→USDT 1,0834 на 30.11.2026 (уровень 3); с опозданием, за период с 2026-10-01',
      },
    },
  ],
  correctionList: [
    {
      id: 'bcor_01JH8ZK3Q4RSTUVWXYZ0123456',
      action: 'subtract',
      amount: '1234.500000',
      comment: 'Игроки с дублирующимися аккаунтами исключены после проверки службой безопасности казино',
      createdAt: '2026-12-02T09:30:00.000Z',
    },
  ],
};
const billsTotals = [
  { currency: 'USDT', coin: true, count: 12345, issued: '123456789.123456', toPay: '123455554.623456' },
];

const CASES: Case[] = [
  [
    'kb-program',
    async (l) => {
      const { form, providers } = await formHost('kb-program', { locale: l });
      const config = portalConfig();
      (providers[1] as ContextProvider<typeof brandingContext>).setValue({
        ...config,
        branding: { ...config.branding, supportEmail: LONG_EMAIL },
        brands: [
          ...config.brands,
          {
            id: 'br_2',
            name: 'Великорусское казино и ставки на спорт',
            currency: 'RUB',
            websiteUrl: 'https://velikorusskoe-kazino-i-stavki-na-sport.example/ru/promo/welcome-bonus-300',
          },
        ],
      });
      await inside(form, '[data-brand-id="br_2"]');
      return { el: form, stop: () => undefined };
    },
  ],
  [
    'kb-profile',
    (l) =>
      section(
        mockApi(() => json(PROFILE)),
        'kb-profile',
        l,
        ['form'],
      ),
  ],
  [
    'kb-security',
    (l) =>
      section(
        mockApi(({ path }) => {
          if (path === '/v1/partner/profile') return json(PROFILE);
          if (path === '/v1/partner/sessions') return json({ data: SESSIONS });
          if (path === '/v1/partner/statistic_token')
            return json({ token: 'st_live_abcdefghijklmnop1234', createdAt: '2025-02-01T08:00:00.000Z' });
          return undefined;
        }),
        'kb-security',
        l,
        ['[part~="session-row"]', '[part~="token-row"]'],
      ),
  ],
  [
    'kb-team (a member’s sessions open)',
    async (l) => {
      const api = mockApi(({ path }) => {
        if (path === '/v1/partner/team') return json({ data: TEAM });
        if (path === '/v1/partner/team/usr_admin/sessions') return json({ data: SESSIONS.slice(1) });
        return undefined;
      });
      const m = await section(api, 'kb-team', l, ['[part~="member-row"]']);
      (await inside(m.el, '[data-member-id="usr_admin"] [part~="sessions-toggle"]')).click();
      await inside(m.el, '[part~="member-sessions"] [part~="session-row"]');
      return m;
    },
  ],
  [
    'kb-activity',
    (l) =>
      section(
        mockApi(({ path }) => {
          if (path === '/v1/partner/team') return json({ data: TEAM });
          if (path === '/v1/partner/activity') return json({ data: EVENTS, nextBefore: 'evt_1' });
          return undefined;
        }),
        'kb-activity',
        l,
        ['[part~="event-row"]'],
      ),
  ],
  [
    'kb-api-docs (the token shown, a long campaign name)',
    async (l) => {
      const api = mockApi(({ path }) => {
        if (path === '/v1/partner/reports/options')
          return json(
            reportOptions({
              campaigns: [{ id: 'camp_01JH8ZK3Q4RSTUVWXYZ0123456', name: 'Константинопольская осенняя кампания 2026' }],
            }),
          );
        if (path === '/v1/partner/statistic_token')
          return json({ token: `st_${'x'.repeat(40)}`, createdAt: '2025-02-01T08:00:00.000Z' });
        return undefined;
      });
      const m = await section(api, 'kb-api-docs', l, ['[part~="params"]', '[part~="command"]']);
      (await inside(m.el, '[part~="reveal"]')).click();
      return m;
    },
  ],
  [
    'kb-subaffiliates',
    (l) =>
      section(
        mockApi(({ path }) => {
          if (path === '/v1/partner/profile') return json(PROFILE);
          if (path === '/v1/partner/sub_affiliates') return json({ data: SUB_AFFILIATES, nextBefore: 'partner_2' });
          return undefined;
        }),
        'kb-subaffiliates',
        l,
        ['[part~="row"]', '[part~="referral-code"]'],
      ),
  ],
  ['kb-campaigns', (l) => section(fakeCampaigns(), 'kb-campaigns', l, ['[part~="campaign-row"]'])],
  [
    'kb-campaign-detail (with its postbacks)',
    async (l) => {
      const api = fakePostbackApi(campaignRoutes, POSTBACKS);
      const { el } = await mountSection<HTMLElement>('kb-campaign-detail', { locale: l });
      el.setAttribute('campaign-id', 'camp_1');
      await inside(el, '[part~="promo"]');
      await inside(el, '[part~="postback-row"]');
      return { el, stop: () => api.restore() };
    },
  ],
  ['kb-creatives', (l) => section(fakeCampaigns(), 'kb-creatives', l, ['[part~="card"]'])],
  [
    'kb-conversions (player events)',
    (l) => section(fakeCampaigns(), 'kb-conversions', l, ['[part~="conversion-row"]'], 'finance'),
  ],
  [
    'kb-conversions (statuses from trackers and networks)',
    async (l) => {
      const m = await section(fakeCampaigns(), 'kb-conversions', l, ['[part~="conversion-row"]'], 'finance');
      (await inside(m.el, '[part~="tab"][data-tab="statuses"]')).click();
      await inside(m.el, '[part~="reported-row"]');
      return m;
    },
  ],
  [
    'kb-postbacks',
    (l) => section(fakePostbackApi(undefined, POSTBACKS), 'kb-postbacks', l, ['[part~="postback-row"]']),
  ],
  [
    'kb-postbacks (a row asks to confirm delete)',
    async (l) => {
      const m = await section(fakePostbackApi(undefined, POSTBACKS), 'kb-postbacks', l, ['[part~="postback-row"]']);
      (await inside(m.el, '[data-postback-id="pb_campaign"] [part~="delete"]')).click();
      await inside(m.el, '[part~="confirm-delete-button"]');
      return m;
    },
  ],
  [
    'kb-postback-log',
    (l) =>
      section(
        fakePostbackApi(({ method, path }) =>
          method === 'GET' && path === '/v1/partner/postbacks/log'
            ? json({ data: ATTEMPTS, nextBefore: 'pba_2' })
            : undefined,
        ),
        'kb-postback-log',
        l,
        ['[part~="attempt-row"]'],
        'analyst',
      ),
  ],
  [
    'kb-network-connections (offers and conversions open)',
    async (l) => {
      const routes: Record<string, () => Response> = {
        'GET /v1/networks': () => jsonResponse({ data: [NETWORK] }),
        'GET /v1/network_connections': () => jsonResponse({ data: [CONNECTION] }),
        'GET /v1/network_connections/nc_1/offers': () => jsonResponse({ data: [OFFER] }),
        'GET /v1/conversions': () =>
          jsonResponse({ data: [operatorConversion('cv_1', 'hold'), operatorConversion('cv_2', 'approve')] }),
      };
      const stub: FetchStub = stubFetch(`${BASE}/v1/`, (url, _i, request) => {
        const key = `${request.method} ${new URL(url, location.href).pathname.slice(BASE.length)}`;
        return routes[key]?.() ?? jsonResponse({ title: 'not found' }, 404, 'application/problem+json');
      });
      const el = await fixture<HTMLElement>(
        html`<kb-network-connections api-base=${BASE} locale=${l}></kb-network-connections>`,
      );
      await inside(el, '[part~="offer-row"]');
      (await inside(el, '[data-connection-id="nc_1"] [part~="show-conversions"]')).click();
      await inside(el, '[data-conversion-id="cv_1"]');
      return { el, stop: () => stub.restore() };
    },
  ],
  [
    'kb-bills',
    (l) =>
      section(
        mockApi(({ path }) =>
          path === '/v1/partner/bills' ? json({ data: [LONG_BILL], next: 'cur_2', totals: billsTotals }) : undefined,
        ),
        'kb-bills',
        l,
        ['[part~="bill-row"]', '[part~="total"]'],
      ),
  ],
  [
    'kb-bills (a bill’s page)',
    async (l) => {
      const api = mockApi(({ path }) => {
        if (path === '/v1/partner/bills') return json({ data: [LONG_BILL], next: null, totals: billsTotals });
        return path.startsWith('/v1/partner/bills/') ? json(LONG_BILL_DETAIL) : undefined;
      });
      const m = await section(api, 'kb-bills', l, ['[part~="bill-row"]']);
      (await inside(m.el, '[part~="open"]')).click();
      await inside(m.el, '[part~="correction"]');
      return m;
    },
  ],
  [
    'kb-bills-console (a bill’s panel open)',
    async (l) => {
      const stub: FetchStub = stubFetch(`${BASE}/v1/`, (url) => {
        const path = new URL(url, location.href).pathname.slice(BASE.length);
        if (path === '/v1/bills') return jsonResponse({ data: [LONG_BILL], next: 'cur_2', totals: billsTotals });
        if (path.startsWith('/v1/bills/')) return jsonResponse(LONG_BILL_DETAIL);
        if (path === '/v1/partners') return jsonResponse({ data: [LONG_BILL.partner] });
        return jsonResponse({ data: [] });
      });
      const el = await fixture<HTMLElement>(html`<kb-bills-console api-base=${BASE} locale=${l}></kb-bills-console>`);
      (await inside(el, '[part~="open"]')).click();
      await inside(el, '[part~="correction-form"]');
      return { el, stop: () => stub.restore() };
    },
  ],
  ['kb-dashboard', (l) => section(fakeStatisticsApi(statsAnswer), 'kb-dashboard', l, ['[part~="campaign-row"]'])],
  [
    'kb-reports (per day, campaign and country; the columns open)',
    async (l) => {
      const m = await section(fakeStatisticsApi(statsAnswer), 'kb-reports', l, ['[part~="report-row"]']);
      for (const g of ['campaign', 'country']) {
        const select = await inside(m.el, '#report-add-grouping');
        (select as HTMLSelectElement).value = g;
        (await inside(m.el, '[part~="add-grouping-button"]')).click();
        await (m.el as KbReports).updateComplete;
      }
      (await inside(m.el, '[part~="show"]')).click();
      await inside(m.el, '[part~="grouping-country"]');
      (await inside(m.el, '[part~="columns-summary"]')).click();
      return m;
    },
  ],
  [
    'kb-report-favorites (long names, the feed links shown)',
    async (l) => {
      const favorite = {
        id: 'rfav_01JH8ZK3Q4RSTUVWXYZ0123456',
        name: 'Ежемесячный отчёт по кампаниям Константинопольской медиагруппы в евро',
        query: {
          period: 'custom',
          from: '2026-11-01',
          to: '2026-11-30',
          groupBy: 'campaign,country,day',
          currency: 'EUR',
        },
        savedBy: { userId: null, email: LONG_EMAIL },
        createdAt: '2026-11-30T10:00:00.000Z',
        updatedAt: '2026-11-30T10:00:00.000Z',
      };
      const api = mockApi(({ path }) => {
        if (path === '/v1/partner/statistic_token')
          return json({ token: `st_${'x'.repeat(40)}`, createdAt: '2026-11-01T00:00:00Z' });
        if (path === '/v1/partner/reports/favorites') return json({ favorites: [favorite] });
        return undefined;
      });
      const m = await section(api, 'kb-report-favorites', l, ['[part~="feed-link"]']);
      (await inside(m.el, '[part~="reveal-links"]')).click();
      (await inside(m.el, '[part~="delete"]')).click();
      await inside(m.el, '[part~="confirm"]');
      return m;
    },
  ],
];

// ---------------------------------------------------------------------------------------------
// Measuring.

/** `selector` matched in `root`'s shadow tree and every shadow tree nested in it. */
function deepQuery<E extends Element = HTMLElement>(root: Element, selector: string): E[] {
  const out: E[] = [];
  const visit = (node: ParentNode) => {
    out.push(...node.querySelectorAll<E>(selector));
    for (const child of node.querySelectorAll('*')) if (child.shadowRoot) visit(child.shadowRoot);
  };
  visit(root.shadowRoot ?? root);
  return out;
}

/** The parent element, crossing out of a shadow root to its host. */
const parentOf = (el: Element): Element | null =>
  el.parentElement ?? ((el.getRootNode() as ShadowRoot).host as Element | undefined) ?? null;

const shown = (el: Element) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
};

/** What of `box` is cut off by `clip` (px to the left and right), 0 when it fits. */
const cutOff = (box: DOMRect, clip: DOMRect) => Math.max(0, clip.left - box.left, box.right - clip.right);

/** Every problem found: page or section wider than the viewport, a button out of view, a cell squeezed. */
function problems(el: HTMLElement): string[] {
  const found: string[] = [];
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth)
    found.push(`the page scrolls sideways: ${page.scrollWidth}px in a ${page.clientWidth}px viewport`);
  const box = el.getBoundingClientRect();
  // A pixel of sub-pixel rounding aside (a late image can round the scroll width up).
  if (el.scrollWidth > el.clientWidth + 1) {
    const culprits = deepQuery(el, '*')
      .filter((e) => shown(e) && e.getBoundingClientRect().right > box.right + 1)
      .slice(0, 3)
      .map((e) => `<${e.localName} part="${e.getAttribute('part') ?? ''}">`);
    found.push(`the section is ${el.scrollWidth}px wide in ${el.clientWidth}px (${culprits.join(', ')})`);
  }
  for (const button of deepQuery<HTMLButtonElement>(el, 'button')) {
    if (!shown(button)) continue;
    const rect = button.getBoundingClientRect();
    const name = `button “${button.textContent?.trim()}”`;
    if (cutOff(rect, box) > 1) found.push(`${name} is ${Math.round(cutOff(rect, box))}px outside the section`);
    // Inside a scroll box (a table's wrapper), it must be in its visible part without scrolling.
    for (let up = parentOf(button); up && up !== el; up = parentOf(up)) {
      if (getComputedStyle(up).overflowX === 'visible') continue;
      const cut = cutOff(rect, up.getBoundingClientRect());
      if (cut > 1)
        found.push(
          `${name} is ${Math.round(cut)}px out of view in its <${up.localName} part="${up.getAttribute('part')}">`,
        );
    }
  }
  for (const cell of deepQuery(el, 'tbody > tr > td, tbody > tr > th')) {
    if (!shown(cell) || cell.hasAttribute('colspan') || !cell.textContent?.trim()) continue;
    const width = cell.getBoundingClientRect().width;
    if (width < 48) found.push(`cell ${cell.getAttribute('part')} is squeezed to ${Math.round(width)}px`);
  }
  return found;
}

/**
 * At a phone's width every table is cards: each cell of each row shows, a data cell with its
 * column's label beside it (the header text, from `data-label`, drawn by `::before`).
 */
function cardProblems(el: HTMLElement): string[] {
  const found: string[] = [];
  for (const wrap of deepQuery(el, '[part~="table-wrap"]')) {
    if (shown(wrap) && wrap.scrollWidth > wrap.clientWidth + 1)
      found.push(
        `${wrap.querySelector('table')?.getAttribute('part')} cards are ${wrap.scrollWidth - wrap.clientWidth}px too wide`,
      );
  }
  for (const row of deepQuery(el, 'tbody > tr')) {
    if (!shown(row)) continue;
    for (const cell of row.querySelectorAll<HTMLElement>(':scope > td, :scope > th')) {
      const what = `${row.closest('table')?.getAttribute('part')} ${cell.getAttribute('part')}`;
      const emptyActions = cell.hasAttribute('data-actions') && !cell.querySelector('button');
      // A cell with nothing in it is left out of its card (no bare label): only content may not hide.
      const nothingInIt = cell.childElementCount === 0 && !cell.textContent?.trim();
      if (!shown(cell)) {
        if (!emptyActions && !nothingInIt) found.push(`${what} is hidden`);
        continue;
      }
      if (getComputedStyle(cell).display === 'table-cell') found.push(`${what} is still a table cell`);
      const label = cell.dataset.label;
      if (label === undefined) continue;
      const before = getComputedStyle(cell, '::before');
      if (!before.content.includes(label) || before.display === 'none' || before.visibility === 'hidden')
        found.push(`${what} shows no label “${label}” (content ${before.content})`);
    }
  }
  return found;
}

/** Table wrappers that scroll: how much they hide. */
function hidden(el: HTMLElement): string[] {
  return deepQuery(el, '[part~="table-wrap"]')
    .filter((wrap) => shown(wrap) && wrap.scrollWidth > wrap.clientWidth)
    .map((wrap) => {
      const heads = [...wrap.querySelectorAll(':scope > table > thead th')].filter(shown);
      const widths = heads.map((th) => `${th.textContent?.trim()}=${Math.round(th.getBoundingClientRect().width)}`);
      return `${wrap.querySelector('table')?.getAttribute('part')} hides ${wrap.scrollWidth - wrap.clientWidth}px (${widths.join(' ')})`;
    });
}

describe('section widths: nothing wider than the page, every action in view', () => {
  let mounted: Mounted | null = null;
  beforeEach(() => {
    document.body.style.margin = '0';
    // The demo page's margins, the portal's border and padding: a section gets 308 of 390 px.
    document.body.style.padding = '0 41px';
  });
  afterEach(async () => {
    mounted?.stop();
    mounted = null;
    cleanupFixtures();
    await setViewport({ width: 800, height: 600 });
  });

  const settle = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

  // 390: a phone; 1440: a wide page (the viewport itself, so anything escaping to the page shows).
  for (const width of [390, 1440]) {
    for (const locale of ['en', 'ru'] as const) {
      for (const [name, mount] of CASES) {
        it(`${name} at ${width}px, ${locale}`, async () => {
          await setViewport({ width, height: 900 });
          mounted = await mount(locale);
          await settle(); // resize observers (scroll regions) and late layout
          const found = problems(mounted.el);
          console.log(`[widths] ${name} ${width} ${locale}: ${[...found, ...hidden(mounted.el)].join('; ') || 'fits'}`);
          expect(found, found.join('\n')).to.deep.equal([]);
          if (width < 640) {
            const cards = cardProblems(mounted.el);
            expect(cards, cards.join('\n')).to.deep.equal([]);
          }
        });
      }
    }
  }

  // Every width in between, the section's box narrowed in 32 px steps from 1440 to 320 px (an
  // operator's column may be any of them): the same checks at each.
  for (const locale of ['en', 'ru'] as const) {
    for (const [name, mount] of CASES) {
      it(`${name} at every width from 1440 to 320 px, ${locale}`, async () => {
        await setViewport({ width: 1440, height: 900 });
        mounted = await mount(locale);
        const failures: string[] = [];
        for (let box = 1440 - 82; box >= 320; box -= 32) {
          document.body.style.width = `${box}px`;
          await settle();
          const found = problems(mounted.el);
          const scrolling = hidden(mounted.el);
          if (found.length) failures.push(`${box}px: ${found.join('; ')} [${scrolling.join('; ')}]`);
          else if (scrolling.length) console.log(`[widths] ${name} box ${box} ${locale}: ${scrolling.join('; ')}`);
        }
        document.body.style.width = '';
        expect(failures, failures.join('\n')).to.deep.equal([]);
      });
    }
  }
});
