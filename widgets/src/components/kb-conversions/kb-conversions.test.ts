import { define } from '../../internal/base-element.ts';
import { KbConversions } from './kb-conversions.ts';
import { expect } from '@open-wc/testing';
import { $in, afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import {
  fill,
  find,
  json,
  makeUser,
  mountSection,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { playerEvent, fakeCampaignApi } from '../../internal/campaign/campaign-test-kit.ts';

define('kb-conversions', KbConversions);

const rows = [
  playerEvent('evt_3', {
    type: 'deposit',
    amount: '1250.00',
    currency: 'USD',
    attributedBy: 'promo_code',
    clickId: null,
  }),
  playerEvent('evt_2', { type: 'registration', amount: null, currency: null, attributedBy: 'player' }),
  playerEvent('evt_1'),
];
const fakeLog = () =>
  fakeCampaignApi(({ method, path }) =>
    method === 'GET' && path === '/v1/partner/events' ? json({ data: rows }) : undefined,
  );
const calls = (api: ApiMock) => api.sent('GET /v1/partner/events');
const cell = (el: Element, id: string, part: string) =>
  $in(el, `[data-conversion-id="${id}"] [part~="${part}"]`).textContent?.trim();

async function mounted(role: 'owner' | 'finance' = 'finance', locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbConversions>('kb-conversions', { user: makeUser({ role }), locale });
  await find(el, '[part~="conversion-row"]');
  return el;
}

describe('<kb-conversions>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('shows conversions with labels, amounts exactly as sent and how they were attributed', async () => {
    api = fakeLog();
    const el = await mounted();
    expect(calls(api)[0]!.query.toString()).to.equal('limit=100');
    expect(cell(el, 'evt_3', 'conversion-type')).to.equal('Deposit');
    expect(cell(el, 'evt_3', 'conversion-amount'), 'the decimal string, not a float').to.equal('1250.00 USD');
    expect(cell(el, 'evt_3', 'conversion-by')).to.equal('Promo code');
    expect(cell(el, 'evt_3', 'conversion-click')).to.equal('—');
    expect(cell(el, 'evt_2', 'conversion-amount')).to.equal('—');
    expect(cell(el, 'evt_2', 'conversion-by')).to.equal('Earlier player attribution');
    expect(cell(el, 'evt_1', 'conversion-type')).to.equal('First deposit');
    expect(cell(el, 'evt_1', 'conversion-amount')).to.equal('25.50 EUR');
    expect(cell(el, 'evt_1', 'conversion-campaign')).to.equal('Summer push');
    expect(cell(el, 'evt_1', 'conversion-promo')).to.equal('Welcome banner');
    expect(cell(el, 'evt_1', 'conversion-click')).to.equal('clk_9f2a');
    expect(cell(el, 'evt_1', 'conversion-by')).to.equal('Click (visit ID)');
    expect(cell(el, 'evt_1', 'conversion-player')).to.equal('player-7781');
    expect($in(el, '[data-conversion-id="evt_1"] time').getAttribute('datetime')).to.equal('2025-03-02T10:15:00.000Z');
    expect($in(el, '[part~="count"]').textContent).to.equal('Showing 3 conversions.');
  });

  it('builds the query from type, campaign, click id and dates', async () => {
    api = fakeLog();
    const el = await mounted();
    const campaign = await find<HTMLSelectElement>(el, '#conversions-campaign');
    expect([...campaign.options].map((o) => o.textContent).join(' | '), 'active and archived').to.equal(
      'All campaigns | Summer push | Spring promo (Archived)',
    );
    expect($in<HTMLSelectElement>(el, '#conversions-type').options.length, 'all + 10 types').to.equal(11);
    fill($in<HTMLSelectElement>(el, '#conversions-type'), 'first_deposit');
    fill(campaign, 'camp_1');
    fill($in<HTMLInputElement>(el, '#conversions-click'), ' clk_9f2a ');
    fill($in<HTMLInputElement>(el, '#conversions-from'), '2025-03-01');
    fill($in<HTMLInputElement>(el, '#conversions-to'), '2025-03-31');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => calls(api!).length === 2, 1000, 'filtered request');
    const q = calls(api)[1]!.query;
    expect(q.get('type')).to.equal('first_deposit');
    expect(q.get('campaignId')).to.equal('camp_1');
    expect(q.get('clickId')).to.equal('clk_9f2a');
    expect(q.get('from')).to.equal(new Date('2025-03-01T00:00:00').toISOString());
    expect(q.get('to')).to.equal(new Date('2025-03-31T23:59:59.999').toISOString());
    expect(q.get('limit')).to.equal('100');
  });

  it('with no events yet says where they come from and offers a tracking link (Campaigns)', async () => {
    api = fakeCampaignApi(({ path }) => (path === '/v1/partner/events' ? json({ data: [] }) : undefined));
    const { el } = await mountSection<KbConversions>('kb-conversions', { user: makeUser() });
    const empty = await find(el, '[part~="events-view"] [part~="empty"]');
    expect(empty.getAttribute('role')).to.equal('status');
    expect(empty.querySelector('[part~="empty-message"]')?.textContent).to.equal(
      'Events appear here when players who came through your tracking links register or deposit.',
    );
    expect(query(el, 'table')).to.equal(null);
    const opened: string[] = [];
    document.addEventListener('kb-open-section', (e) => opened.push(e.detail.section), { once: true });
    const action = empty.querySelector<HTMLButtonElement>('[part~="empty-action"]')!;
    expect(action.textContent).to.equal('Get a tracking link');
    action.click();
    expect(opened, 'bubbles and is composed to the page').to.deep.equal(['campaigns']);
  });

  it('with filters and no match says so, and Clear filters empties the form and reloads', async () => {
    api = fakeCampaignApi(({ path, query: q }) =>
      path === '/v1/partner/events' ? json({ data: q.get('clickId') ? [] : rows }) : undefined,
    );
    const el = await mounted();
    fill($in<HTMLInputElement>(el, '#conversions-click'), 'clk_none');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    const empty = await find(el, '[part~="events-view"] [part~="empty"]');
    expect(empty.querySelector('[part~="empty-message"]')?.textContent).to.equal('No conversions match these filters.');
    const clear = empty.querySelector<HTMLButtonElement>('[part~="empty-action"]')!;
    expect(clear.textContent).to.equal('Clear filters');
    clear.click();
    await find(el, '[part~="conversion-row"]');
    expect($in<HTMLInputElement>(el, '#conversions-click').value, 'form reset').to.equal('');
    expect(calls(api).at(-1)!.query.toString(), 'reloaded without filters').to.equal('limit=100');
  });

  it('speaks Russian', async () => {
    api = fakeLog();
    const el = await mounted('owner', 'ru');
    expect($in(el, '[part~="heading"]').textContent).to.equal('Конверсии');
    expect(cell(el, 'evt_1', 'conversion-type')).to.equal('Первый депозит');
    expect(cell(el, 'evt_2', 'conversion-by')).to.equal('Ранее привязанный игрок');
    expect($in(el, '#conversions-type option[value="chargeback"]').textContent).to.equal('Чарджбэк');
    expect(textOf(el)).to.include('Показано 3 конверсии.');
  });
});
