import { define } from '../../internal/base-element.ts';
import { KbCampaigns } from './kb-campaigns.ts';
import { KbCampaignDetail, KbCampaignWizard, KbCreatives } from '../../sections/campaigns.ts';
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
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { fakeCampaignApi, promo } from '../../internal/campaign/campaign-test-kit.ts';

define('kb-campaigns', KbCampaigns);
define('kb-campaign-detail', KbCampaignDetail);
define('kb-campaign-wizard', KbCampaignWizard);
define('kb-creatives', KbCreatives);

const listCalls = (api: ApiMock) => api.sent('GET /v1/partner/campaigns');
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="campaign-row"]')];

async function mounted(user = makeUser(), locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbCampaigns>('kb-campaigns', { user, locale });
  await find(el, '[part~="campaign-row"]');
  return el;
}

describe('<kb-campaigns>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('lists active campaigns and switches tabs by click and arrow keys', async () => {
    api = fakeCampaignApi();
    const el = await mounted();
    expect(listCalls(api)[0]!.query.toString(), 'first request').to.equal('status=active');
    const row = rows(el)[0]!;
    expect(row.querySelector('[part~="open"]')?.textContent).to.equal('Summer push');
    expect(row.querySelector('[part~="campaign-brand"]')?.textContent).to.equal('LuckySpin');
    expect(row.querySelector('[part~="campaign-plan"]')?.textContent).to.equal('RevShare 30%');
    expect(row.querySelector('[part~="campaign-promos"]')?.textContent).to.equal('2');
    const archivedTab = $in<HTMLButtonElement>(el, '#campaigns-tab-archived');
    expect(archivedTab.getAttribute('role')).to.equal('tab');
    expect(archivedTab.tabIndex, 'inactive tab out of the tab order').to.equal(-1);
    archivedTab.click();
    await waitFor(() => rows(el)[0]?.textContent?.includes('Spring promo'), 1000, 'archived list');
    expect(listCalls(api)[1]!.query.get('status')).to.equal('archived');
    expect(archivedTab.getAttribute('aria-selected')).to.equal('true');
    expect($in(el, '[role="tabpanel"]').getAttribute('aria-labelledby')).to.equal('campaigns-tab-archived');

    $in(el, '[role="tablist"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await waitFor(() => deepActiveElement()?.id === 'campaigns-tab-active', 1000, 'focus on the Active tab');
    await waitFor(() => listCalls(api!).length === 3, 1000, 'active list again');
    expect(listCalls(api)[2]!.query.get('status')).to.equal('active');
    expect($in(el, '#campaigns-tab-active').getAttribute('aria-selected')).to.equal('true');
  });

  it('builds the query from the filters and keeps the tab', async () => {
    api = fakeCampaignApi();
    const el = await mounted();
    const brand = await find<HTMLSelectElement>(el, '#campaigns-brand');
    expect([...brand.options].map((o) => o.textContent).join(), 'brand options').to.equal('Any,LuckySpin');
    fill($in<HTMLInputElement>(el, '#campaigns-q'), 'summer');
    fill(brand, 'brd_lucky');
    fill($in<HTMLSelectElement>(el, '#campaigns-plan'), 'pln_rev');
    fill($in<HTMLInputElement>(el, '#campaigns-from'), '2025-03-01');
    fill($in<HTMLInputElement>(el, '#campaigns-to'), '2025-03-31');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => listCalls(api!).length === 2, 1000, 'filtered request');
    expect(listCalls(api)[1]!.query.toString()).to.equal(
      'status=active&q=summer&brandId=brd_lucky&planId=pln_rev&from=2025-03-01&to=2025-03-31',
    );
    $in<HTMLButtonElement>(el, '#campaigns-tab-archived').click();
    await waitFor(() => listCalls(api!).length === 3, 1000, 'archived request');
    expect(listCalls(api)[2]!.query.get('q'), 'filters kept across tabs').to.equal('summer');

    fill($in<HTMLInputElement>(el, '#campaigns-from'), '2025-04-01');
    (await find<HTMLButtonElement>(el, '[part~="apply"]:not([disabled])')).click();
    const error = await find(el, '#campaigns-to-error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(listCalls(api).length, 'no request with an end before the start').to.equal(3);
  });

  it('opens a campaign in place and comes back to the list', async () => {
    api = fakeCampaignApi();
    const el = await mounted();
    fill($in<HTMLInputElement>(el, '#campaigns-q'), 'summer');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => listCalls(api!).length === 2 && query(el, '[part~="apply"]:not([disabled])'), 1000, 'filtered');
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="open"]')!.click();
    const detail = await find<KbCampaignDetail>(el, 'kb-campaign-detail');
    expect(detail.getAttribute('campaign-id')).to.equal('camp_1');
    await waitFor(
      () => detail.shadowRoot?.querySelector('[part~="heading"]')?.textContent === 'Summer push',
      1000,
      'detail loaded',
    );
    await waitFor(() => deepActiveElement()?.getAttribute('part')?.includes('back'), 1000, 'focus on Back');
    expect($in(el, '[part~="list"]').hidden, 'the list is out of the way').to.equal(true);
    $in<HTMLButtonElement>(el, '[part~="back"]').click();
    await waitFor(() => !$in(el, '[part~="list"]').hidden, 1000, 'list shown');
    expect(query(el, 'kb-campaign-detail')).to.equal(null);
    expect($in<HTMLInputElement>(el, '#campaigns-q').value, 'filters kept').to.equal('summer');
    expect(listCalls(api).at(-1)!.query.get('q'), 'reloaded with them').to.equal('summer');
    await waitFor(() => deepActiveElement()?.id === 'campaigns-heading', 1000, 'focus on the heading');
  });

  it('lets owners open the wizard in place, and hides Create from analysts', async () => {
    api = fakeCampaignApi();
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[part~="create"]').click();
    const wizard = await find<KbCampaignWizard>(el, 'kb-campaign-wizard');
    expect(wizard.hasAttribute('campaign-id')).to.equal(false);
    wizard.dispatchEvent(
      new CustomEvent('kb-campaign-created', {
        detail: { campaignId: 'camp_1', promoId: 'promo_1' },
        bubbles: true,
        composed: true,
      }),
    );
    const detail = await find(el, 'kb-campaign-detail');
    expect(detail.getAttribute('campaign-id'), 'the new campaign opens').to.equal('camp_1');
    cleanupFixtures();

    const analyst = await mounted(makeUser({ role: 'analyst' }));
    expect(query(analyst, '[part~="create"]'), 'create button').to.equal(null);
  });

  it('lets owners add a promo from an active campaign’s row, then shows that campaign', async () => {
    api = fakeCampaignApi(({ method, path }) =>
      method === 'POST' && path === '/v1/partner/campaigns/camp_1/promos'
        ? json(
            promo({ id: 'promo_3', title: 'LuckySpin sports', creative: null, htmlSnippet: null, promoCode: null }),
            201,
          )
        : undefined,
    );
    const el = await mounted();
    const add = rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="add-promo"]')!;
    expect(add.textContent).to.equal('Add promo');
    expect(add.getAttribute('aria-label'), 'names its campaign').to.equal('Add promo to Summer push');
    $in<HTMLButtonElement>(el, '#campaigns-tab-archived').click();
    await waitFor(() => rows(el)[0]?.textContent?.includes('Spring promo'), 1000, 'archived list');
    expect(query(el, '[part~="add-promo"]'), 'no promos for archived campaigns').to.equal(null);
    $in<HTMLButtonElement>(el, '#campaigns-tab-active').click();
    (await find<HTMLButtonElement>(el, '[part~="add-promo"]')).click();

    const wizard = await find<KbCampaignWizard>(el, 'kb-campaign-wizard');
    expect(wizard.getAttribute('campaign-id'), 'promo mode for that campaign').to.equal('camp_1');
    expect($in(el, '[part~="list"]').hidden, 'the list is out of the way').to.equal(true);
    await waitFor(() => deepActiveElement()?.getAttribute('part')?.includes('back'), 1000, 'focus on Back');
    fill(await find<HTMLSelectElement>(wizard, '#wizard-landingId'), 'lnd_sports');
    $in<HTMLButtonElement>(wizard, '[part~="next"]').click();
    (await find<HTMLInputElement>(await find(wizard, 'kb-creatives'), '#creative-direct')).click();
    $in<HTMLButtonElement>(wizard, '[part~="finish"]').click();
    const detail = await find<KbCampaignDetail>(el, 'kb-campaign-detail');
    expect(detail.getAttribute('campaign-id'), 'that campaign opens').to.equal('camp_1');
    expect(api.sent('POST /v1/partner/campaigns/camp_1/promos').length).to.equal(1);
    expect(query(el, 'kb-campaign-wizard')).to.equal(null);
    $in<HTMLButtonElement>(el, '[part~="back"]').click();
    await waitFor(() => !$in(el, '[part~="list"]').hidden, 1000, 'back to the list');
    cleanupFixtures();

    const analyst = await mounted(makeUser({ role: 'analyst' }));
    expect(query(analyst, '[part~="add-promo"]'), 'add promo').to.equal(null);
    expect(query(analyst, '[part~="campaign-actions"]'), 'no actions column').to.equal(null);
  });

  it('with no campaigns yet offers the first one, which opens the wizard', async () => {
    api = fakeCampaignApi(({ path }) => (path === '/v1/partner/campaigns' ? json({ data: [] }) : undefined));
    const { el } = await mountSection<KbCampaigns>('kb-campaigns', { user: makeUser() });
    const empty = await find(el, '[part~="empty"]');
    expect(empty.getAttribute('role')).to.equal('status');
    expect(empty.textContent).to.include('You have no campaigns yet.');
    expect(empty.textContent).not.to.include('match');
    const action = $in<HTMLButtonElement>(el, '[part~="empty-action"]');
    expect(action.textContent).to.equal('Create your first campaign');
    action.click();
    const wizard = await find<KbCampaignWizard>(el, 'kb-campaign-wizard');
    expect(wizard.hasAttribute('campaign-id')).to.equal(false);
    cleanupFixtures();

    const analyst = (await mountSection<KbCampaigns>('kb-campaigns', { user: makeUser({ role: 'analyst' }) })).el;
    await find(analyst, '[part~="empty"]');
    expect(query(analyst, '[part~="empty-action"]'), 'no create for analysts').to.equal(null);
    expect(textOf(analyst)).to.include('The account owner or an admin can create one.');
  });

  it('with filters and no match says so, and Clear filters empties the form and reloads', async () => {
    api = fakeCampaignApi(({ path, query: q }) =>
      path === '/v1/partner/campaigns' && q.get('q') ? json({ data: [] }) : undefined,
    );
    const el = await mounted();
    fill($in<HTMLInputElement>(el, '#campaigns-q'), 'nothing like it');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    const empty = await find(el, '[part~="empty"]');
    expect(empty.textContent).to.include('No campaigns match these filters.');
    const clear = $in<HTMLButtonElement>(el, '[part~="empty-action"]');
    expect(clear.textContent).to.equal('Clear filters');
    clear.click();
    await find(el, '[part~="campaign-row"]');
    expect($in<HTMLInputElement>(el, '#campaigns-q').value, 'form reset').to.equal('');
    expect(listCalls(api).at(-1)!.query.toString(), 'reloaded without filters').to.equal('status=active');
  });

  it('says plainly when the archive is empty', async () => {
    api = fakeCampaignApi(({ path, query: q }) =>
      path === '/v1/partner/campaigns' && q.get('status') === 'archived' ? json({ data: [] }) : undefined,
    );
    const el = await mounted();
    $in<HTMLButtonElement>(el, '#campaigns-tab-archived').click();
    const empty = await find(el, '[part~="empty"]');
    expect(empty.textContent?.trim()).to.equal('No archived campaigns.');
    expect(query(el, '[part~="empty-action"]')).to.equal(null);
  });

  it('speaks Russian', async () => {
    api = fakeCampaignApi();
    const el = await mounted(makeUser(), 'ru');
    expect($in(el, '[part~="heading"]').textContent).to.equal('Кампании');
    expect($in(el, '#campaigns-tab-active').textContent).to.equal('Активна');
    expect($in(el, '#campaigns-tab-archived').textContent).to.equal('В архиве');
    expect($in(el, '[part~="create"]').textContent).to.equal('Создать кампанию');
    expect($in(el, '[part~="add-promo"]').getAttribute('aria-label')).to.equal(
      'Добавить промо в кампанию «Summer push»',
    );
    expect(textOf(el)).to.include('1 кампания.');
  });
});
