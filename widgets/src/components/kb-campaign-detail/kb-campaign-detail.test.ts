import { define } from '../../internal/base-element.ts';
import { KbCampaignDetail } from './kb-campaign-detail.ts';
import { KbCampaignWizard, KbCreatives } from '../../sections/campaigns.ts';
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
  stubClipboard,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { SNIPPET, detail, promo } from '../../internal/campaign/campaign-test-kit.ts';
import { fakePostbackApi } from '../../internal/postback/postback-test-kit.ts';
import type { CampaignDetail } from '../../internal/campaign/campaign-types.ts';

define('kb-campaign-detail', KbCampaignDetail);
define('kb-campaign-wizard', KbCampaignWizard);
define('kb-creatives', KbCreatives);

type Body = Record<string, unknown>;

/** A stateful fake of the campaign's write routes (and the postback routes), answering like the server. */
function fakeServer() {
  let current: CampaignDetail = detail();
  return fakePostbackApi(({ method, path, body }) => {
    const patch = path.match(/^\/v1\/partner\/promos\/(\w+)$/);
    if (method === 'GET' && path === '/v1/partner/campaigns/camp_1') return json(current);
    if (method === 'POST' && path.endsWith('/archive'))
      return json((current = { ...current, status: 'archived', archivedAt: '2025-03-05T00:00:00.000Z' }));
    if (method === 'POST' && path.endsWith('/unarchive'))
      return json((current = { ...current, status: 'active', archivedAt: null }));
    if (method === 'PATCH' && patch) {
      const input = body as Body;
      if (input.title === 'x'.repeat(3))
        return problem(422, 'validation_failed', 'body.title: Too small', [
          { path: 'body.title', message: 'Too short' },
        ]);
      const source = input.trafficSourceId
        ? { id: String(input.trafficSourceId), name: input.trafficSourceId === 'ts_social' ? 'Social media' : 'SEO' }
        : undefined;
      current = {
        ...current,
        promos: current.promos.map((p) =>
          p.id === patch[1]
            ? {
                ...p,
                ...(input.title ? { title: String(input.title) } : {}),
                ...(source ? { trafficSource: source } : {}),
              }
            : p,
        ),
      };
      return json(current.promos.find((p) => p.id === patch[1]));
    }
    if (method === 'POST' && path === '/v1/partner/campaigns/camp_1/promos') {
      const added = promo({
        id: 'promo_3',
        title: String((body as Body).title),
        creative: null,
        htmlSnippet: null,
        promoCode: null,
      });
      current = { ...current, promos: [...current.promos, added] };
      return json(added, 201);
    }
    return undefined;
  });
}

async function mounted(role: 'owner' | 'analyst' = 'owner', locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbCampaignDetail>('kb-campaign-detail', { user: makeUser({ role }), locale });
  el.setAttribute('campaign-id', 'camp_1');
  await find(el, '[part~="promo"]');
  return el;
}
const card = (el: Element, id: string) => $in(el, `[data-promo-id="${id}"]`);
const patches = (api: ApiMock) => api.requests.filter((r) => r.method === 'PATCH');

describe('<kb-campaign-detail>', () => {
  let api: ApiMock | null = null;
  let clipboard: ReturnType<typeof stubClipboard> | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    clipboard?.restore();
    clipboard = null;
    cleanupFixtures();
  });

  it('shows the campaign and its promos, with links and HTML code to copy as text', async () => {
    api = fakeServer();
    clipboard = stubClipboard();
    const el = await mounted();
    expect($in(el, '[part~="heading"]').textContent).to.equal('Summer push');
    expect($in(el, '[part~="status-badge"]').textContent).to.equal('Active');
    expect(textOf(el)).to.include('RevShare 30%');
    const banner = card(el, 'promo_1');
    expect(banner.querySelector<HTMLInputElement>('[part~="tracking-link"]')?.value).to.equal(
      'https://t.kabinet.test/t/abc123',
    );
    expect(banner.querySelector<HTMLTextAreaElement>('[part~="snippet"]')?.value).to.equal(SNIPPET);
    expect(query(el, 'a'), 'the snippet is never rendered').to.equal(null);
    const thumb = banner.querySelector<HTMLImageElement>('[part~="promo-creative"] img')!;
    expect(thumb.getAttribute('src')).to.equal('https://cdn.kabinet.test/luckyspin-300x250.svg');
    expect(thumb.getAttribute('width')).to.equal('300');
    expect(banner.querySelector('[part~="promo-code"]')?.textContent).to.equal('SUMMER25');
    const direct = card(el, 'promo_2');
    expect(direct.querySelector('[part~="promo-creative"]')?.textContent?.trim()).to.equal('Direct link (no banner)');
    expect(direct.querySelector('[part~="snippet"]')).to.equal(null);
    banner.querySelector<HTMLButtonElement>('[part~="snippet-field"] [part~="copy-button"]')!.click();
    await waitFor(
      () => banner.querySelector('[part~="snippet-field"] [part~="copy-status"]')?.textContent === 'Copied',
      1000,
      'Copied',
    );
    expect(clipboard.written).to.deep.equal([SNIPPET]);
  });

  it('archives and unarchives; an archived campaign takes no new promos or edits', async () => {
    api = fakeServer();
    const el = await mounted();
    expect(query(el, '[part~="archived-note"]')).to.equal(null);
    $in<HTMLButtonElement>(el, '[part~="archive"]').click();
    const note = await find(el, '[part~="archived-note"]');
    expect(note.textContent).to.equal('This campaign is archived: its links keep tracking; no new promos or edits.');
    expect(api.sent('POST /v1/partner/campaigns/camp_1/archive').length).to.equal(1);
    expect($in(el, '[part~="status-badge"]').textContent).to.equal('Archived');
    expect($in(el, '[part~="campaign-postbacks"]').hasAttribute('read-only'), 'its postbacks are read-only').to.equal(
      true,
    );
    expect($in(el, '[role="status"][part~="success"]').textContent).to.equal('The campaign is archived.');
    expect(query(el, '[part~="add-promo"]'), 'add promo').to.equal(null);
    expect(query(el, '[part~="rename"]'), 'rename').to.equal(null);
    expect(query(el, '[part~="source-form"]'), 'traffic source').to.equal(null);

    $in<HTMLButtonElement>(el, '[part~="unarchive"]').click();
    await waitFor(() => !query(el, '[part~="archived-note"]'), 1000, 'note gone');
    expect(api.sent('POST /v1/partner/campaigns/camp_1/unarchive').length).to.equal(1);
    expect(query(el, '[part~="add-promo"]'), 'add promo again').to.be.instanceOf(Element);
  });

  it('renames a promo inline, with the server’s message beside the field', async () => {
    api = fakeServer();
    const el = await mounted();
    card(el, 'promo_1').querySelector<HTMLButtonElement>('[part~="rename"]')!.click();
    const input = await find<HTMLInputElement>(el, '#rename-promo_1');
    await waitFor(() => deepActiveElement() === input, 1000, 'focus in the field');
    expect(input.value).to.equal('Welcome banner');
    fill(input, 'xxx');
    $in<HTMLButtonElement>(el, '[part~="rename-form"] [part~="save"]').click();
    const error = await find(el, '#rename-promo_1-error');
    expect(error.textContent).to.equal('Too short');
    expect(error.getAttribute('role')).to.equal('alert');
    fill(input, 'Welcome banner (EN)');
    $in<HTMLButtonElement>(el, '[part~="rename-form"] [part~="save"]').click();
    await waitFor(
      () => card(el, 'promo_1').querySelector('[part~="promo-title"]')?.textContent === 'Welcome banner (EN)',
      1000,
      'renamed',
    );
    expect(patches(api).at(-1)?.path).to.equal('/v1/partner/promos/promo_1');
    expect(patches(api).at(-1)?.body).to.deep.equal({ title: 'Welcome banner (EN)' });
    expect(query(el, '[part~="rename-form"]')).to.equal(null);
    await waitFor(() => deepActiveElement()?.id === 'promo-promo_1-title', 1000, 'focus on the title');
  });

  it('sets a traffic source only while it is empty', async () => {
    api = fakeServer();
    const el = await mounted();
    expect(card(el, 'promo_2').querySelector('[part~="source-form"]'), 'already set: no select').to.equal(null);
    expect(card(el, 'promo_2').querySelector('[part~="promo-source"]')?.textContent).to.equal('SEO');
    const banner = card(el, 'promo_1');
    expect(banner.querySelector('[part~="promo-source"]')?.textContent).to.equal('Not set');
    expect(banner.querySelector('#source-promo_1-hint')?.textContent).to.equal(
      'Once set, the traffic source can’t be changed.',
    );
    fill(banner.querySelector<HTMLSelectElement>('#source-promo_1')!, 'ts_social');
    banner.querySelector<HTMLButtonElement>('[part~="set-source"]')!.click();
    await waitFor(
      () => banner.querySelector('[part~="promo-source"]')?.textContent === 'Social media',
      1000,
      'source set',
    );
    expect(patches(api)[0]?.body).to.deep.equal({ trafficSourceId: 'ts_social' });
    expect(banner.querySelector('[part~="source-form"]'), 'no second chance').to.equal(null);
  });

  it('adds a promo with the wizard’s steps 2 and 3 and shows it', async () => {
    api = fakeServer();
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[part~="add-promo"]').click();
    const wizard = await find<KbCampaignWizard>(el, 'kb-campaign-wizard');
    expect(wizard.getAttribute('campaign-id')).to.equal('camp_1');
    fill(await find<HTMLSelectElement>(wizard, '#wizard-landingId'), 'lnd_sports');
    $in<HTMLButtonElement>(wizard, '[part~="next"]').click();
    const gallery = await find(wizard, 'kb-creatives');
    (await find<HTMLInputElement>(gallery, '#creative-direct')).click();
    $in<HTMLButtonElement>(wizard, '[part~="finish"]').click();
    await waitFor(() => query(el, '[data-promo-id="promo_3"]'), 2000, 'the new promo');
    expect(query(el, 'kb-campaign-wizard')).to.equal(null);
    expect($in(el, '[part~="success"]').textContent).to.equal('Promo added.');
    expect(api.sent('POST /v1/partner/campaigns/camp_1/promos')[0]?.body).to.deep.equal({
      landingId: 'lnd_sports',
      creativeId: null,
      trafficSourceId: null,
      title: 'LuckySpin sports',
      promoCode: null,
    });
    await waitFor(() => deepActiveElement()?.id === 'promo-promo_3-title', 1000, 'focus on the new promo');
  });

  it('shows each promo’s postbacks (none or how many) and the campaign’s own below the promos', async () => {
    api = fakeServer();
    const el = await mounted();
    const toggle = (id: string) => card(el, id).querySelector<HTMLButtonElement>('[part~="postbacks-toggle"]')!;
    await waitFor(() => toggle('promo_1').textContent === '1', 1000, 'promo_1 count');
    expect(
      api.sent('GET /v1/partner/postbacks').some((r) => r.query.toString() === 'scope=promo&campaignId=camp_1'),
      'one request for the counts',
    ).to.equal(true);
    expect(toggle('promo_2').textContent).to.equal('none');
    expect(toggle('promo_2').getAttribute('aria-label')).to.equal('Postbacks of “Direct to sports”: none');
    const own = $in(el, '[part~="campaign-postbacks"]');
    expect(own.getAttribute('campaign-id')).to.equal('camp_1');
    await waitFor(
      () => own.shadowRoot?.querySelector('[data-postback-id="pb_campaign"]'),
      2000,
      'the campaign’s postbacks (lazy chunk)',
    );

    toggle('promo_2').click();
    const list = await find(el, '[part~="promo-postbacks"]');
    expect(toggle('promo_2').getAttribute('aria-expanded')).to.equal('true');
    expect(list.getAttribute('promo-id')).to.equal('promo_2');
    (
      await waitFor(() => list.shadowRoot?.querySelector<HTMLButtonElement>('[part~="new"]'), 2000, 'New postback')
    ).click();
    const editor = await waitFor(() => list.shadowRoot?.querySelector('kb-postback-editor'), 1000, 'editor');
    const url = await waitFor(
      () => editor.shadowRoot?.querySelector<HTMLTextAreaElement>('#postback-url'),
      1000,
      'url field',
    );
    fill(url as unknown as HTMLInputElement, 'https://tracker.example/r?v=${visit_id}');
    editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save"]')!.click();
    await waitFor(() => toggle('promo_2').textContent === '1', 2000, 'count updated after saving');
    expect(api.sent('POST /v1/partner/postbacks')[0]?.body).to.deep.equal({
      scope: 'promo',
      action: 'registration',
      method: 'GET',
      url: 'https://tracker.example/r?v=${visit_id}',
      enabled: true,
      promoId: 'promo_2',
    });
  });

  it('shows analysts no write controls', async () => {
    api = fakeServer();
    const el = await mounted('analyst');
    for (const part of ['archive', 'unarchive', 'add-promo', 'rename', 'source-form'])
      expect(query(el, `[part~="${part}"]`), part).to.equal(null);
    expect(api.sent('GET /v1/partner/catalog').length, 'no catalog for readers').to.equal(0);
    expect(query(el, '[part~="copy-button"]'), 'copying is for everyone').to.be.instanceOf(Element);
    const own = $in(el, '[part~="campaign-postbacks"]');
    await waitFor(
      () => own.shadowRoot?.querySelector('[data-postback-id="pb_campaign"]'),
      2000,
      'the campaign’s postbacks',
    );
    expect(own.shadowRoot!.querySelector('[part~="new"]'), 'no New postback').to.equal(null);
  });

  it('speaks Russian', async () => {
    api = fakeServer();
    const el = await mounted('owner', 'ru');
    expect($in(el, '[part~="archive"]').textContent).to.equal('В архив');
    expect($in(el, '[part~="add-promo"]').textContent).to.equal('Добавить промо');
    expect(textOf(el)).to.include('Трекинговая ссылка');
    expect(textOf(el)).to.include('Прямая ссылка (без баннера)');
    expect(card(el, 'promo_1').querySelector('[part~="promo-source"]')?.textContent).to.equal('Не указан');
    await waitFor(
      () => card(el, 'promo_2').querySelector('[part~="postbacks-toggle"]')?.textContent === 'нет',
      1000,
      'no postbacks',
    );
    expect(textOf(el)).to.include('Постбеки');
  });
});
