import { define } from '../../internal/base-element.ts';
import { KbCreatives } from './kb-creatives.ts';
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
  makeUser,
  mountSection,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { fakeCampaignApi } from '../../internal/campaign/campaign-test-kit.ts';

define('kb-creatives', KbCreatives);

const calls = (api: ApiMock) => api.sent('GET /v1/partner/creatives');
const cards = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="card"]')];

async function mounted(options: { selectable?: boolean; brandId?: string; locale?: 'en' | 'ru' } = {}) {
  const { el } = await mountSection<KbCreatives>('kb-creatives', {
    user: makeUser({ role: 'analyst' }),
    locale: options.locale ?? 'en',
  });
  if (options.selectable) el.setAttribute('selectable', '');
  if (options.brandId) el.setAttribute('brand-id', options.brandId);
  await find(el, '[part~="card"]');
  return el;
}

describe('<kb-creatives>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('shows the gallery with thumbnails, sizes, formats, languages and tags', async () => {
    api = fakeCampaignApi();
    const el = await mounted();
    expect($in(el, '[part~="heading"]').textContent).to.equal('Creatives');
    expect(cards(el).length, 'every creative on its own').to.equal(3);
    const banner = cards(el)[0]!;
    const img = banner.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal('https://cdn.kabinet.test/luckyspin-300x250.svg');
    expect(`${img.getAttribute('width')}x${img.getAttribute('height')}`).to.equal('300x250');
    expect(banner.querySelector('[part~="card-title"]')?.textContent).to.equal('Welcome bonus 300x250');
    expect(banner.querySelector('[part~="meta"]')?.textContent).to.equal('300x250 · Banner · EN');
    expect([...banner.querySelectorAll('[part~="tag"]')].map((t) => t.textContent).join()).to.equal('welcome,casino');
    expect(cards(el)[1]!.querySelector('img'), 'a video gets a placeholder').to.equal(null);
    expect(query(el, 'input[type="radio"]'), 'no picker on its own').to.equal(null);
  });

  it('builds the query from every filter and refuses a malformed size', async () => {
    api = fakeCampaignApi();
    const el = await mounted();
    fill($in<HTMLInputElement>(el, '#creatives-size'), '300 by 250');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    const error = await find(el, '#creatives-size-error');
    expect(error.getAttribute('role')).to.equal('alert');
    await waitFor(() => deepActiveElement()?.id === 'creatives-size', 1000, 'focus on size');
    expect(calls(api).length, 'no request').to.equal(1);

    fill($in<HTMLInputElement>(el, '#creatives-title'), 'welcome');
    fill($in<HTMLInputElement>(el, '#creatives-language'), 'en');
    fill($in<HTMLSelectElement>(el, '#creatives-format'), 'banner');
    fill($in<HTMLSelectElement>(el, '#creatives-privacy'), 'public');
    fill($in<HTMLInputElement>(el, '#creatives-size'), '300x250');
    fill($in<HTMLInputElement>(el, '#creatives-tag'), 'casino');
    fill($in<HTMLSelectElement>(el, '#creatives-orientation'), 'landscape');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => calls(api!).length === 2, 1000, 'filtered request');
    expect(calls(api)[1]!.query.toString()).to.equal(
      'title=welcome&language=en&format=banner&privacy=public&size=300x250&tag=casino&orientation=landscape',
    );
    expect(query(el, '#creatives-size-error')).to.equal(null);
  });

  it('picks a banner or the direct link when selectable, showing only the brand’s and neutral creatives', async () => {
    api = fakeCampaignApi();
    const el = await mounted({ selectable: true, brandId: 'brd_lucky' });
    await waitFor(() => cards(el).length === 2, 1000, 'brand filter');
    expect(query(el, '[part~="heading"]'), 'the wizard has the heading').to.equal(null);
    expect($in(el, 'legend').textContent).to.equal('Choose a banner');
    const picked: unknown[] = [];
    el.addEventListener('kb-creative-selected', (e) => picked.push((e as CustomEvent).detail));
    $in<HTMLInputElement>(el, '#creative-crv_300').click();
    await waitFor(() => query(el, '[part~="card-selected"]'), 1000, 'selected card');
    $in<HTMLInputElement>(el, '#creative-direct').click();
    expect(picked).to.deep.equal([{ creativeId: 'crv_300' }, { creativeId: null }]);
    await waitFor(() => !query(el, '[part~="card-selected"]'), 1000, 'no card selected');
    expect($in(el, 'label[for="creative-crv_300"]').textContent).to.include('Welcome bonus 300x250');
  });

  it('speaks Russian', async () => {
    api = fakeCampaignApi();
    const el = await mounted({ locale: 'ru' });
    expect($in(el, '[part~="heading"]').textContent).to.equal('Креативы');
    expect($in(el, '#creatives-orientation option[value="portrait"]').textContent).to.equal('Вертикальная');
    expect(cards(el)[0]!.querySelector('[part~="meta"]')?.textContent).to.equal('300x250 · Баннер · EN');
    expect(textOf(el)).to.include('3 креатива.');
  });
});
