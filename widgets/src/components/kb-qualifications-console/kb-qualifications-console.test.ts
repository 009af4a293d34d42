import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { $in, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
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
import type { QualificationRow } from '../../internal/billing/qualifications.ts';
import { eachTestApi } from '../../internal/statistics/statistics-test-kit.ts';
import { KbQualificationsConsole } from './kb-qualifications-console.ts';

define('kb-qualifications-console', KbQualificationsConsole);

const BASE = `${API}/admin/kabinet`;
const LIST = 'GET /admin/kabinet/v1/qualifications';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const row = (over: Partial<QualificationRow> = {}): QualificationRow => ({
  plan: { id: 'pln_cpa', name: 'CPA Europe' },
  brand: { id: 'br_1', name: 'LuckySpin Casino' },
  partner: { id: 'prt_acme', name: 'Acme Media' },
  playerId: 'player-1001',
  qualifiedAt: '2026-11-25T12:00:00.000Z',
  country: 'MT',
  currency: 'EUR',
  firstDeposit: '100.00',
  deposits: 2,
  wager: '300.00',
  ngr: '45.10',
  ...over,
});

function consoleApi(list: (q: URLSearchParams) => Response | undefined): ApiMock {
  return mockApi(({ method, path, query: q }) => {
    const key = `${method} ${path}`;
    if (key === LIST) return list(q);
    if (key === 'GET /admin/kabinet/v1/partners')
      return json({
        data: [
          { id: 'prt_acme', name: 'Acme Media' },
          { id: 'prt_bolt', name: 'Bolt Traffic' },
        ],
      });
    if (key === 'GET /admin/kabinet/v1/brands')
      return json({
        data: [
          { id: 'br_1', name: 'LuckySpin Casino' },
          { id: 'br_2', name: 'Spinia' },
        ],
      });
    if (key === 'GET /admin/kabinet/v1/plans')
      return json({
        data: [
          { id: 'pln_cpa', name: 'CPA Europe' },
          { id: 'pln_hybrid', name: 'Hybrid' },
        ],
      });
    return undefined;
  });
}

const mounted = (locale = 'en') =>
  fixture<KbQualificationsConsole>(
    html`<kb-qualifications-console api-base=${BASE} locale=${locale}></kb-qualifications-console>`,
  );

describe('<kb-qualifications-console>', () => {
  const stub = eachTestApi();

  it('lists qualified players over all partners, filters by partner, plan and player id, and pages', async () => {
    const api = stub(
      consoleApi((q) =>
        q.get('after') === 'cur_2'
          ? json({ data: [row({ playerId: 'player-0900' })], next: null, timeZone: 'Europe/Malta' })
          : json({ data: [row()], next: q.toString() ? null : 'cur_2', timeZone: 'Europe/Malta' }),
      ),
    );
    const el = await mounted();
    const r = await find(el, '[part~="qualification-row"]');
    expect(text(r.querySelector('[part~="partner"]'))).to.equal('Acme Media');
    expect(text(r.querySelector('[part~="qualified-at"]'))).to.equal('Nov 25, 2026 1:00 PM');
    expect(text(r.querySelector('[part~="ngr"]'))).to.equal('€45.10');
    expect(text(query(el, '[part~="zone"]'))).to.include('Europe/Malta');

    $in<HTMLButtonElement>(el, '[part~="load-more"]').click();
    await waitFor(() => el.shadowRoot!.querySelectorAll('[part~="qualification-row"]').length === 2, 1000, 'page 2');
    expect(api.sent(LIST)[1]!.query.get('after')).to.equal('cur_2');

    await find(el, '#qualified-planId');
    fill(query<HTMLSelectElement>(el, '#qualified-partnerId')!, 'prt_bolt');
    fill(query<HTMLSelectElement>(el, '#qualified-planId')!, 'pln_hybrid');
    fill(query<HTMLInputElement>(el, '#qualified-playerId')!, '  player-1001 ');
    query<HTMLFormElement>(el, 'form[part~="filters"]')!.requestSubmit();
    await waitFor(() => api.sent(LIST).length === 3, 1000, 'filtered list');
    expect(Object.fromEntries(api.sent(LIST)[2]!.query)).to.deep.equal({
      partnerId: 'prt_bolt',
      planId: 'pln_hybrid',
      playerId: 'player-1001',
    });
  });

  it('tells the truth when empty: none yet, none in a period, none matching; and words a refused filter (ru)', async () => {
    const api = stub(
      consoleApi((q) =>
        q.get('brandId') === 'br_2'
          ? problem(422, 'validation_failed', 'query.to: must be a date', [
              { path: 'query.to', reason: 'invalid_format', params: { format: 'date' }, message: 'must be a date' },
            ])
          : json({ data: [], next: null, timeZone: 'Europe/Malta' }),
      ),
    );
    const el = await mounted('ru');
    await find(el, '[part~="empty"]');
    expect(text(query(el, '[part~="empty-message"]'))).to.include('Пока ни один игрок не квалифицировался.');
    fill(query<HTMLInputElement>(el, '#qualified-from')!, '2026-10-01');
    query<HTMLFormElement>(el, 'form[part~="filters"]')!.requestSubmit();
    await find(el, '[part~="clear-filters"]');
    expect(text(query(el, '[part~="empty-message"]'))).to.equal('За этот период ни один игрок не квалифицировался.');
    await find(el, '#qualified-brandId');
    fill(query<HTMLSelectElement>(el, '#qualified-brandId')!, 'br_2');
    query<HTMLFormElement>(el, 'form[part~="filters"]')!.requestSubmit();
    await waitFor(() => text(query(el, '[part~="error"]')).length > 0, 1000, 'the refusal');
    expect(api.sent(LIST)).to.have.length(3);
    $in<HTMLButtonElement>(el, '[part~="clear-filters"]').click();
    await waitFor(() => api.sent(LIST).length === 4, 1000, 'cleared');
    expect(api.sent(LIST)[3]!.query.toString()).to.equal('');
  });

  it('refuses an end before the start without a request', async () => {
    const api = stub(consoleApi(() => json({ data: [row()], next: null, timeZone: 'UTC' })));
    const el = await mounted();
    await find(el, '[part~="qualification-row"]');
    fill(query<HTMLInputElement>(el, '#qualified-from')!, '2026-11-10');
    fill(query<HTMLInputElement>(el, '#qualified-to')!, '2026-11-01');
    query<HTMLFormElement>(el, 'form[part~="filters"]')!.requestSubmit();
    await find(el, '[part~="field-error"]');
    expect(text(query(el, '[part~="field-error"]'))).to.equal('The end comes before the start.');
    expect(api.sent(LIST)).to.have.length(1);
  });

  it('390 px: each player is a card, nothing wider than the phone', async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      stub(consoleApi(() => json({ data: [row()], next: null, timeZone: 'UTC' })));
      const el = await mounted();
      const r = await find(el, '[part~="qualification-row"]');
      expect(getComputedStyle(r).display).to.equal('grid');
      expect(el.shadowRoot!.querySelector('[part~="table-wrap"]')!.scrollWidth).to.be.at.most(390);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
