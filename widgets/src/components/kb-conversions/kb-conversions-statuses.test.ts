import { define } from '../../internal/base-element.ts';
import { KbConversions } from './kb-conversions.ts';
import type { PartnerConversion } from './statuses-view.ts';
import { expect } from '@open-wc/testing';
import {
  $in,
  afterEach,
  cleanupFixtures,
  deepActiveElement,
  describe,
  it,
  waitFor,
} from '../../internal/test-helpers.ts';
import {
  fill,
  find,
  json,
  makeUser,
  mountSection,
  problem,
  query,
  type ApiMock,
  type Handler,
} from '../../internal/account/account-test-kit.ts';
import { playerEvent, fakeCampaignApi } from '../../internal/campaign/campaign-test-kit.ts';
import { problemMessage } from '../../internal/problem-messages.ts';

define('kb-conversions', KbConversions);

function reported(id: string, overrides: Partial<PartnerConversion> = {}): PartnerConversion {
  return {
    id,
    source: 'network',
    status: 'approve',
    payout: '1250.10',
    currency: 'USD',
    clickId: 'clk_9f2a',
    externalId: 'ord-5521',
    campaignId: 'camp_1',
    campaignName: 'Summer push',
    promoId: 'promo_1',
    promoTitle: 'Welcome banner',
    reason: null,
    comment: null,
    createdAt: '2025-03-02T10:15:00.000Z',
    updatedAt: '2025-03-03T08:30:00.000Z',
    ...overrides,
  };
}

const rows = [
  reported('cv_4'),
  reported('cv_3', {
    source: 'tracker',
    status: 'hold',
    payout: null,
    currency: null,
    externalId: null,
    campaignName: null,
    promoTitle: null,
  }),
  reported('cv_2', { status: 'cancel', payout: '0.30', currency: 'EUR', reason: 'duplicate order' }),
  reported('cv_1', { source: 'operator', status: 'trash', clickId: null, reason: 'fraud' }),
];
const EVENTS = 'GET /v1/partner/events';
const STATUSES = 'GET /v1/partner/conversions';

function fakeApi(statuses: Handler = () => json({ data: rows })): ApiMock {
  return fakeCampaignApi((request) => {
    if (request.method !== 'GET') return undefined;
    if (request.path === '/v1/partner/events') return json({ data: [playerEvent('evt_1')] });
    return request.path === '/v1/partner/conversions' ? statuses(request) : undefined;
  });
}

const view = (el: Element) => $in(el, '[part~="statuses-view"]');
const tab = (el: Element, value: string) => $in<HTMLButtonElement>(el, `[part~="tab"][data-tab="${value}"]`);
const cell = (el: Element, id: string, part: string) =>
  $in(el, `[data-reported-id="${id}"] [part~="${part}"]`).textContent?.trim();
const input = <E extends HTMLInputElement | HTMLSelectElement>(el: Element, id: string) =>
  $in<E>(el, `[part~="statuses-view"] #${id}`);

async function mounted(locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbConversions>('kb-conversions', { user: makeUser({ role: 'finance' }), locale });
  await find(el, '[part~="conversion-row"]');
  return el;
}

async function opened(api: ApiMock, locale: 'en' | 'ru' = 'en') {
  const el = await mounted(locale);
  tab(el, 'statuses').click();
  await waitFor(() => api.sent(STATUSES).length === 1, 1000, 'statuses request');
  await find(el, '[part~="reported-row"], [part~="statuses-view"] [part~="empty"]');
  return el;
}

describe('<kb-conversions> statuses from trackers and networks', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('loads the statuses only when their tab is first opened, with the default query', async () => {
    api = fakeApi();
    const el = await mounted();
    expect(tab(el, 'events').getAttribute('aria-selected')).to.equal('true');
    expect(tab(el, 'events').textContent).to.equal('Player events');
    expect(tab(el, 'statuses').textContent).to.equal('Statuses from trackers and networks');
    expect(api.sent(STATUSES).length, 'nothing before the tab opens').to.equal(0);
    expect(query(el, '[part~="statuses-view"]')).to.equal(null);

    tab(el, 'statuses').click();
    await find(el, '[part~="reported-row"]');
    expect(api.sent(STATUSES).length).to.equal(1);
    expect(api.sent(STATUSES)[0]!.query.toString()).to.equal('limit=100');
    expect(tab(el, 'statuses').getAttribute('aria-selected')).to.equal('true');
    expect($in(el, '[part~="tab-panel"]').getAttribute('aria-labelledby')).to.equal('conversions-views-tab-statuses');
    expect($in(el, '[part~="events-view"]').hidden, 'the events are hidden, not dropped').to.equal(true);
    expect(view(el).hidden).to.equal(false);

    tab(el, 'events').click();
    await waitFor(() => view(el).hidden, 1000, 'back to the events');
    expect($in(el, '[part~="events-view"]').hidden).to.equal(false);
    tab(el, 'statuses').click();
    await waitFor(() => !view(el).hidden, 1000, 'statuses again');
    expect(api.sent(STATUSES).length, 'opened once, loaded once').to.equal(1);
    expect(api.sent(EVENTS).length, 'the events list is not reloaded').to.equal(1);
  });

  it('shows status badges, payouts exactly as sent, sources and reasons', async () => {
    api = fakeApi();
    const el = await opened(api);
    expect(
      [...view(el).querySelectorAll('[part~="reported-row"]')].map((r) => r.getAttribute('data-reported-id')),
    ).to.deep.equal(['cv_4', 'cv_3', 'cv_2', 'cv_1']);
    expect(cell(el, 'cv_4', 'status-badge')).to.equal('Approved');
    expect($in(el, '[data-reported-id="cv_4"] [part~="status-badge"]').getAttribute('part')).to.equal(
      'badge status-badge status-approve',
    );
    expect(cell(el, 'cv_4', 'reported-payout'), 'the decimal string, not a float').to.equal('1250.10 USD');
    expect(cell(el, 'cv_4', 'reported-campaign')).to.equal('Summer push');
    expect(cell(el, 'cv_4', 'reported-promo')).to.equal('Welcome banner');
    expect(cell(el, 'cv_4', 'reported-click')).to.equal('clk_9f2a');
    expect(cell(el, 'cv_4', 'reported-external')).to.equal('ord-5521');
    expect(cell(el, 'cv_4', 'reported-source')).to.equal('CPA network');
    expect(cell(el, 'cv_4', 'reported-reason')).to.equal('—');
    expect($in(el, '[data-reported-id="cv_4"] time').getAttribute('datetime')).to.equal('2025-03-03T08:30:00.000Z');
    expect(cell(el, 'cv_3', 'status-badge')).to.equal('On hold');
    expect(cell(el, 'cv_3', 'reported-payout')).to.equal('—');
    expect(cell(el, 'cv_3', 'reported-source')).to.equal('Tracker');
    expect(cell(el, 'cv_3', 'reported-campaign')).to.equal('—');
    expect(cell(el, 'cv_3', 'reported-external')).to.equal('—');
    expect(cell(el, 'cv_2', 'status-badge')).to.equal('Cancelled');
    expect($in(el, '[data-reported-id="cv_2"] [part~="status-badge"]').getAttribute('part')).to.equal(
      'badge status-badge status-cancel',
    );
    expect(cell(el, 'cv_2', 'reported-payout')).to.equal('0.30 EUR');
    expect(cell(el, 'cv_2', 'reported-reason')).to.equal('duplicate order');
    expect(cell(el, 'cv_1', 'status-badge')).to.equal('Trash');
    expect(cell(el, 'cv_1', 'reported-source')).to.equal('Operator');
    expect(cell(el, 'cv_1', 'reported-reason')).to.equal('fraud');
    expect(cell(el, 'cv_1', 'reported-click')).to.equal('—');
    expect(view(el).querySelector('[part~="count"]')?.textContent).to.equal('Showing 4 conversions.');
  });

  it('hides the order column when every order id is the click id, and labels a network reason code with its comment', async () => {
    const echoed = [
      reported('cv_9', { externalId: 'clk_9f2a', status: 'cancel', reason: '7', comment: 'Duplicate click' }),
      reported('cv_8', { clickId: 'clk_77', externalId: null, status: 'cancel', reason: '12' }),
    ];
    api = fakeApi(() => json({ data: echoed }));
    const el = await opened(api);
    const headers = [...view(el).querySelectorAll('[part~="header-cell"]')].map((h) => h.textContent);
    expect(headers, 'no order column').not.to.include('Order / transaction ID');
    expect(view(el).querySelector('[part~="reported-external"]')).to.equal(null);
    expect(cell(el, 'cv_9', 'reported-reason')?.replace(/\s+/g, ' ')).to.equal(
      'Network reason code 7 (Duplicate click)',
    );
    expect(cell(el, 'cv_8', 'reported-reason')).to.equal('Network reason code 12');
    cleanupFixtures();
    api.restore();
    api = fakeApi(() => json({ data: echoed }));
    const ru = await opened(api, 'ru');
    expect(cell(ru, 'cv_8', 'reported-reason')).to.equal('Код причины от сети: 12');
  });

  it('builds the query from status, campaign, click id and whole local days', async () => {
    api = fakeApi();
    const el = await opened(api);
    const status = input<HTMLSelectElement>(el, 'reported-status');
    expect([...status.options].map((o) => o.textContent).join(' | ')).to.equal(
      'Any | On hold | Approved | Cancelled | Trash',
    );
    const campaign = input<HTMLSelectElement>(el, 'reported-campaign');
    expect([...campaign.options].map((o) => o.textContent).join(' | '), "the events view's picker").to.equal(
      'All campaigns | Summer push | Spring promo (Archived)',
    );
    const apply = async () => {
      const button = view(el).querySelector<HTMLButtonElement>('[part~="apply"]')!;
      await waitFor(() => !button.disabled, 1000, 'the previous answer');
      button.click();
    };

    fill(status, 'cancel');
    await apply();
    await waitFor(() => api!.sent(STATUSES).length === 2, 1000, 'status request');
    expect(api.sent(STATUSES)[1]!.query.toString()).to.equal('status=cancel&limit=100');

    fill(status, '');
    fill(campaign, 'camp_old');
    await apply();
    await waitFor(() => api!.sent(STATUSES).length === 3, 1000, 'campaign request');
    expect(api.sent(STATUSES)[2]!.query.toString()).to.equal('campaignId=camp_old&limit=100');

    fill(campaign, '');
    fill(input(el, 'reported-click'), ' clk_9f2a ');
    await apply();
    await waitFor(() => api!.sent(STATUSES).length === 4, 1000, 'click request');
    expect(api.sent(STATUSES)[3]!.query.toString()).to.equal('clickId=clk_9f2a&limit=100');

    fill(input(el, 'reported-click'), '');
    fill(input(el, 'reported-from'), '2025-03-01');
    fill(input(el, 'reported-to'), '2025-03-31');
    await apply();
    await waitFor(() => api!.sent(STATUSES).length === 5, 1000, 'dates request');
    const q = api.sent(STATUSES)[4]!.query;
    expect(q.get('from')).to.equal(new Date('2025-03-01T00:00:00').toISOString());
    expect(q.get('to')).to.equal(new Date('2025-03-31T23:59:59.999').toISOString());
    expect(q.get('limit')).to.equal('100');
    expect(api.sent(EVENTS).length, 'the events view is left alone').to.equal(1);
  });

  it('refuses an end date before the start without asking', async () => {
    api = fakeApi();
    const el = await opened(api);
    fill(input(el, 'reported-from'), '2025-03-10');
    fill(input(el, 'reported-to'), '2025-03-01');
    view(el).querySelector<HTMLButtonElement>('[part~="apply"]')!.click();
    const error = await find(el, '[part~="statuses-view"] #reported-to-error');
    expect(error.textContent).to.equal('The end date is before the start date.');
    expect(input(el, 'reported-to').getAttribute('aria-invalid')).to.equal('true');
    await waitFor(() => deepActiveElement() === input(el, 'reported-to'), 1000, 'focus on To');
    expect(api.sent(STATUSES).length).to.equal(1);
  });

  it('says so when nothing matches', async () => {
    api = fakeApi(() => json({ data: [] }));
    const el = await opened(api);
    expect(view(el).querySelector('[part~="empty-message"]')?.textContent).to.equal(
      'Conversions that the program’s trackers and networks report appear here with their status.',
    );
    expect(view(el).querySelector('[part~="empty-action"]')?.textContent).to.equal('Get a tracking link');
    expect(view(el).querySelector('table')).to.equal(null);
    expect(view(el).querySelector('[part~="count"]')?.textContent).to.equal('Showing 0 conversions.');
  });

  it('with filters and no match says so, and Clear filters empties its form and reloads', async () => {
    api = fakeApi(({ query: q }) => json({ data: q.get('clickId') ? [] : rows }));
    const el = await opened(api);
    fill(input(el, 'reported-click'), 'clk_none');
    view(el).querySelector<HTMLButtonElement>('[part~="apply"]')!.click();
    await waitFor(() => view(el).querySelector('[part~="empty"]'), 1000, 'no match');
    expect(view(el).querySelector('[part~="empty-message"]')?.textContent).to.equal(
      'No reported conversions match these filters.',
    );
    const clear = view(el).querySelector<HTMLButtonElement>('[part~="empty-action"]')!;
    expect(clear.textContent).to.equal('Clear filters');
    clear.click();
    await find(el, '[part~="reported-row"]');
    expect(input(el, 'reported-click').value, 'form reset').to.equal('');
    expect(api.sent(STATUSES).at(-1)!.query.toString(), 'reloaded without filters').to.equal('limit=100');
  });

  it('shows a load failure with a retry that asks again', async () => {
    let fail = true;
    api = fakeApi(() => (fail ? problem(500, 'internal', 'Something broke') : json({ data: rows })));
    const el = await mounted();
    tab(el, 'statuses').click();
    const detail = await find(el, '[part~="statuses-view"] [part~="error-detail"]');
    expect(detail.textContent, 'the widget’s words for the code, not the server’s').to.equal(
      problemMessage('en', { code: 'internal', status: 500 }),
    );
    expect(query(el, '[part~="conversion-row"]'), 'the events stay').not.to.equal(null);
    fail = false;
    view(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
    await find(el, '[part~="reported-row"]');
    expect(api.sent(STATUSES).length).to.equal(2);
    expect(api.sent(EVENTS).length).to.equal(1);
  });

  it('speaks Russian', async () => {
    api = fakeApi();
    const el = await opened(api, 'ru');
    expect(tab(el, 'events').textContent).to.equal('События игроков');
    expect(tab(el, 'statuses').textContent).to.equal('Статусы от трекеров и сетей');
    expect([...input<HTMLSelectElement>(el, 'reported-status').options].map((o) => o.textContent).join(' | ')).to.equal(
      'Любой | В ожидании | Одобрено | Отменено | Треш',
    );
    expect(cell(el, 'cv_4', 'status-badge')).to.equal('Одобрено');
    expect(cell(el, 'cv_4', 'reported-source')).to.equal('CPA-сеть');
    expect(cell(el, 'cv_3', 'reported-source')).to.equal('Трекер');
    expect(cell(el, 'cv_2', 'status-badge')).to.equal('Отменено');
    expect(cell(el, 'cv_1', 'status-badge')).to.equal('Треш');
    expect(view(el).querySelector('[part~="count"]')?.textContent).to.equal('Показано 4 конверсии.');
    expect([...view(el).querySelectorAll('[part~="header-cell"]')].map((h) => h.textContent).join(' | ')).to.equal(
      'Обновлено | Статус | Выплата | Кампания | Промо | ID клика | ID заказа / транзакции | Источник | Причина',
    );
  });

  it('moves between the tabs with the arrow keys, Home and End', async () => {
    api = fakeApi();
    const el = await mounted();
    const key = (value: string, name: string) =>
      tab(el, value).dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
    expect(tab(el, 'events').tabIndex).to.equal(0);
    expect(tab(el, 'statuses').tabIndex).to.equal(-1);
    key('events', 'ArrowRight');
    await waitFor(() => deepActiveElement() === tab(el, 'statuses'), 1000, 'focus on the statuses tab');
    expect(tab(el, 'statuses').getAttribute('aria-selected')).to.equal('true');
    expect(tab(el, 'statuses').tabIndex).to.equal(0);
    await find(el, '[part~="reported-row"]');
    key('statuses', 'ArrowLeft');
    await waitFor(() => deepActiveElement() === tab(el, 'events'), 1000, 'focus back on the events tab');
    expect(view(el).hidden).to.equal(true);
    key('events', 'End');
    await waitFor(() => deepActiveElement() === tab(el, 'statuses'), 1000, 'End');
    key('statuses', 'Home');
    await waitFor(() => deepActiveElement() === tab(el, 'events'), 1000, 'Home');
    key('events', 'ArrowLeft');
    await waitFor(() => deepActiveElement() === tab(el, 'statuses'), 1000, 'ArrowLeft wraps around');
    expect(api.sent(STATUSES).length, 'still loaded once').to.equal(1);
  });
});
