import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { $in, describe, fixture, it } from '../../internal/test-helpers.ts';
import {
  API,
  fill,
  find,
  json,
  mockApi,
  problem,
  query,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { eachTestApi } from '../../internal/statistics/statistics-test-kit.ts';
import { KbPlansConsole } from './kb-plans-console.ts';
import { KbPlanForm } from './kb-plan-form.ts';
import { today } from './plan-terms-draft.ts';
import type { OperatorPlan, PartnerSummary } from './plans-types.ts';

define('kb-plans-console', KbPlansConsole);
define('kb-plan-form', KbPlanForm);

const BASE = `${API}/admin/kabinet`;
const PLANS = '/admin/kabinet/v1/plans';
const PARTNERS = '/admin/kabinet/v1/partners';
const BRANDS = '/admin/kabinet/v1/brands';
const BRAND_LIST = [
  { id: 'brd_lucky', name: 'Lucky Spin', currency: 'EUR' },
  { id: 'brd_north', name: 'Northwind Bet', currency: 'USD' },
];
const words = (en: string[], ru: string[]) => ({ en, ru });

const HYBRID: OperatorPlan = {
  id: 'pln_hybrid',
  name: 'Hybrid EU',
  kind: 'hybrid',
  isDefault: true,
  supportsSubAffiliates: false,
  notes: null,
  offeredTo: [],
  createdAt: '2026-11-01T10:00:00.000Z',
  current: {
    effectiveFrom: '2026-11-01',
    terms: {
      billingPeriod: 'monthly',
      cpa: { amounts: [{ amount: '150.00', currency: 'EUR' }], qualification: { withinDays: 30 } },
      revshare: { percent: '25', negativeCarryOver: false },
      tiers: { basis: 'qualified_players', pays: 'whole_period', steps: [{ minPlayers: 10, percent: '30' }] },
    },
    summary: words(
      ['CPA €150 per player within 30 days of registration', 'RevShare 25% of NGR', 'From 10 players: 30%'],
      ['CPA 150 € за игрока в течение 30 дней после регистрации', 'RevShare 25% от NGR', 'От 10 игроков: 30%'],
    ),
  },
  scheduled: [
    {
      effectiveFrom: '2027-01-01',
      terms: { billingPeriod: 'monthly', revshare: { percent: '30', negativeCarryOver: true } },
      summary: words(['RevShare 30% of NGR, negative carried over'], ['RevShare 30% от NGR с переносом минуса']),
    },
  ],
};
const PARTNER_LIST = [
  { id: 'prt_acme', name: 'Acme Media' },
  { id: 'prt_zed', name: 'Zed Traffic' },
] as PartnerSummary[];

type Route = (request: { method: string; path: string; body: unknown }) => Response | undefined;

/** A plan offered partner by partner (not a default one). */
const INDIVIDUAL: OperatorPlan = {
  ...HYBRID,
  id: 'pln_ind',
  name: 'Individual EU',
  isDefault: false,
  offeredTo: ['prt_acme'],
};

function fakePlansApi(route: Route = () => undefined): ApiMock {
  return mockApi((request) => {
    const answer = route(request);
    if (answer) return answer;
    if (request.method === 'GET' && request.path === PLANS) return json({ data: [HYBRID, INDIVIDUAL] });
    if (request.method === 'GET' && request.path === PARTNERS) return json({ data: PARTNER_LIST });
    if (request.method === 'GET' && request.path === BRANDS) return json({ data: BRAND_LIST });
    return undefined;
  });
}

async function mounted(locale = 'en') {
  const el = await fixture<KbPlansConsole>(
    html`<kb-plans-console api-base=${BASE} locale=${locale}></kb-plans-console>`,
  );
  await find(el, '[part~="plan"]');
  return el;
}

/** Opens the form (`create` or a plan's `new-version`) and returns the `<kb-plan-form>` inside. */
async function openForm(
  el: KbPlansConsole,
  opener: string,
): Promise<HTMLElement & { updateComplete: Promise<unknown> }> {
  $in<HTMLButtonElement>(el, opener).click();
  const form = await find<HTMLElement & { updateComplete: Promise<unknown> }>(el, 'kb-plan-form');
  await form.updateComplete;
  return form;
}
const input = <E extends HTMLInputElement | HTMLSelectElement = HTMLInputElement>(form: Element, name: string) =>
  $in<E>(form, `[name="${name}"]`);
async function toggle(form: HTMLElement & { updateComplete: Promise<unknown> }, part: string) {
  $in<HTMLInputElement>(form, `[data-toggle="${part}"]`).click();
  await form.updateComplete;
}
const submit = (form: Element) => $in<HTMLButtonElement>(form, '[part~="submit"]').click();
async function press(form: HTMLElement & { updateComplete: Promise<unknown> }, selector: string) {
  $in<HTMLButtonElement>(form, selector).click();
  await form.updateComplete;
}
async function choose(form: HTMLElement & { updateComplete: Promise<unknown> }, name: string, value: string) {
  const control = input<HTMLInputElement | HTMLSelectElement>(form, name);
  if (control instanceof HTMLInputElement && control.type === 'radio')
    $in<HTMLInputElement>(form, `[name="${name}"][value="${value}"]`).click();
  else fill(control, value);
  await form.updateComplete;
}
async function sent(api: ApiMock, route: string) {
  for (let i = 0; i < 100 && !api.sent(route).length; i++) await new Promise((r) => setTimeout(r, 10));
  return api.sent(route)[0]!;
}

describe('<kb-plans-console>', () => {
  const stub = eachTestApi();

  it('lists plans with kind, default and the terms in words, today’s and the scheduled ones from their date', async () => {
    const api = stub(fakePlansApi());
    const el = await mounted();
    expect(api.sent(`GET ${PARTNERS}`).length, 'the partner picker’s list through api-base').to.equal(1);
    expect($in(el, '[part~="plan-name"]').textContent).to.equal('Hybrid EU');
    expect($in(el, '[part~="badge-kind"]').textContent).to.equal('Hybrid');
    expect($in(el, '[part~="badge-default"]').textContent).to.contain('Default');
    const lines = [
      ...el.shadowRoot!.querySelectorAll('[data-plan="pln_hybrid"] [part~="terms-lines"]:not([part~="scheduled"]) li'),
    ];
    expect(lines.map((l) => l.textContent)).to.deep.equal(HYBRID.current!.summary.en);
    expect($in(el, '[part~="scheduled-from"]').textContent).to.equal('From 1 January 2027:');
    const options = [...$in<HTMLSelectElement>(el, '#partner-pln_ind').options].map((o) => o.textContent);
    expect(options).to.deep.equal(['Choose a partner', 'Acme Media (prt_acme)', 'Zed Traffic (prt_zed)']);

    el.setAttribute('locale', 'ru');
    await el.updateComplete;
    expect($in(el, '[part~="heading"]').textContent).to.equal('Планы вознаграждения');
    expect($in(el, '[part~="scheduled"] li').textContent).to.equal('RevShare 30% от NGR с переносом минуса');
    expect($in(el, '[part~="scheduled-from"]').textContent).to.contain('1 января 2027');
  });

  it('creates a plan: amounts and percentages as decimal strings, qualification, sub-affiliate levels', async () => {
    const created = { ...HYBRID, id: 'pln_new', name: 'Alpha CPA', kind: 'hybrid', isDefault: false, scheduled: [] };
    const api = stub(fakePlansApi((r) => (r.method === 'POST' && r.path === PLANS ? json(created, 201) : undefined)));
    const el = await mounted();
    const form = await openForm(el, '[part~="create"]');
    fill(input(form, 'name'), 'Alpha CPA');
    fill(input<HTMLSelectElement>(form, 'terms.billingPeriod'), 'weekly');
    fill(input(form, 'terms.cpa.amounts.0.amount'), '150.00');
    fill(input(form, 'terms.cpa.amounts.0.currency'), 'eur');
    fill(input(form, 'terms.cpa.qualification.minFirstDeposit.0.amount'), '20');
    fill(input(form, 'terms.cpa.qualification.minDeposits'), '2');
    fill(input(form, 'terms.cpa.qualification.withinDays'), '30');
    fill(input(form, 'terms.cpa.qualification.countries'), 'de, at');
    await toggle(form, 'revshare');
    fill(input(form, 'terms.revshare.percent'), '12.5');
    input(form, 'terms.revshare.negativeCarryOver').click();
    await toggle(form, 'subAffiliate');
    fill(input(form, 'terms.subAffiliate.levels.0'), '5');
    fill(input(form, 'terms.subAffiliate.levels.1'), '2');
    submit(form);
    const request = await sent(api, `POST ${PLANS}`);
    expect(request.body).to.deep.equal({
      name: 'Alpha CPA',
      isDefault: false,
      terms: {
        billingPeriod: 'weekly',
        cpa: {
          amounts: [{ amount: '150.00', currency: 'EUR' }],
          qualification: {
            minFirstDeposit: [{ amount: '20', currency: 'EUR' }],
            minDeposits: 2,
            withinDays: 30,
            countries: ['DE', 'AT'],
          },
        },
        revshare: { percent: '12.5', negativeCarryOver: true },
        subAffiliate: { levels: ['5', '2'] },
      },
    });
    const status = await find(el, '[part~="status"]:not(:empty)');
    expect(status.textContent).to.equal('Plan “Alpha CPA” created.');
    expect(query(el, 'kb-plan-form')).to.equal(null);
    expect([...el.shadowRoot!.querySelectorAll('[part~="plan-name"]')].map((n) => n.textContent)).to.deep.equal([
      'Alpha CPA',
      'Hybrid EU',
      'Individual EU',
    ]);
  });

  it('a 422 lands beside its field in the UI language; what names no input goes in the alert', async () => {
    stub(
      fakePlansApi((r) =>
        r.method === 'POST'
          ? problem(422, 'validation_failed', 'bad', [
              { path: 'body.terms.cpa.amounts.0.amount', reason: 'too_big', params: { maximum: 100 }, message: 'big' },
              { path: 'body.terms.cpa.qualification.countries.1', reason: 'invalid_value', message: 'bad code' },
              { path: 'body.terms.tiers', reason: 'too_big', params: { maximum: 3 }, message: 'too many' },
            ])
          : undefined,
      ),
    );
    const el = await mounted('ru');
    const form = await openForm(el, '[part~="create"]');
    fill(input(form, 'name'), 'X');
    submit(form);
    const error = await find(form, '#plan-terms-cpa-amounts-0-amount-error');
    expect(error.textContent).to.equal('Не больше 100.');
    expect(input(form, 'terms.cpa.amounts.0.amount').getAttribute('aria-invalid')).to.equal('true');
    expect(query(form, '#plan-terms-cpa-qualification-countries-error')).to.not.equal(null);
    expect($in(form, '[part~="error"]').textContent).to.equal('terms.tiers: Не больше 3.');
  });

  it('creates a hybrid plan with two CPA amounts (one for a picked brand) and volume tiers: exactly the API’s terms', async () => {
    const created = { ...HYBRID, id: 'pln_tiers', name: 'Tiered', isDefault: false, scheduled: [] };
    const api = stub(fakePlansApi((r) => (r.method === 'POST' && r.path === PLANS ? json(created, 201) : undefined)));
    const el = await mounted();
    expect(api.sent(`GET ${BRANDS}`).length, 'the brand picker’s list through api-base').to.equal(1);
    const form = await openForm(el, '[part~="create"]');
    fill(input(form, 'name'), 'Tiered');
    expect([...input<HTMLSelectElement>(form, 'terms.cpa.amounts.0.brandId').options].map((o) => o.text)).to.deep.equal(
      ['All brands', 'Lucky Spin', 'Northwind Bet'],
    );
    expect(query(form, '[data-list="cpa"] [part~="remove-row"]'), 'one row: nothing to remove').to.equal(null);
    fill(input(form, 'terms.cpa.amounts.0.amount'), '150');
    fill(input(form, 'terms.cpa.amounts.0.currency'), 'usd');
    await press(form, '[data-add="cpa"]');
    expect(input(form, 'terms.cpa.amounts.1.currency').value, 'a new row takes the currency above').to.equal('USD');
    fill(input(form, 'terms.cpa.amounts.1.amount'), '200.50');
    await choose(form, 'terms.cpa.amounts.1.brandId', 'brd_north');
    // A third row, removed again: the rows above keep what was typed.
    await press(form, '[data-add="cpa"]');
    fill(input(form, 'terms.cpa.amounts.2.amount'), '999');
    await press(form, '[data-list="cpa"] [part~="row"]:nth-child(3) [part~="remove-row"]');
    expect(query(form, '[name="terms.cpa.amounts.2.amount"]')).to.equal(null);

    const tiersSwitch = $in<HTMLInputElement>(form, '[data-toggle="tiers"]');
    expect(tiersSwitch.disabled, 'CPA is on: tiers can raise it').to.equal(false);
    await toggle(form, 'tiers');
    expect(query(form, '[name="terms.tiers.steps.0.kind"]'), 'CPA alone: steps pay CPA, no choice').to.equal(null);
    await toggle(form, 'revshare');
    fill(input(form, 'terms.revshare.percent'), '25');
    expect(
      [...input<HTMLSelectElement>(form, 'terms.tiers.steps.0.kind').options].map((o) => o.value),
      'with RevShare too, a step may pay either',
    ).to.deep.equal(['cpa', 'percent']);
    await choose(form, 'terms.tiers.pays', 'above_threshold');
    fill(input(form, 'terms.tiers.steps.0.minPlayers'), '10');
    fill(input(form, 'terms.tiers.steps.0.cpa.amount'), '180');
    fill(input(form, 'terms.tiers.steps.0.cpa.currency'), 'usd');
    await press(form, '[data-add="steps"]');
    fill(input(form, 'terms.tiers.steps.1.minPlayers'), '25');
    await choose(form, 'terms.tiers.steps.1.kind', 'percent');
    fill(input(form, 'terms.tiers.steps.1.percent'), '35');
    submit(form);
    const request = await sent(api, `POST ${PLANS}`);
    expect(request.body).to.deep.equal({
      name: 'Tiered',
      isDefault: false,
      terms: {
        billingPeriod: 'monthly',
        cpa: {
          amounts: [
            { amount: '150', currency: 'USD' },
            { amount: '200.50', currency: 'USD', brandId: 'brd_north' },
          ],
        },
        revshare: { percent: '25', negativeCarryOver: false },
        tiers: {
          basis: 'qualified_players',
          pays: 'above_threshold',
          steps: [
            { minPlayers: 10, cpa: { amount: '180', currency: 'USD' } },
            { minPlayers: 25, percent: '35' },
          ],
        },
      },
    });
  });

  it('creates a CPL plan with an amount for one country and one for every other; NGR tiers need CPA or RevShare', async () => {
    const api = stub(
      fakePlansApi((r) =>
        r.method === 'POST' && r.path === PLANS ? json({ ...HYBRID, id: 'pln_cpl' }, 201) : undefined,
      ),
    );
    const el = await mounted('ru');
    const form = await openForm(el, '[part~="create"]');
    fill(input(form, 'name'), 'Leads');
    await toggle(form, 'cpa');
    await toggle(form, 'cpl');
    const tiersSwitch = $in<HTMLInputElement>(form, '[data-toggle="tiers"]');
    expect(tiersSwitch.disabled, 'CPL alone: nothing for tiers to raise').to.equal(true);
    expect($in(form, '#plan-tiers-need').textContent).to.contain('сначала включите CPA или RevShare');
    await choose(form, 'terms.cpl.per', 'lead');
    fill(input(form, 'terms.cpl.amounts.0.amount'), '7.50');
    fill(input(form, 'terms.cpl.amounts.0.country'), 'de');
    await press(form, '[data-add="cpl"]');
    expect(input(form, 'terms.cpl.amounts.1.country').placeholder).to.equal('Все остальные страны');
    fill(input(form, 'terms.cpl.amounts.1.amount'), '3');
    submit(form);
    expect((await sent(api, `POST ${PLANS}`)).body).to.deep.equal({
      name: 'Leads',
      isDefault: false,
      terms: {
        billingPeriod: 'monthly',
        cpl: {
          per: 'lead',
          amounts: [
            { amount: '7.50', currency: 'EUR', country: 'DE' },
            { amount: '3', currency: 'EUR' },
          ],
        },
      },
    });
  });

  it('a 422 on a tier step lands on that step’s field; a step named as a whole, on its first input', async () => {
    stub(
      fakePlansApi((r) =>
        r.method === 'POST'
          ? problem(422, 'validation_failed', 'bad', [
              {
                path: 'body.terms.tiers.steps.1.minNgr',
                reason: 'invalid_value',
                message: 'steps go up: each threshold above the one before',
              },
              { path: 'body.terms.tiers.steps.0.percent', reason: 'too_big', params: { maximum: 100 }, message: 'big' },
            ])
          : undefined,
      ),
    );
    const el = await mounted();
    const form = await openForm(el, '[part~="create"]');
    fill(input(form, 'name'), 'NGR tiers');
    await toggle(form, 'cpa');
    await toggle(form, 'revshare');
    fill(input(form, 'terms.revshare.percent'), '25');
    await toggle(form, 'tiers');
    await choose(form, 'terms.tiers.basis', 'ngr');
    expect(query(form, '[name="terms.tiers.steps.0.minPlayers"]'), 'NGR basis: an NGR threshold').to.equal(null);
    fill(input(form, 'terms.tiers.steps.0.minNgr.amount'), '5000');
    fill(input(form, 'terms.tiers.steps.0.percent'), '300');
    await press(form, '[data-add="steps"]');
    fill(input(form, 'terms.tiers.steps.1.minNgr.amount'), '4000');
    fill(input(form, 'terms.tiers.steps.1.percent'), '40');
    submit(form);
    const error = await find(form, '#plan-terms-tiers-steps-1-minNgr-amount-error');
    expect(error.textContent).to.not.equal('');
    expect(input(form, 'terms.tiers.steps.1.minNgr.amount').getAttribute('aria-invalid')).to.equal('true');
    expect($in(form, '#plan-terms-tiers-steps-0-percent-error').textContent).to.equal('Must be at most 100.');
    expect($in(form, '[part~="error"]').textContent).to.equal('Check the highlighted fields.');
    await form.updateComplete;
    expect(form.shadowRoot!.activeElement?.getAttribute('name'), 'the first problem is focused').to.equal(
      'terms.tiers.steps.0.percent',
    );
  });

  it('a new version starts from the plan’s tiers, amounts and brands and sends them back as they were', async () => {
    const terms = {
      billingPeriod: 'monthly' as const,
      cpa: {
        amounts: [
          { amount: '100.00', currency: 'EUR' },
          { amount: '150.00', currency: 'EUR', brandId: 'brd_gone' },
        ],
      },
      tiers: {
        basis: 'ngr' as const,
        pays: 'whole_period' as const,
        steps: [{ minNgr: { amount: '1000.00', currency: 'EUR' }, cpa: { amount: '120.00', currency: 'EUR' } }],
      },
    };
    const tiered: OperatorPlan = { ...INDIVIDUAL, id: 'pln_t', current: { ...HYBRID.current!, terms }, scheduled: [] };
    const api = stub(
      fakePlansApi((r) =>
        r.method === 'GET' && r.path === PLANS
          ? json({ data: [tiered] })
          : r.method === 'PATCH'
            ? json(tiered)
            : undefined,
      ),
    );
    const el = await mounted();
    const form = await openForm(el, '[data-plan="pln_t"] [part~="new-version"]');
    const brand = input<HTMLSelectElement>(form, 'terms.cpa.amounts.1.brandId');
    expect(brand.value, 'a brand the list lacks is kept by its id').to.equal('brd_gone');
    expect($in<HTMLInputElement>(form, '[name="terms.tiers.basis"][value="ngr"]').checked).to.equal(true);
    fill(input(form, 'effectiveFrom'), '2027-03-01');
    submit(form);
    expect((await sent(api, `PATCH ${PLANS}/pln_t`)).body).to.deep.equal({ effectiveFrom: '2027-03-01', terms });
  });

  it('saves new terms as a version from “effective from”, starting from the plan’s newest terms', async () => {
    const api = stub(
      fakePlansApi((r) => {
        if (r.method !== 'PATCH') return undefined;
        const body = r.body as { effectiveFrom: string };
        return body.effectiveFrom < today()
          ? problem(422, 'validation_failed', 'bad', [
              { path: 'body.effectiveFrom', reason: 'too_small', params: { minimum: today() }, message: 'too early' },
            ])
          : json(HYBRID);
      }),
    );
    const el = await mounted();
    const form = await openForm(el, '[data-plan="pln_hybrid"] [part~="new-version"]');
    expect(input(form, 'effectiveFrom').value, 'default today').to.equal(today());
    expect(input(form, 'terms.revshare.percent').value, 'from the scheduled version').to.equal('30');
    expect(query(form, '[name="terms.cpa.amounts.0.amount"]'), 'CPA is off in the newest terms').to.equal(null);
    expect($in(form, '[part~="hint"]:last-of-type').textContent).to.not.equal('');
    fill(input(form, 'effectiveFrom'), '2020-01-01');
    submit(form);
    expect((await find(form, '#plan-effectiveFrom-error')).textContent).to.equal(`Must be at least ${today()}.`);
    fill(input(form, 'effectiveFrom'), '2027-02-01');
    fill(input(form, 'terms.revshare.percent'), '35');
    submit(form);
    await find(el, '[part~="status"]:not(:empty)');
    const calls = api.sent(`PATCH ${PLANS}/pln_hybrid`);
    expect(calls.length).to.equal(2);
    expect(calls[1]!.body).to.deep.equal({
      effectiveFrom: '2027-02-01',
      terms: { billingPeriod: 'monthly', revshare: { percent: '35', negativeCarryOver: true } },
    });
    expect($in(el, '[part~="status"]').textContent).to.equal('New terms of “Hybrid EU” saved from 1 February 2027.');
  });

  it('shows no partner picker on a default plan: every partner has it', async () => {
    stub(fakePlansApi());
    const el = await mounted();
    expect(el.shadowRoot!.querySelector('[data-plan="pln_hybrid"] [part~="assign"]')).to.equal(null);
    expect($in(el, '[data-plan="pln_hybrid"] [part~="hint"]').textContent).to.equal(
      'Default plans are already offered to everyone.',
    );
    expect(el.shadowRoot!.querySelector('[data-plan="pln_ind"] [part~="assign"]')).to.not.equal(null);
  });

  it('offers a plan to the picked partner and stops offering it', async () => {
    const withZed = { ...INDIVIDUAL, offeredTo: ['prt_acme', 'prt_zed'] };
    const api = stub(
      fakePlansApi((r) => (r.method === 'POST' ? json(withZed) : r.method === 'DELETE' ? json(INDIVIDUAL) : undefined)),
    );
    const el = await mounted();
    expect($in(el, '[data-plan="pln_ind"] [part~="offered-to"]').textContent).to.equal('Offered to: Acme Media');
    $in<HTMLButtonElement>(el, '[part~="assign-button"]').click();
    expect((await find(el, '[part~="assign-error"]')).textContent).to.equal('Choose a partner first.');
    fill($in<HTMLSelectElement>(el, '#partner-pln_ind'), 'prt_zed');
    $in<HTMLButtonElement>(el, '[part~="assign-button"]').click();
    expect((await find(el, '[part~="assign-status"]')).textContent).to.equal('Offered to Zed Traffic.');
    expect($in(el, '[data-plan="pln_ind"] [part~="offered-to"]').textContent).to.equal(
      'Offered to: Acme Media, Zed Traffic',
    );
    expect((await sent(api, `POST ${PLANS}/pln_ind/assignments`)).body).to.deep.equal({ partnerId: 'prt_zed' });
    $in<HTMLButtonElement>(el, '[part~="unassign-button"]').click();
    await sent(api, `DELETE ${PLANS}/pln_ind/assignments/prt_zed`);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 20));
    expect($in(el, '[part~="assign-status"]').textContent).to.equal('No longer offered to Zed Traffic.');
  });

  it('fits 390 px with the form open, and the form is reached and closed by keyboard', async () => {
    stub(fakePlansApi());
    const el = await mounted();
    el.style.display = 'block';
    el.style.width = '390px';
    const form = await openForm(el, '[part~="create"]');
    await toggle(form, 'revshare');
    await toggle(form, 'subAffiliate');
    expect(el.scrollWidth, 'no sideways scroll').to.be.at.most(390);
    expect(form.scrollWidth).to.be.at.most(390);
    expect($in(el, '[part~="create"]').getAttribute('aria-expanded')).to.equal('true');
    $in<HTMLButtonElement>(form, '[part~="cancel"]').click();
    await find(el, '[part~="create"]:focus');
    expect(query(el, 'kb-plan-form')).to.equal(null);
  });
});
