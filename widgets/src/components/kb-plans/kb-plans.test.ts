import { define } from '../../internal/base-element.ts';
import { KbPlans } from './kb-plans.ts';
import { expect } from '@open-wc/testing';
import { $in, afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
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
import { planRev } from '../../internal/campaign/campaign-test-kit.ts';
import type { Plan } from '../../internal/campaign/campaign-types.ts';
import { problemMessage } from '../../internal/problem-messages.ts';

define('kb-plans', KbPlans);

const PLANS = 'GET /v1/partner/plans';
const words = (en: string[], ru: string[]) => ({ en, ru });

const cpaVip: Plan = {
  ...planRev,
  id: 'pln_vip',
  name: 'VIP CPA',
  kind: 'cpa',
  isDefault: false,
  individual: true,
  current: {
    effectiveFrom: '2026-01-01',
    // The card shows `summary`; non-null terms only mark the plan as set up.
    terms: planRev.current.terms,
    summary: words(['CPA €120 per qualified player'], ['CPA 120 € за квалифицированного игрока']),
  },
  scheduled: [
    {
      effectiveFrom: '2027-01-01',
      terms: null,
      summary: words(['CPA €150 per qualified player'], ['CPA 150 € за квалифицированного игрока']),
    },
  ],
};
const hybridOld: Plan = {
  ...planRev,
  id: 'pln_old',
  name: 'Hybrid legacy',
  kind: 'hybrid',
  current: { effectiveFrom: '2024-01-01', terms: null, summary: words(['Terms not set'], ['Условия не заданы']) },
};

function plansApi(answer: () => Response): ApiMock {
  return mockApi(({ method, path }) => (`${method} ${path}` === PLANS ? answer() : undefined));
}

async function mounted(locale: 'en' | 'ru' = 'en') {
  const { el } = await mountSection<KbPlans>('kb-plans', { locale });
  return el;
}
const cards = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="card"]')];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<kb-plans>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('lists individual plans before default ones, with kind, badge and the terms in words', async () => {
    // The server sorts by name: the default "RevShare 30%" comes after the individual "VIP CPA" only once sorted.
    api = plansApi(() => json({ data: [hybridOld, planRev, cpaVip] }));
    const el = await mounted();
    await find(el, '[part~="card"]');
    expect(text($in(el, '[part~="heading"]'))).to.equal('Plans');
    expect(cards(el).map((c) => c.dataset['planId'])).to.deep.equal(['pln_vip', 'pln_old', 'pln_rev']);
    const [vip, old, rev] = cards(el);
    expect(text(vip!.querySelector('[part~="plan-name"]'))).to.equal('VIP CPA');
    expect(text(vip!.querySelector('[part~="badge"]'))).to.equal('Individual');
    expect(vip!.getAttribute('part')).to.include('plan-individual');
    expect(text(vip!.querySelector('[part~="meta"]'))).to.equal('Plan type: CPA');
    expect(text(old!.querySelector('[part~="meta"]'))).to.equal('Plan type: Hybrid');
    expect(text(rev!.querySelector('[part~="badge"]'))).to.equal('Default');
    expect(text(rev!.querySelector('[part~="meta"]'))).to.equal('Plan type: RevShare');
    expect([...rev!.querySelectorAll('[part~="term"]')].map(text)).to.deep.equal([
      'RevShare 30% of NGR, negative balance carried over',
      'Billed monthly',
    ]);
    expect(rev!.querySelector('[part~="scheduled-from"]'), 'no change scheduled').to.equal(null);
    expect(api.sent(PLANS).length).to.equal(1);
  });

  it('shows a scheduled change under its date', async () => {
    api = plansApi(() => json({ data: [cpaVip] }));
    const el = await mounted();
    const [card] = [await find(el, '[part~="card"]')];
    expect(text(card.querySelector('[part~="terms-lines"]:not([part~="scheduled"])'))).to.equal(
      'CPA €120 per qualified player',
    );
    expect(text(card.querySelector('[part~="scheduled-from"]'))).to.equal('From 1 January 2027:');
    expect(text(card.querySelector('[part~="terms-lines"][part~="scheduled"]'))).to.equal(
      'CPA €150 per qualified player',
    );
  });

  it('says so when a plan’s terms are not set up, instead of a blank card', async () => {
    api = plansApi(() => json({ data: [hybridOld, { ...planRev, id: 'pln_new', current: null }] }));
    const el = await mounted();
    await find(el, '[part~="card"]');
    for (const card of cards(el)) {
      expect(text(card.querySelector('[part~="hint"]')), card.dataset['planId']).to.equal('Terms not set up yet');
      expect(card.querySelector('[part~="term"]'), 'not the server’s placeholder sentence').to.equal(null);
    }
  });

  it('speaks Russian: kinds, badges, the server’s Russian words and the date', async () => {
    api = plansApi(() => json({ data: [planRev, cpaVip, hybridOld] }));
    const el = await mounted('ru');
    await find(el, '[part~="card"]');
    expect(text($in(el, '[part~="heading"]'))).to.equal('Планы');
    const [vip, rev, old] = cards(el);
    expect(text(vip!.querySelector('[part~="badge"]'))).to.equal('Индивидуальный');
    expect(text(vip!.querySelector('[part~="meta"]'))).to.equal('Тип плана: CPA');
    expect(text(vip!.querySelector('[part~="term"]'))).to.equal('CPA 120 € за квалифицированного игрока');
    expect(text(vip!.querySelector('[part~="scheduled-from"]'))).to.equal('С 1 января 2027 г.:');
    expect(text(rev!.querySelector('[part~="badge"]'))).to.equal('По умолчанию');
    expect([...rev!.querySelectorAll('[part~="term"]')].map(text)).to.deep.equal([
      'RevShare 30% от NGR, отрицательный баланс переносится',
      'Расчёт ежемесячно',
    ]);
    expect(text(old!.querySelector('[part~="meta"]'))).to.equal('Тип плана: Гибрид');
    expect(text(old!.querySelector('[part~="hint"]'))).to.equal('Условия ещё не заданы');
  });

  it('explains an empty list', async () => {
    api = plansApi(() => json({ data: [] }));
    const el = await mounted();
    const empty = await find(el, '[part~="empty"]');
    expect(empty.getAttribute('role')).to.equal('status');
    expect(text(empty.querySelector('[part~="empty-message"]'))).to.equal('You have no commission plans.');
    expect(text(empty.querySelector('[part~="empty-hint"]'))).to.include('Your manager can assign you a plan');
    expect(textOf(el).toLowerCase()).not.to.include('coming soon');
    expect(query(el, '[part~="cards"]')).to.equal(null);
  });

  it('shows a load failure in the user’s words with a retry that asks again', async () => {
    let fail = true;
    api = plansApi(() => (fail ? problem(500, 'internal', 'Something broke') : json({ data: [planRev] })));
    const el = await mounted();
    const detail = await find(el, '[part~="error-detail"]');
    expect($in(el, '[part~="error"]').getAttribute('role')).to.equal('alert');
    expect(detail.textContent).to.equal(problemMessage('en', { code: 'internal', status: 500 }));
    fail = false;
    $in<HTMLButtonElement>(el, '[part~="retry"]').click();
    await find(el, '[part~="card"]');
    expect(query(el, '[part~="error"]')).to.equal(null);
    expect(api.sent(PLANS).length).to.equal(2);
  });

  it('tells the portal when the session has expired', async () => {
    api = plansApi(() => problem(401, 'unauthorized', 'Your session has expired'));
    let expired = 0;
    const listener = () => {
      expired += 1;
    };
    document.addEventListener('kb-session-expired', listener);
    try {
      const el = await mounted();
      await find(el, '[part~="error-detail"]');
      await waitFor(() => expired === 1, 1000, 'kb-session-expired');
    } finally {
      document.removeEventListener('kb-session-expired', listener);
    }
  });
});
