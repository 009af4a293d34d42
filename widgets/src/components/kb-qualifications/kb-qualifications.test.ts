import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { find, json, mockApi, mountSection, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import type { QualificationRow } from '../../internal/billing/qualifications.ts';
import { KbQualifications } from './kb-qualifications.ts';

define('kb-qualifications', KbQualifications);

const LIST = 'GET /v1/partner/qualifications';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const row = (over: Partial<QualificationRow> = {}): QualificationRow => ({
  plan: { id: 'pln_cpa', name: 'CPA Europe' },
  brand: { id: 'br_1', name: 'LuckySpin Casino' },
  playerId: 'player-1001',
  // 23:30 UTC on Nov 25 is 00:30 on Nov 26 in Berlin: the program's calendar, not the browser's.
  qualifiedAt: '2026-11-25T23:30:00.000Z',
  country: 'DE',
  currency: 'EUR',
  firstDeposit: '50.00',
  deposits: 3,
  wager: '1250.50',
  ngr: '-12.75',
  ...over,
});
const page = (data: QualificationRow[], next: string | null = null) => ({ data, next, timeZone: 'Europe/Berlin' });

function qualificationsApi(pages: Record<string, unknown>, plans = 2): ApiMock {
  return mockApi(({ method, path, query: q }) => {
    if (`${method} ${path}` === 'GET /v1/partner/catalog')
      return json({
        brands: [
          { id: 'br_1', name: 'LuckySpin Casino' },
          { id: 'br_2', name: 'Spinia' },
        ],
        plans: [
          { id: 'pln_cpa', name: 'CPA Europe' },
          { id: 'pln_hybrid', name: 'Hybrid' },
        ].slice(0, plans),
        landings: [],
      });
    if (`${method} ${path}` === LIST) return json(pages[q.get('after') ?? (q.toString() || 'first')]);
    return undefined;
  });
}

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="qualification-row"]')];
const cellOf = (r: Element, part: string) => text(r.querySelector(`[part~="${part}"]`));

describe('<kb-qualifications>', () => {
  let api: ApiMock | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    await setViewport({ width: 800, height: 600 });
  });

  it('lists qualified players on the program’s calendar, amounts in the brand’s currency, and Load more by the cursor', async () => {
    api = qualificationsApi({
      first: page(
        [row(), row({ playerId: 'player-0999', country: null, currency: 'BTC', firstDeposit: '0.0015' })],
        'cur_2',
      ),
      cur_2: page([row({ playerId: 'player-0998', qualifiedAt: '2026-11-20T10:00:00.000Z' })]),
    });
    const { el } = await mountSection<KbQualifications>('kb-qualifications');
    await find(el, '[part~="qualification-row"]');
    expect(text(query(el, '[part~="heading"]'))).to.equal('Qualified players');
    expect(text(query(el, '[part~="zone"]'))).to.equal(
      'Dates and times are in the program’s time zone, Europe/Berlin.',
    );
    const [first, btc] = rows(el);
    expect(cellOf(first!, 'qualified-day')).to.equal('Nov 26, 2026');
    expect(cellOf(first!, 'qualified-time')).to.equal('12:30 AM');
    expect(cellOf(first!, 'player')).to.equal('player-1001');
    expect(cellOf(first!, 'brand')).to.equal('LuckySpin Casino');
    expect(cellOf(first!, 'plan')).to.equal('CPA Europe');
    expect(cellOf(first!, 'country')).to.equal('Germany');
    expect(cellOf(first!, 'first-deposit')).to.equal('€50.00');
    expect(cellOf(first!, 'deposits')).to.equal('3');
    expect(cellOf(first!, 'wager')).to.equal('€1,250.50');
    expect(cellOf(first!, 'ngr')).to.equal('-€12.75');
    expect(cellOf(btc!, 'country')).to.equal('Not known');
    expect(cellOf(btc!, 'first-deposit')).to.equal('BTC 0.0015');
    expect(text(query(el, '[part~="count"]'))).to.equal('2 qualified players shown');

    query<HTMLButtonElement>(el, '[part~="load-more"]')!.click();
    await waitFor(() => rows(el).length === 3, 2000, 'the next page');
    expect(api.sent(LIST)[1]!.query.get('after')).to.equal('cur_2');
    expect(query(el, '[part~="load-more"]'), 'the last page').to.equal(null);
  });

  it('says no player has qualified yet; filtered by dates, that none did in this period; by plan, that none match', async () => {
    api = qualificationsApi({
      'first': page([]),
      'from=2026-10-01&to=2026-10-31': page([]),
      'from=2026-10-01&to=2026-10-31&planId=pln_hybrid': page([]),
    });
    const { el } = await mountSection<KbQualifications>('kb-qualifications');
    await find(el, '[part~="empty"]');
    expect(text(query(el, '[part~="empty-message"]'))).to.equal('No player has qualified yet.');
    expect(text(query(el, '[part~="empty-hint"]'))).to.include('qualification rules of your CPA plan');

    const form = query<HTMLFormElement>(el, 'form[part~="filters"]')!;
    query<HTMLInputElement>(el, '#qualified-from')!.value = '2026-10-01';
    query<HTMLInputElement>(el, '#qualified-to')!.value = '2026-10-31';
    form.requestSubmit();
    await find(el, '[part~="clear-filters"]');
    expect(text(query(el, '[part~="empty-message"]'))).to.equal('No player has qualified in this period.');

    await find(el, '#qualified-plan');
    query<HTMLSelectElement>(el, '#qualified-plan')!.value = 'pln_hybrid';
    form.requestSubmit();
    await waitFor(() => api!.sent(LIST).length === 3, 2000, 'the plan filter');
    await waitFor(() => text(query(el, '[part~="empty-message"]')).includes('match'), 2000, 'the words');
    expect(Object.fromEntries(api.sent(LIST).at(-1)!.query)).to.deep.equal({
      from: '2026-10-01',
      to: '2026-10-31',
      planId: 'pln_hybrid',
    });
    expect(text(query(el, '[part~="empty-message"]'))).to.equal('No qualified players match these filters.');
    expect(query(el, '#qualified-brand'), 'two brands: the brand filter shows').not.to.equal(null);
  });

  it('refuses an end before the start without asking the server, and leaves the plan filter out for one plan', async () => {
    api = qualificationsApi({ first: page([row()]) }, 1);
    const { el } = await mountSection<KbQualifications>('kb-qualifications');
    await find(el, '[part~="qualification-row"]');
    query<HTMLInputElement>(el, '#qualified-from')!.value = '2026-11-10';
    query<HTMLInputElement>(el, '#qualified-to')!.value = '2026-11-01';
    query<HTMLFormElement>(el, 'form[part~="filters"]')!.requestSubmit();
    await find(el, '[part~="field-error"]');
    expect(text(query(el, '[part~="field-error"]'))).to.equal('The end comes before the start.');
    expect(api.sent(LIST)).to.have.length(1);
    expect(query(el, '#qualified-plan')).to.equal(null);
  });

  it('speaks Russian', async () => {
    api = qualificationsApi({ first: page([row()]) });
    const { el } = await mountSection<KbQualifications>('kb-qualifications', { locale: 'ru' });
    const r = await find(el, '[part~="qualification-row"]');
    expect(text(query(el, '[part~="heading"]'))).to.equal('Квалифицированные игроки');
    expect(cellOf(r, 'country')).to.equal('Германия');
    expect(cellOf(r, 'wager').replace(/\s/g, ' ')).to.equal('1 250,50 €');
    expect(cellOf(r, 'qualified-day')).to.equal('26 нояб. 2026 г.');
    expect(cellOf(r, 'qualified-time')).to.equal('00:30');
    expect(text(query(el, '[part~="count"]'))).to.equal('Показан 1 квалифицированный игрок');
  });

  it('390 px: each player is a card, nothing wider than the phone', async () => {
    await setViewport({ width: 390, height: 844 });
    api = qualificationsApi({
      first: page([row({ playerId: 'a-very-long-player-identifier-from-the-operator-0123456789' })]),
    });
    const { el } = await mountSection<KbQualifications>('kb-qualifications');
    const r = await find(el, '[part~="qualification-row"]');
    expect(getComputedStyle(r).display).to.equal('grid');
    expect(el.shadowRoot!.querySelector('[part~="table-wrap"]')!.scrollWidth).to.be.at.most(390);
    expect(el.scrollWidth).to.be.at.most(390);
  });
});
