import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { afterEach, cleanupFixtures, describe, it } from '../../internal/test-helpers.ts';
import {
  find,
  json,
  mockApi,
  mountSection,
  problem,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { KbTerms } from './kb-terms.ts';

define('kb-terms', KbTerms);

const V1 = {
  id: 'terms_1',
  version: 1,
  title: 'Partner terms',
  summaryOfChanges: null,
  publishedAt: '2026-06-01T10:00:00.000Z',
  html: '<p>Old rules.</p>\n',
};
const V2 = {
  id: 'terms_2',
  version: 2,
  title: 'Partner terms 2026',
  summaryOfChanges: 'Payouts are weekly now.',
  publishedAt: '2026-11-20T10:00:00.000Z',
  html: '<h1>Terms</h1><p>Read <a href="https://lucky.example" rel="noopener noreferrer nofollow" target="_blank">the rules</a>.</p>',
};

/** A program with v1 (accepted) and v2 (current; accepted once the user accepts it). */
function program(options: { acceptedV2?: string | null; stale?: boolean } = {}) {
  let acceptedV2 = options.acceptedV2 ?? null;
  const api = mockApi(({ method, path }) => {
    if (method === 'GET' && path === '/v1/partner/terms') return json({ current: V2, acceptedAt: acceptedV2 });
    if (method === 'GET' && path === '/v1/partner/terms/history')
      return json({
        versions: [
          { ...V2, html: undefined, current: true, acceptedAt: acceptedV2 },
          { ...V1, html: undefined, current: false, acceptedAt: '2026-06-02T08:00:00.000Z' },
        ],
      });
    if (method === 'GET' && path === '/v1/partner/terms/terms_1')
      return json({ ...V1, current: false, acceptedAt: '2026-06-02T08:00:00.000Z' });
    if (method === 'GET' && path === '/v1/partner/terms/terms_9')
      return problem(404, 'not_found', 'Terms version was not found');
    if (method === 'POST' && path === '/v1/partner/terms/terms_2/acceptance') {
      if (options.stale)
        return problem(409, 'conflict', 'Version 2 is no longer the current terms', [], { state: 'changed' });
      acceptedV2 = '2026-11-24T10:00:05.000Z';
      return json({ versionId: 'terms_2', version: 2, acceptedAt: acceptedV2 });
    }
    return undefined;
  });
  return api;
}

describe('<kb-terms>', () => {
  let api: ApiMock | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    await setViewport({ width: 1280, height: 800 });
  });

  it('shows the current terms rendered, what changed, Accept, and the history with acceptance dates', async () => {
    api = program();
    const { el } = await mountSection<KbTerms>('kb-terms');
    await find(el, '[part~="versions"]');
    expect(query(el, '[part~="title"]')!.textContent).to.equal('Partner terms 2026');
    expect(textOf(el)).to.contain('Version 2 · Published November 20, 2026');
    expect(query(el, '[part~="changes"]')!.textContent).to.contain('Payouts are weekly now.');
    const link = query<HTMLAnchorElement>(el, '[part~="body"] a')!;
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer nofollow');
    expect(query(el, '[part~="body"] h1')!.textContent).to.equal('Terms');
    const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="version-item"]')];
    expect(items.map((li) => li.dataset.versionId)).to.deep.equal(['terms_2', 'terms_1']);
    expect(items[0]!.textContent).to.contain('Current');
    expect(items[0]!.textContent).to.contain('Not accepted');
    expect(items[1]!.textContent).to.contain('Accepted on June 2, 2026');
    expect(items[1]!.querySelector('a')!.getAttribute('href')).to.equal('#/terms/terms_1');

    const seen: string[] = [];
    el.addEventListener('kb-terms-accepted', (e) => seen.push((e as CustomEvent).detail.versionId));
    query<HTMLButtonElement>(el, '[part~="accept"]')!.click();
    await find(el, '[part~="accepted"]');
    expect(api.sent('POST /v1/partner/terms/terms_2/acceptance')).to.have.length(1);
    expect(seen).to.deep.equal(['terms_2']);
    expect(query(el, '[part~="accepted"]')!.textContent).to.equal('Accepted on November 24, 2026');
    expect(query(el, '[part~="accept"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="version-item"]')!.textContent).to.contain(
      'Accepted on November 24, 2026',
    );
  });

  it('reads an older version at #/terms/<id>, and says when one is missing', async () => {
    api = program({ acceptedV2: '2026-11-21T09:00:00.000Z' });
    const { el } = await mountSection<KbTerms>('kb-terms');
    el.versionId = 'terms_1';
    await find(el, '[part~="back-link"]');
    await find(el, '[data-version-id="terms_1"]');
    expect(query(el, '[part~="title"]')!.textContent).to.equal('Partner terms');
    expect(textOf(el)).to.contain('Old rules.');
    expect(textOf(el)).to.contain('Accepted on June 2, 2026');
    el.versionId = 'terms_9';
    await find(el, '[part~="error"]');
    expect(textOf(el)).to.contain('This version is not available.');
  });

  it('in the gate shows only the new terms with Accept and Sign out, in Russian, and at 390 px', async () => {
    await setViewport({ width: 390, height: 800 });
    api = program();
    const { el } = await mountSection<KbTerms>('kb-terms', { locale: 'ru' });
    el.gate = true;
    await find(el, '[part~="sign-out"]');
    expect(query(el, '[part~="heading"]')!.textContent).to.equal('Новые условия');
    expect(query(el, '[part~="history"]')).to.equal(null);
    expect(query(el, '[part~="accept"]')!.textContent!.trim()).to.equal('Я принимаю эти условия');
    expect(el.scrollWidth).to.be.at.most(390);
    const declined: string[] = [];
    el.addEventListener('kb-terms-declined', (e) => declined.push((e as CustomEvent).detail.versionId));
    query<HTMLButtonElement>(el, '[part~="sign-out"]')!.click();
    expect(declined).to.deep.equal(['terms_2']);
  });

  it('when newer terms were published meanwhile (409), says so and shows them again', async () => {
    api = program({ stale: true });
    const { el } = await mountSection<KbTerms>('kb-terms');
    (await find<HTMLButtonElement>(el, '[part~="accept"]')).click();
    await find(el, '[part~="status-line"]:not(:empty)');
    expect(query(el, '[part~="status-line"]')!.textContent).to.contain('The terms changed while you were reading');
    expect(api.sent('GET /v1/partner/terms').length).to.be.at.least(2);
  });
});
