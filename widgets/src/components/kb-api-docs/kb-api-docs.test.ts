import { define } from '../../internal/base-element.ts';
import { KbApiDocs } from './kb-api-docs.ts';
import { expect } from '@open-wc/testing';
import { afterEach, cleanupFixtures, describe, it } from '../../internal/test-helpers.ts';
import {
  API,
  find,
  json,
  mockApi,
  mountSection,
  problem,
  query,
  stubClipboard,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { reportOptions } from '../../internal/statistics/statistics-test-kit.ts';
import type { ReportOptions } from '../../internal/statistics/statistics-types.ts';

define('kb-api-docs', KbApiDocs);

const TOKEN = 'st_live_abcdefghijklmnop1234';

/** The two routes the page reads: the report attributes (session twin) and the user's token. */
function fakeServer(token: string | null | 'forbidden', options: ReportOptions = reportOptions()): ApiMock {
  return mockApi(({ method, path }) => {
    if (method === 'GET' && path === '/v1/partner/reports/options') return json(options);
    if (method === 'GET' && path === '/v1/partner/statistic_token')
      return token === 'forbidden'
        ? problem(403, 'forbidden', 'This embedded portal may not use security', [], { component: 'security' })
        : json({ token, createdAt: token ? '2025-02-01T08:00:00.000Z' : null });
    return undefined;
  });
}

async function mounted(locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbApiDocs>('kb-api-docs', { locale });
  await find(el, '[part~="params"]');
  await find(el, '[part~="command"], [part~="try"] [part~="empty"]');
  return el;
}

const command = (el: Element) => query(el, '[part~="command"]')!.textContent!;

describe('<kb-api-docs>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('shows a curl command with the API address and the masked token; reveal shows it, copy copies it in full', async () => {
    api = fakeServer(TOKEN);
    const clipboard = stubClipboard();
    try {
      const el = await mounted();
      expect(command(el)).to.contain(`curl -H "Authorization: Bearer ••••••••••••1234"`);
      expect(command(el)).to.contain(`${API}/api/customer/v1/partner/report?period=last_7_days&groupBy=day`);
      expect(command(el)).not.to.contain(TOKEN);
      expect(query(el, '[part~="token"]')!.textContent).not.to.contain(TOKEN);

      const copyCommand = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="copy-button"]')].find(
        (b) => b.textContent === 'Copy command',
      )!;
      copyCommand.click();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 0));
      expect(clipboard.written.at(-1)).to.contain(`Bearer ${TOKEN}`);
      expect(clipboard.written.at(-1)).to.contain(`${API}/api/customer/v1/partner/report?`);

      const reveal = query<HTMLButtonElement>(el, '[part~="reveal"]')!;
      expect(reveal.getAttribute('aria-pressed')).to.equal('false');
      reveal.click();
      await el.updateComplete;
      expect(command(el)).to.contain(`Bearer ${TOKEN}`);
      expect(query(el, '[part~="token"]')!.textContent).to.equal(TOKEN);
      expect(reveal.getAttribute('aria-pressed')).to.equal('true');
      expect(query(el, '[part~="openapi-link"]')!.getAttribute('href')).to.equal(`${API}/openapi.json`);
      expect(query(el, '[part~="attributes"] [part~="endpoint"]')!.textContent).to.contain(
        `GET ${API}/api/customer/v1/partner/report/attributes`,
      );
    } finally {
      clipboard.restore();
    }
  });

  it('lists only the metrics, groupings and filters the operator lets this partner use', async () => {
    api = fakeServer(
      TOKEN,
      reportOptions({
        metrics: ['clicks', 'registrations', 'ftdCount'],
        groupings: ['hour', 'day', 'week', 'month', 'year', 'campaign', 'promo'],
        currencies: [],
      }),
    );
    const el = await mounted();
    const names = [
      ...el.shadowRoot!.querySelectorAll('[part~="params"]:not([part~="errors"]) [part~="param-name"]'),
    ].map((n) => n.textContent!.trim());
    expect(names).to.include.members(['period', 'groupBy', 'metrics', 'campaignId', 'promoId', 'promoCode']);
    // Hidden groupings also hide their filters; no currencies, no conversion parameters.
    for (const absent of ['country', 'brandId', 'device', 'parameter', 'currency', 'ratesDate'])
      expect(names, absent).not.to.include(absent);
    const text = textOf(el);
    expect(text).to.contain('camp_1 (Summer push)');
    expect(command(el)).to.contain('metrics=clicks,registrations,ftdCount');
    const metricValues = [...el.shadowRoot!.querySelectorAll('[part~="value"]')].map((v) => v.textContent);
    expect(metricValues).not.to.include('ngr');
    // The rate limit and every error answer, with what to do.
    expect(text).to.contain('At most 60 requests a minute per token');
    expect(text).to.contain('Retry-After');
    for (const code of ['401 unauthorized', '401 statistic_token_rotated', '401 statistic_token_expired'])
      expect(text).to.contain(code);
    expect(text).to.contain('422 validation_failed');
    expect(text).to.contain('429 rate_limited');
  });

  it('without a token links to Security, which the portal opens', async () => {
    api = fakeServer(null);
    const el = await mounted();
    expect(query(el, '[part~="command"]')).to.equal(null);
    const link = query<HTMLAnchorElement>(el, '[part~="security-link"]')!;
    expect(link.getAttribute('href')).to.equal('#/security');
    let opened: string | null = null;
    el.addEventListener('kb-open-section', (e) => (opened = (e as CustomEvent<{ section: string }>).detail.section));
    link.addEventListener('click', (e) => e.preventDefault());
    link.click();
    expect(opened).to.equal('security');
  });

  it('in an embed that may not read the token, says so and shows YOUR_TOKEN', async () => {
    api = fakeServer('forbidden');
    const el = await mounted();
    expect(command(el)).to.contain('Authorization: Bearer YOUR_TOKEN');
    expect(query(el, '[part~="try"] [part~="error"]')).to.equal(null);
    expect(textOf(el)).to.contain('does not show your statistic token');
  });

  it('speaks Russian', async () => {
    api = fakeServer(TOKEN);
    const el = await mounted('ru');
    const text = textOf(el);
    expect(query(el, '[part~="heading"]')!.textContent).to.equal('API отчётов');
    for (const words of ['Авторизация', 'Ограничение частоты', 'Не больше 60 запросов в минуту', 'Показать токен'])
      expect(text).to.contain(words);
    expect(text).to.contain('Копировать команду');
  });
});
