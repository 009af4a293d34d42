import { define } from '../../internal/base-element.ts';
import { KbSubaffiliates, type SubAffiliate } from './kb-subaffiliates.ts';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { $in, afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import {
  find,
  fill,
  json,
  makeUser,
  mockApi,
  mountSection,
  problem,
  query,
  stubClipboard,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';

define('kb-subaffiliates', KbSubaffiliates);

const LIST = 'GET /v1/partner/sub_affiliates';
const PROFILE = 'GET /v1/partner/profile';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const alpha: SubAffiliate = {
  id: 'partner_alpha',
  name: 'Alpha Media',
  level: 1,
  status: 'active',
  signedUpAt: '2026-03-02T10:00:00.000Z',
  campaign: { id: 'camp_1', name: 'Recruiting' },
  promo: { id: 'promo_1', title: 'Blog footer' },
  deals: [{ planId: 'plan_rev', planName: 'RevShare 30%', percent: '10' }],
};
const beta: SubAffiliate = {
  id: 'partner_beta',
  name: 'Beta Traffic',
  level: 2,
  status: 'pending',
  signedUpAt: '2026-03-05T10:00:00.000Z',
  campaign: null,
  promo: null,
  deals: [{ planId: 'plan_rev', planName: 'RevShare 30%', percent: '2.5' }],
};
const gamma: SubAffiliate = { ...beta, id: 'partner_gamma', name: 'Gamma Reviews', level: 3, deals: [] };

const profile = {
  user: { ...makeUser(), messenger: null },
  partner: {
    id: 'prt_1',
    name: 'Olga Media',
    company: null,
    country: 'DE',
    status: 'active',
    referralCode: 'OLGA2025',
  },
  messenger: null,
  phone: null,
  defaultCurrency: 'EUR',
  emailPreferences: { news: true, reports: true, payments: true, security: true },
};

type Page = { data: SubAffiliate[]; nextBefore: string | null };
function subApi(list: (q: URLSearchParams) => Response | Page, profileAnswer: () => Response = () => json(profile)) {
  return mockApi(({ method, path, query: q }) => {
    if (`${method} ${path}` === PROFILE) return profileAnswer();
    if (`${method} ${path}` !== LIST) return undefined;
    const answer = list(q);
    return answer instanceof Response ? answer : json(answer);
  });
}

async function mounted(locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbSubaffiliates>('kb-subaffiliates', { locale });
  return el;
}
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];

describe('<kb-subaffiliates>', () => {
  let api: ApiMock | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    await setViewport({ width: 800, height: 600 });
  });

  it('lists sub-partners with level, what brought them, sign-up date, status and the commission at that level', async () => {
    api = subApi(() => ({ data: [gamma, beta, alpha], nextBefore: null }));
    const el = await mounted();
    await find(el, '[part~="row"]');
    expect(text($in(el, '[part~="heading"]'))).to.equal('Sub-affiliates');
    expect(rows(el).map((r) => r.dataset['partnerId'])).to.deep.equal([
      'partner_gamma',
      'partner_beta',
      'partner_alpha',
    ]);
    const [g, b, a] = rows(el);
    const cellOf = (row: Element | undefined, part: string) => text(row!.querySelector(`[part~="${part}"]`));
    expect(cellOf(a, 'name')).to.equal('Alpha Media');
    expect(cellOf(a, 'level')).to.equal('1');
    expect(cellOf(a, 'campaign')).to.equal('Recruiting');
    expect(cellOf(a, 'promo')).to.equal('Blog footer');
    expect(cellOf(a, 'signed-up')).to.equal('Mar 2, 2026');
    expect(cellOf(a, 'status')).to.equal('Active');
    expect(cellOf(a, 'deal')).to.equal('RevShare 30%: sub-affiliate 10% (level 1)');
    expect(cellOf(b, 'campaign'), 'signed up by code').to.equal('Code or link');
    expect(cellOf(b, 'promo'), 'no promo brought them').to.equal('—');
    expect(cellOf(b, 'status')).to.equal('Awaiting approval');
    expect(cellOf(b, 'deal')).to.equal('RevShare 30%: sub-affiliate 2.5% (level 2)');
    expect(cellOf(g, 'deal')).to.equal('No sub-affiliate commission at this level');
    expect(text($in(el, '[part~="count"]'))).to.equal('3 shown');
  });

  it('shows the referral code and link to copy', async () => {
    const clipboard = stubClipboard();
    try {
      api = subApi(() => ({ data: [alpha], nextBefore: null }));
      const el = await mounted();
      const code = await find(el, '[part~="referral-code"]');
      expect(text(code)).to.equal('OLGA2025');
      const link = new URL(text($in(el, '[part~="referral-link"]')));
      expect(link.searchParams.get('ref')).to.equal('OLGA2025');
      expect(link.pathname).to.equal(location.pathname);
      const [copyCode, copyLink] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="copy-button"]')];
      copyCode!.click();
      copyLink!.click();
      await waitFor(() => clipboard.written.length === 2, 1000, 'copied');
      expect(clipboard.written).to.deep.equal(['OLGA2025', link.toString()]);
    } finally {
      clipboard.restore();
    }
  });

  it('says honestly that there are none yet, and how to get them', async () => {
    api = subApi(() => ({ data: [], nextBefore: null }));
    const el = await mounted();
    const empty = await find(el, '[part~="empty"]');
    expect(empty.getAttribute('role')).to.equal('status');
    expect(text(empty.querySelector('[part~="empty-message"]'))).to.equal('No sub-affiliates yet.');
    expect(text(empty.querySelector('[part~="empty-hint"]'))).to.include('Share your referral link or code above');
    await find(el, '[part~="referral-code"]');
    expect(query(el, '[part~="sub-affiliates"]')).to.equal(null);
    expect(textOf(el).toLowerCase()).not.to.include('coming soon');
  });

  it('filters by level, offers all levels back, and loads more with the cursor', async () => {
    api = subApi((q) => {
      if (q.get('level') === '4') return { data: [], nextBefore: null };
      if (q.get('level') === '2') return { data: [beta], nextBefore: null };
      return q.get('before') === 'partner_beta'
        ? { data: [alpha], nextBefore: null }
        : { data: [gamma, beta], nextBefore: 'partner_beta' };
    });
    const el = await mounted();
    await find(el, '[part~="row"]');
    $in<HTMLButtonElement>(el, '[part~="load-more"]').click();
    await waitFor(() => rows(el).length === 3, 1000, 'second page');
    expect(query(el, '[part~="load-more"]'), 'last page').to.equal(null);

    fill($in<HTMLSelectElement>(el, '#sub-level'), '2');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => rows(el).length === 1, 1000, 'level 2 only');
    expect(api.sent(LIST).at(-1)!.query.get('level')).to.equal('2');

    fill($in<HTMLSelectElement>(el, '#sub-level'), '4');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    const clear = await find(el, '[part~="clear-filters"]');
    expect(text(el.shadowRoot!.querySelector('[part~="empty-message"]'))).to.equal('No sub-affiliates at this level.');
    clear.click();
    await waitFor(() => rows(el).length === 2, 1000, 'all levels again');
    expect(api.sent(LIST).at(-1)!.query.has('level')).to.equal(false);
  });

  it('turns rows into cards on a 390 px phone, nothing wider than the screen', async () => {
    await setViewport({ width: 390, height: 844 });
    api = subApi(() => ({ data: [alpha, beta], nextBefore: null }));
    const el = await mounted();
    const title = await find(el, 'th[part~="name"]');
    expect(getComputedStyle(title).display, 'card title').to.equal('block');
    const campaign = rows(el)[0]!.querySelector('[part~="campaign"]')!;
    expect(getComputedStyle(campaign, '::before').content).to.include('Campaign');
    const wrap = $in(el, '[part~="table-wrap"]');
    expect(wrap.scrollWidth).to.be.at.most(wrap.clientWidth + 1);
    expect(el.getBoundingClientRect().right).to.be.at.most(390);
  });

  it('speaks Russian', async () => {
    api = subApi(() => ({ data: [beta], nextBefore: null }));
    const el = await mounted('ru');
    await find(el, '[part~="row"]');
    expect(text($in(el, '[part~="heading"]'))).to.equal('Субпартнёры');
    const row = rows(el)[0]!;
    expect(text(row.querySelector('[part~="status"]'))).to.equal('Ожидает одобрения');
    expect(text(row.querySelector('[part~="deal"]'))).to.equal('RevShare 30%: за субпартнёров 2,5 % (уровень 2)');
  });

  it('shows a load failure with a retry, and without the profile still lists', async () => {
    let fail = true;
    api = subApi(
      () => (fail ? problem(500, 'internal', 'Something broke') : { data: [alpha], nextBefore: null }),
      () => problem(500, 'internal', 'Something broke'),
    );
    const el = await mounted();
    await find(el, '[part~="error-detail"]');
    fail = false;
    $in<HTMLButtonElement>(el, '[part~="retry"]').click();
    await find(el, '[part~="row"]');
    expect(query(el, '[part~="referral-code"]'), 'no invite box without the code').to.equal(null);
  });
});
