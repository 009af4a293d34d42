import { define } from '../../internal/base-element.ts';
import { KbCampaigns } from './kb-campaigns.ts';
import { KbCampaignDetail, KbCampaignWizard, KbCreatives } from '../../sections/campaigns.ts';
import { $in, afterEach, cleanupFixtures, deepActiveElement, describe, expect, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, json, makeUser, mountSection, query, textOf, type ApiMock } from '../../internal/account/account-test-kit.ts';
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
  afterEach(() => { api?.restore(); api = null; cleanupFixtures(); });

  it('lists active campaigns and switches tabs by click and arrow keys', async () => {
    api = fakeCampaignApi();
    const el = await mounted();
    expect(listCalls(api)[0]!.query.toString(), 'first request').toBe('status=active');
    const row = rows(el)[0]!;
    expect(row.querySelector('[part~="open"]')?.textContent).toBe('Summer push');
    expect(row.querySelector('[part~="campaign-brand"]')?.textContent).toBe('LuckySpin');
    expect(row.querySelector('[part~="campaign-plan"]')?.textContent).toBe('RevShare 30%');
    expect(row.querySelector('[part~="campaign-promos"]')?.textContent).toBe('2');
    const archivedTab = $in<HTMLButtonElement>(el, '#campaigns-tab-archived');
    expect(archivedTab.getAttribute('role')).toBe('tab');
    expect(archivedTab.tabIndex, 'inactive tab out of the tab order').toBe(-1);
    archivedTab.click();
    await waitFor(() => rows(el)[0]?.textContent?.includes('Spring promo'), 1000, 'archived list');
    expect(listCalls(api)[1]!.query.get('status')).toBe('archived');
    expect(archivedTab.getAttribute('aria-selected')).toBe('true');
    expect($in(el, '[role="tabpanel"]').getAttribute('aria-labelledby')).toBe('campaigns-tab-archived');

    $in(el, '[role="tablist"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await waitFor(() => deepActiveElement()?.id === 'campaigns-tab-active', 1000, 'focus on the Active tab');
    await waitFor(() => listCalls(api!).length === 3, 1000, 'active list again');
    expect(listCalls(api)[2]!.query.get('status')).toBe('active');
    expect($in(el, '#campaigns-tab-active').getAttribute('aria-selected')).toBe('true');
  });

  it('builds the query from the filters and keeps the tab', async () => {
    api = fakeCampaignApi();
    const el = await mounted();
    const brand = await find<HTMLSelectElement>(el, '#campaigns-brand');
    expect([...brand.options].map((o) => o.textContent).join(), 'brand options').toBe('Any,LuckySpin');
    fill($in<HTMLInputElement>(el, '#campaigns-q'), 'summer');
    fill(brand, 'brd_lucky');
    fill($in<HTMLSelectElement>(el, '#campaigns-plan'), 'pln_rev');
    fill($in<HTMLInputElement>(el, '#campaigns-from'), '2025-03-01');
    fill($in<HTMLInputElement>(el, '#campaigns-to'), '2025-03-31');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => listCalls(api!).length === 2, 1000, 'filtered request');
    expect(listCalls(api)[1]!.query.toString()).toBe('status=active&q=summer&brandId=brd_lucky&planId=pln_rev&from=2025-03-01&to=2025-03-31');
    $in<HTMLButtonElement>(el, '#campaigns-tab-archived').click();
    await waitFor(() => listCalls(api!).length === 3, 1000, 'archived request');
    expect(listCalls(api)[2]!.query.get('q'), 'filters kept across tabs').toBe('summer');

    fill($in<HTMLInputElement>(el, '#campaigns-from'), '2025-04-01');
    (await find<HTMLButtonElement>(el, '[part~="apply"]:not([disabled])')).click();
    const error = await find(el, '#campaigns-to-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(listCalls(api).length, 'no request with an end before the start').toBe(3);
  });

  it('opens a campaign in place and comes back to the list', async () => {
    api = fakeCampaignApi();
    const el = await mounted();
    fill($in<HTMLInputElement>(el, '#campaigns-q'), 'summer');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => listCalls(api!).length === 2 && query(el, '[part~="apply"]:not([disabled])'), 1000, 'filtered');
    rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="open"]')!.click();
    const detail = await find<KbCampaignDetail>(el, 'kb-campaign-detail');
    expect(detail.getAttribute('campaign-id')).toBe('camp_1');
    await waitFor(() => detail.shadowRoot?.querySelector('[part~="heading"]')?.textContent === 'Summer push', 1000, 'detail loaded');
    await waitFor(() => deepActiveElement()?.getAttribute('part')?.includes('back'), 1000, 'focus on Back');
    expect($in(el, '[part~="list"]').hidden, 'the list is out of the way').toBe(true);
    $in<HTMLButtonElement>(el, '[part~="back"]').click();
    await waitFor(() => !$in(el, '[part~="list"]').hidden, 1000, 'list shown');
    expect(query(el, 'kb-campaign-detail')).toBe(null);
    expect($in<HTMLInputElement>(el, '#campaigns-q').value, 'filters kept').toBe('summer');
    expect(listCalls(api).at(-1)!.query.get('q'), 'reloaded with them').toBe('summer');
    await waitFor(() => deepActiveElement()?.id === 'campaigns-heading', 1000, 'focus on the heading');
  });

  it('lets owners open the wizard in place, and hides Create from analysts', async () => {
    api = fakeCampaignApi();
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[part~="create"]').click();
    const wizard = await find<KbCampaignWizard>(el, 'kb-campaign-wizard');
    expect(wizard.hasAttribute('campaign-id')).toBe(false);
    wizard.dispatchEvent(new CustomEvent('kb-campaign-created', { detail: { campaignId: 'camp_1', promoId: 'promo_1' }, bubbles: true, composed: true }));
    const detail = await find(el, 'kb-campaign-detail');
    expect(detail.getAttribute('campaign-id'), 'the new campaign opens').toBe('camp_1');
    cleanupFixtures();

    const analyst = await mounted(makeUser({ role: 'analyst' }));
    expect(query(analyst, '[part~="create"]'), 'create button').toBe(null);
  });

  it('lets owners add a promo from an active campaign’s row, then shows that campaign', async () => {
    api = fakeCampaignApi(({ method, path }) => (method === 'POST' && path === '/v1/partner/campaigns/camp_1/promos'
      ? json(promo({ id: 'promo_3', title: 'LuckySpin sports', creative: null, htmlSnippet: null, promoCode: null }), 201) : undefined));
    const el = await mounted();
    const add = rows(el)[0]!.querySelector<HTMLButtonElement>('[part~="add-promo"]')!;
    expect(add.textContent).toBe('Add promo');
    expect(add.getAttribute('aria-label'), 'names its campaign').toBe('Add promo to Summer push');
    $in<HTMLButtonElement>(el, '#campaigns-tab-archived').click();
    await waitFor(() => rows(el)[0]?.textContent?.includes('Spring promo'), 1000, 'archived list');
    expect(query(el, '[part~="add-promo"]'), 'no promos for archived campaigns').toBe(null);
    $in<HTMLButtonElement>(el, '#campaigns-tab-active').click();
    (await find<HTMLButtonElement>(el, '[part~="add-promo"]')).click();

    const wizard = await find<KbCampaignWizard>(el, 'kb-campaign-wizard');
    expect(wizard.getAttribute('campaign-id'), 'promo mode for that campaign').toBe('camp_1');
    expect($in(el, '[part~="list"]').hidden, 'the list is out of the way').toBe(true);
    await waitFor(() => deepActiveElement()?.getAttribute('part')?.includes('back'), 1000, 'focus on Back');
    fill(await find<HTMLSelectElement>(wizard, '#wizard-landingId'), 'lnd_sports');
    $in<HTMLButtonElement>(wizard, '[part~="next"]').click();
    (await find<HTMLInputElement>(await find(wizard, 'kb-creatives'), '#creative-direct')).click();
    $in<HTMLButtonElement>(wizard, '[part~="finish"]').click();
    const detail = await find<KbCampaignDetail>(el, 'kb-campaign-detail');
    expect(detail.getAttribute('campaign-id'), 'that campaign opens').toBe('camp_1');
    expect(api.sent('POST /v1/partner/campaigns/camp_1/promos').length).toBe(1);
    expect(query(el, 'kb-campaign-wizard')).toBe(null);
    $in<HTMLButtonElement>(el, '[part~="back"]').click();
    await waitFor(() => !$in(el, '[part~="list"]').hidden, 1000, 'back to the list');
    cleanupFixtures();

    const analyst = await mounted(makeUser({ role: 'analyst' }));
    expect(query(analyst, '[part~="add-promo"]'), 'add promo').toBe(null);
    expect(query(analyst, '[part~="campaign-actions"]'), 'no actions column').toBe(null);
  });

  it('speaks Russian', async () => {
    api = fakeCampaignApi();
    const el = await mounted(makeUser(), 'ru');
    expect($in(el, '[part~="heading"]').textContent).toBe('Кампании');
    expect($in(el, '#campaigns-tab-active').textContent).toBe('Активна');
    expect($in(el, '#campaigns-tab-archived').textContent).toBe('В архиве');
    expect($in(el, '[part~="create"]').textContent).toBe('Создать кампанию');
    expect($in(el, '[part~="add-promo"]').getAttribute('aria-label')).toBe('Добавить промо в кампанию «Summer push»');
    expect(textOf(el)).toContain('1 кампания.');
  });
});
