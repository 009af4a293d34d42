import { define } from '../../internal/base-element.ts';
import { KbCampaignWizard } from './kb-campaign-wizard.ts';
import { KbCreatives } from '../../sections/campaigns.ts';
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
  type Handler,
} from '../../internal/account/account-test-kit.ts';
import { SNIPPET, detail, fakeCampaignApi, promo } from '../../internal/campaign/campaign-test-kit.ts';

define('kb-campaign-wizard', KbCampaignWizard);
define('kb-creatives', KbCreatives);

const posts = (api: ApiMock) => api.requests.filter((r) => r.method === 'POST');
const created: Handler = ({ method, path }) => {
  if (method === 'POST' && path === '/v1/partner/campaigns') return json(detail({ id: 'camp_new', promos: [] }), 201);
  if (method === 'POST' && path === '/v1/partner/campaigns/camp_new/promos')
    return json(promo({ campaignId: 'camp_new' }), 201);
  return undefined;
};

async function mounted(options: { campaignId?: string; role?: 'owner' | 'analyst'; locale?: 'en' | 'ru' } = {}) {
  const { el } = await mountSection<KbCampaignWizard>('kb-campaign-wizard', {
    user: makeUser({ role: options.role ?? 'owner' }),
    locale: options.locale ?? 'en',
  });
  if (options.campaignId) el.setAttribute('campaign-id', options.campaignId);
  return el;
}
const stepHeading = (el: Element) => $in(el, '#wizard-step').textContent;
const submit = (el: Element) => $in<HTMLButtonElement>(el, '[part~="next"], [part~="finish"]').click();
const options = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent).join(' | ');

/** Fills step 2 (players, the welcome landing, SEO) and moves on. */
async function landingStep(el: KbCampaignWizard) {
  fill(await find<HTMLSelectElement>(el, '#wizard-landingId'), 'lnd_main');
  fill($in<HTMLSelectElement>(el, '#wizard-trafficSourceId'), 'ts_seo');
  submit(el);
  return waitFor(() => query(el, 'kb-creatives'), 1000, 'step 3');
}
async function pickBanner(gallery: Element, id = 'crv_300') {
  (await find<HTMLInputElement>(gallery, `#creative-${id}`)).click();
}

describe('<kb-campaign-wizard>', () => {
  let api: ApiMock | null = null;
  let clipboard: ReturnType<typeof stubClipboard> | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    clipboard?.restore();
    clipboard = null;
    cleanupFixtures();
  });

  it('creates a campaign and its promo, then shows the tracking link to copy', async () => {
    api = fakeCampaignApi(created);
    clipboard = stubClipboard();
    const el = await mounted();
    const brand = await find<HTMLSelectElement>(el, '#wizard-brandId');
    expect(brand.value, 'the only brand is preselected').to.equal('brd_lucky');
    expect($in<HTMLSelectElement>(el, '#wizard-planId').value, 'the only plan is preselected').to.equal('pln_rev');
    expect(stepHeading(el)).to.equal('Step 1 of 3: Campaign');

    const more = $in<HTMLButtonElement>(el, '[part~="more"]');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect($in(el, '#wizard-terms').hidden).to.equal(true);
    more.click();
    await waitFor(() => !$in(el, '#wizard-terms').hidden, 1000, 'terms shown');
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    const terms = [...el.shadowRoot!.querySelectorAll('#wizard-terms [part~="term"]')].map((li) => li.textContent);
    expect(terms.join(' | ')).to.equal('RevShare 30% of NGR, negative balance carried over | Billed monthly');

    submit(el);
    const nameError = await find(el, '#wizard-name-error');
    expect(nameError.textContent).to.equal('Required.');
    expect($in(el, '[part~="error"]').textContent).to.equal('Please correct the highlighted fields.');
    await waitFor(() => deepActiveElement()?.id === 'wizard-name', 1000, 'focus on the name');
    fill($in<HTMLInputElement>(el, '#wizard-name'), 'Summer push');
    submit(el);

    await waitFor(() => deepActiveElement()?.id === 'wizard-step', 1000, 'focus on the step heading');
    expect(stepHeading(el)).to.equal('Step 2 of 3: Landing and traffic source');
    const landing = await find<HTMLSelectElement>(el, '#wizard-landingId');
    expect(options(landing), 'players landings of the brand').to.equal(
      'Choose… | LuckySpin welcome | LuckySpin sports',
    );
    $in<HTMLInputElement>(el, '#wizard-audience-sub_affiliates').click();
    await waitFor(
      () => options($in(el, '#wizard-landingId')) === 'Choose… | LuckySpin partner program',
      1000,
      'sub-affiliate landings',
    );
    $in<HTMLInputElement>(el, '#wizard-audience-players').click();
    expect($in(el, '#wizard-trafficSourceId-hint').textContent).to.equal(
      'Once set, the traffic source can’t be changed.',
    );
    const gallery = await landingStep(el);

    expect(stepHeading(el)).to.equal('Step 3 of 3: Banner and promo');
    await find(gallery, '[part~="card"]');
    const cards = [...gallery.shadowRoot!.querySelectorAll('[part~="card"]')].map((c) =>
      c.getAttribute('data-creative-id'),
    );
    expect(cards.join(), 'the brand’s and neutral creatives only').to.equal('crv_300,crv_video');
    expect($in<HTMLInputElement>(el, '#wizard-title').value, 'title from the landing').to.equal('LuckySpin welcome');
    submit(el);
    expect((await find(el, '#wizard-creativeId-error')).textContent).to.equal('Choose a banner or the direct link.');
    await pickBanner(gallery);
    await waitFor(() => !query(el, '#wizard-creativeId-error'), 1000, 'creative error cleared');
    fill($in<HTMLInputElement>(el, '#wizard-promoCode'), 'SUMMER25');
    submit(el);

    await waitFor(() => stepHeading(el) === 'Your tracking link is ready', 2000, 'result');
    const [campaignPost, promoPost] = posts(api);
    expect(campaignPost?.path).to.equal('/v1/partner/campaigns');
    expect(campaignPost?.body).to.deep.equal({ name: 'Summer push', brandId: 'brd_lucky', planId: 'pln_rev' });
    expect(promoPost?.path).to.equal('/v1/partner/campaigns/camp_new/promos');
    expect(promoPost?.body).to.deep.equal({
      landingId: 'lnd_main',
      creativeId: 'crv_300',
      trafficSourceId: 'ts_seo',
      title: 'LuckySpin welcome',
      promoCode: 'SUMMER25',
    });
    expect($in<HTMLInputElement>(el, '#promo-link-promo_1').value).to.equal('https://t.kabinet.test/t/abc123');
    expect($in<HTMLTextAreaElement>(el, '#promo-snippet-promo_1').value).to.equal(SNIPPET);
    expect(query(el, 'a'), 'the snippet is not rendered').to.equal(null);
    $in<HTMLButtonElement>(el, '[part~="link-field"] [part~="copy-button"]').click();
    await waitFor(() => $in(el, '[part~="link-field"] [part~="copy-status"]').textContent === 'Copied', 1000, 'Copied');
    expect(clipboard.written).to.deep.equal(['https://t.kabinet.test/t/abc123']);

    let opened: unknown = null;
    el.addEventListener('kb-campaign-created', (e) => {
      opened = (e as CustomEvent).detail;
    });
    $in<HTMLButtonElement>(el, '[part~="open"]').click();
    expect(opened).to.deep.equal({ campaignId: 'camp_new', promoId: 'promo_1' });
  });

  it('shows server field errors on their step and retries only the promo once the campaign exists', async () => {
    let campaignTries = 0;
    api = fakeCampaignApi((r) => {
      if (r.method === 'POST' && r.path === '/v1/partner/campaigns' && campaignTries++ === 0) {
        return problem(422, 'validation_failed', 'body.name: Too big', [
          {
            path: 'body.name',
            reason: 'too_long',
            params: { maximum: 120 },
            message: 'Too big: expected string to have <=120 characters',
          },
        ]);
      }
      if (r.method === 'POST' && r.path === '/v1/partner/campaigns/camp_new/promos' && posts(api!).length === 3) {
        return problem(
          409,
          'conflict',
          'The promo code "SUMMER25" is taken',
          [{ path: 'body.promoCode', reason: 'already_exists', params: {}, message: 'already taken' }],
          { resource: 'promo', state: 'exists' },
        );
      }
      return created(r);
    });
    const el = await mounted();
    fill(await find<HTMLInputElement>(el, '#wizard-name'), 'Summer push');
    submit(el);
    await pickBanner(await landingStep(el), 'crv_video');
    fill($in<HTMLInputElement>(el, '#wizard-promoCode'), 'SUMMER25');
    submit(el);

    const nameError = await find(el, '#wizard-name-error');
    expect(nameError.textContent).to.equal('At most 120 characters.');
    expect($in(el, '#wizard-name').getAttribute('aria-invalid')).to.equal('true');
    await waitFor(() => deepActiveElement()?.id === 'wizard-name', 1000, 'focus on the field');
    submit(el);
    await landingStep(el);
    expect($in<HTMLInputElement>(el, '#wizard-promoCode').value, 'values kept').to.equal('SUMMER25');
    submit(el);

    expect((await find(el, '#wizard-promoCode-error')).textContent).to.equal('Already taken.');
    expect($in(el, '[role="alert"]').textContent).to.equal(
      'The campaign is saved; correct the promo and press Finish again.',
    );
    expect(query(el, '[part~="back"]'), 'step 1 is done').to.be.instanceOf(Element);
    fill($in<HTMLInputElement>(el, '#wizard-promoCode'), 'SUMMER26');
    submit(el);
    await waitFor(() => stepHeading(el) === 'Your tracking link is ready', 2000, 'result');
    expect(
      posts(api)
        .map((r) => r.path)
        .join(' '),
      'one campaign, two promo tries',
    ).to.equal(
      '/v1/partner/campaigns /v1/partner/campaigns /v1/partner/campaigns/camp_new/promos /v1/partner/campaigns/camp_new/promos',
    );
    expect((posts(api)[3]!.body as { creativeId: string }).creativeId).to.equal('crv_video');
  });

  it('adds a promo to an existing campaign with steps 2 and 3, and a direct link', async () => {
    api = fakeCampaignApi(({ method, path }) =>
      method === 'POST' && path === '/v1/partner/campaigns/camp_1/promos'
        ? json(promo({ id: 'promo_9', creative: null, htmlSnippet: null }), 201)
        : undefined,
    );
    const el = await mounted({ campaignId: 'camp_1' });
    await find(el, '#wizard-landingId');
    expect($in(el, '[part~="heading"]').textContent).to.equal('Add a promo');
    expect(stepHeading(el)).to.equal('Step 1 of 2: Landing and traffic source');
    expect(api.sent('GET /v1/partner/campaigns/camp_1').length).to.equal(1);
    const gallery = await landingStep(el);
    await pickBanner(gallery, 'direct');
    submit(el);
    const done = new Promise((resolve) =>
      el.addEventListener('kb-promo-created', (e) => resolve((e as CustomEvent).detail)),
    );
    expect(await done).to.deep.equal({ campaignId: 'camp_1', promoId: 'promo_9' });
    expect(posts(api).length).to.equal(1);
    expect((posts(api)[0]!.body as { creativeId: null }).creativeId).to.equal(null);
    expect(query(el, '#promo-snippet-promo_9'), 'no snippet for a direct link').to.equal(null);
  });

  it('tells analysts they cannot create campaigns and asks the API nothing', async () => {
    api = fakeCampaignApi();
    const el = await mounted({ role: 'analyst' });
    expect($in(el, '[part~="note"]').textContent).to.equal('Only owners and admins can create and change campaigns.');
    expect(query(el, 'form')).to.equal(null);
    expect(api.requests.length).to.equal(0);
  });

  it('words the server’s problems in Russian: a too long name beside its field, an archived campaign in the alert', async () => {
    api = fakeCampaignApi((r) => {
      if (r.method === 'POST' && r.path === '/v1/partner/campaigns')
        return problem(422, 'validation_failed', 'body.name: Too big: expected string to have <=120 characters', [
          {
            path: 'body.name',
            reason: 'too_long',
            params: { maximum: 120 },
            message: 'Too big: expected string to have <=120 characters',
          },
        ]);
      return undefined;
    });
    const el = await mounted({ locale: 'ru' });
    fill(await find<HTMLInputElement>(el, '#wizard-name'), 'Лето');
    submit(el);
    await pickBanner(await landingStep(el));
    submit(el);
    expect((await find(el, '#wizard-name-error')).textContent).to.equal('Максимум 120 символов.');
    expect(textOf(el), 'no English from the server').not.to.include('Too big');
  });

  it('words a problem code without fields in Russian', async () => {
    api = fakeCampaignApi((r) =>
      r.method === 'POST' && r.path === '/v1/partner/campaigns/camp_1/promos'
        ? problem(
            409,
            'conflict',
            'The campaign is archived: unarchive it to add or edit promos (its links keep tracking)',
            [],
            { resource: 'campaign', state: 'archived' },
          )
        : undefined,
    );
    const el = await mounted({ campaignId: 'camp_1', locale: 'ru' });
    await pickBanner(await landingStep(el), 'direct');
    submit(el);
    const alert = await waitFor(() => query(el, '[role="alert"]')?.textContent || null, 2000, 'alert');
    expect(alert).to.equal('Кампания в архиве: сначала верните её из архива.');
  });

  it('speaks Russian', async () => {
    api = fakeCampaignApi();
    const el = await mounted({ locale: 'ru' });
    await find(el, '#wizard-name');
    expect(stepHeading(el)).to.equal('Шаг 1 из 3: Кампания');
    expect(textOf(el)).to.include('План комиссий');
    fill($in<HTMLInputElement>(el, '#wizard-name'), 'Лето');
    submit(el);
    await find(el, '#wizard-audience-players');
    expect(textOf(el)).to.include('Игроки');
    expect(textOf(el)).to.include('Субпартнёры');
    expect(textOf(el)).to.include('Не указан (можно задать позже)');
  });
});
