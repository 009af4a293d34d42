import { define } from '../../internal/base-element.ts';
import { KbPostbackLog } from './kb-postback-log.ts';
import { expect } from '@open-wc/testing';
import { $in, afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import {
  fill,
  find,
  json,
  makeUser,
  mountSection,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { attempt, fakePostbackApi } from '../../internal/postback/postback-test-kit.ts';

define('kb-postback-log', KbPostbackLog);

const rows = [
  attempt('pba_4', { isTest: true }),
  attempt('pba_3', {
    responseCode: null,
    error: 'connection refused',
    durationMs: 12,
    action: 'registration',
    campaignId: null,
    campaignName: null,
    promoId: null,
    promoCode: null,
  }),
  attempt('pba_2', { responseCode: 503, durationMs: 1530, method: 'POST', url: 'https://tracker.example/pb' }),
];
const page2 = [attempt('pba_1', { responseCode: 404, action: 'qualification' })];

/** The log route: the first page ends with a cursor, the page "before pba_2" is the last. */
const fakeLog = () =>
  fakePostbackApi(({ method, path, query: q }) => {
    if (method !== 'GET' || path !== '/v1/partner/postbacks/log') return undefined;
    return q.get('before') === 'pba_2'
      ? json({ data: page2, nextBefore: null })
      : json({ data: rows, nextBefore: 'pba_2' });
  });
const logCalls = (api: ApiMock) => api.sent('GET /v1/partner/postbacks/log');
const cell = (el: Element, id: string, part: string) =>
  $in(el, `[data-attempt-id="${id}"] [part~="${part}"]`).textContent?.replace(/\s+/g, ' ').trim();

async function mounted(locale: 'en' | 'ru' = 'en', attrs: Record<string, string> = {}) {
  const { el } = await mountSection<KbPostbackLog>('kb-postback-log', { user: makeUser({ role: 'analyst' }), locale });
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  await find(el, '[part~="attempt-row"]');
  return el;
}

describe('<kb-postback-log>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('shows each attempt: time, full URL, action, answer or why none, duration, campaign, promo, test badge', async () => {
    api = fakeLog();
    const el = await mounted();
    expect(logCalls(api)[0]!.query.toString()).to.equal('limit=50');
    expect($in(el, '[data-attempt-id="pba_4"] time').getAttribute('datetime')).to.equal('2025-03-02T10:15:00.000Z');
    expect(cell(el, 'pba_4', 'url')).to.equal('https://tracker.example/pb?click=clk_9f2a&promo=promo_1&sum=25.00');
    expect(cell(el, 'pba_4', 'attempt-action')).to.equal('First deposit test');
    expect(cell(el, 'pba_4', 'test-badge')).to.equal('test');
    expect(query(el, '[data-attempt-id="pba_2"] [part~="test-badge"]'), 'only tests are marked').to.equal(null);
    expect(cell(el, 'pba_4', 'attempt-response')).to.equal('200');
    expect(cell(el, 'pba_4', 'attempt-duration')).to.equal('134 ms');
    // Names first; the code and id the filters take are a secondary line to copy.
    expect(cell(el, 'pba_4', 'ref-name')).to.equal('Summer push');
    expect(cell(el, 'pba_4', 'attempt-campaign')).to.equal('Summer push camp_1');
    expect(cell(el, 'pba_4', 'attempt-promo')).to.equal('Welcome banner SUMMER25 promo_1');
    expect($in(el, '[data-attempt-id="pba_4"] [part~="attempt-promo"] [part~="ref-name"]').textContent).to.equal(
      'Welcome banner',
    );
    expect($in(el, '[data-attempt-id="pba_4"] [part~="attempt-promo"] [part~="ref-id"]').textContent).to.equal(
      'promo_1',
    );
    expect(cell(el, 'pba_3', 'attempt-response')).to.equal('No response: connection refused');
    expect(cell(el, 'pba_3', 'attempt-campaign')).to.equal('—');
    expect(cell(el, 'pba_2', 'attempt-response')).to.equal('503');
    expect($in(el, '[data-attempt-id="pba_2"] [part~="response-code"]').getAttribute('part')).to.include(
      'response-5xx',
    );
    expect(cell(el, 'pba_2', 'attempt-url')).to.equal('POST https://tracker.example/pb');
    expect(cell(el, 'pba_2', 'attempt-duration')).to.equal('1,530 ms');
    expect($in(el, '[part~="count"]').textContent).to.equal('Showing 3 attempts.');
  });

  it('builds the query from every filter', async () => {
    api = fakeLog();
    const el = await mounted();
    expect($in<HTMLSelectElement>(el, '#log-action').options.length, 'all + 12 actions').to.equal(13);
    fill($in<HTMLInputElement>(el, '#log-from'), '2025-03-01');
    fill($in<HTMLInputElement>(el, '#log-to'), '2025-03-31');
    fill($in<HTMLInputElement>(el, '#log-url'), ' tracker.example/pb ');
    fill($in<HTMLSelectElement>(el, '#log-action'), 'qualification');
    fill($in<HTMLSelectElement>(el, '#log-response'), '4xx');
    fill($in<HTMLInputElement>(el, '#log-campaign'), 'Summer');
    fill($in<HTMLInputElement>(el, '#log-campaignId'), 'camp_1');
    fill($in<HTMLInputElement>(el, '#log-promoCode'), 'SUMMER25');
    fill($in<HTMLInputElement>(el, '#log-promoId'), 'promo_1');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => logCalls(api!).length === 2, 1000, 'filtered request');
    const q = logCalls(api)[1]!.query;
    expect(q.get('from')).to.equal(new Date('2025-03-01T00:00:00').toISOString());
    expect(q.get('to')).to.equal(new Date('2025-03-31T23:59:59.999').toISOString());
    expect(q.get('url')).to.equal('tracker.example/pb');
    expect(q.get('action')).to.equal('qualification');
    expect(q.get('responseCode')).to.equal('4xx');
    expect(q.get('campaign')).to.equal('Summer');
    expect(q.get('campaignId')).to.equal('camp_1');
    expect(q.get('promoCode')).to.equal('SUMMER25');
    expect(q.get('promoId')).to.equal('promo_1');
    expect(q.get('limit')).to.equal('50');
    expect(q.has('before')).to.equal(false);

    await waitFor(() => !$in<HTMLButtonElement>(el, '[part~="apply"]').disabled, 1000, 'answered');
    fill($in<HTMLSelectElement>(el, '#log-response'), 'none');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => logCalls(api!).length === 3, 1000, 'no-answer filter');
    expect(logCalls(api)[2]!.query.get('responseCode')).to.equal('none');
  });

  it('filters by an exact code, and says when it is not one', async () => {
    api = fakeLog();
    const el = await mounted();
    expect(query(el, '#log-code')).to.equal(null);
    fill($in<HTMLSelectElement>(el, '#log-response'), 'exact');
    const code = await find<HTMLInputElement>(el, '#log-code');
    fill(code, '20');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    const error = await find(el, '#log-code-error');
    expect(error.textContent).to.equal('Enter a three-digit HTTP code, e.g. 200.');
    expect(logCalls(api).length, 'nothing asked').to.equal(1);
    await el.updateComplete;
    fill(code, '404');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => logCalls(api!).length === 2, 1000, 'exact code');
    expect(logCalls(api)[1]!.query.get('responseCode')).to.equal('404');
  });

  it('loads older attempts with the cursor and appends them', async () => {
    api = fakeLog();
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[part~="load-more"]').click();
    await waitFor(() => query(el, '[data-attempt-id="pba_1"]'), 1000, 'older page');
    expect(logCalls(api)[1]!.query.get('before')).to.equal('pba_2');
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~="attempt-row"]')].map((r) => r.getAttribute('data-attempt-id')),
    ).to.deep.equal(['pba_4', 'pba_3', 'pba_2', 'pba_1']);
    expect(cell(el, 'pba_1', 'attempt-response')).to.equal('404');
    expect(query(el, '[part~="load-more"]'), 'last page').to.equal(null);
  });

  it('keeps to one campaign when given one', async () => {
    api = fakeLog();
    const el = await mounted('en', { 'campaign-id': 'camp_1' });
    await waitFor(() => logCalls(api!).length === 2, 1000, 'reload');
    expect(logCalls(api)[1]!.query.get('campaignId')).to.equal('camp_1');
    expect(query(el, '#log-campaignId'), 'no campaign filter').to.equal(null);
  });

  it('with no attempts yet says when the log fills and offers the way to postbacks', async () => {
    api = fakePostbackApi(({ path }) =>
      path === '/v1/partner/postbacks/log' ? json({ data: [], nextBefore: null }) : undefined,
    );
    const { el } = await mountSection<KbPostbackLog>('kb-postback-log', { user: makeUser() });
    const empty = await find(el, '[part~="empty"]');
    expect(empty.getAttribute('role')).to.equal('status');
    expect(empty.querySelector('[part~="empty-message"]')?.textContent).to.equal('No delivery attempts yet.');
    expect(empty.querySelector('[part~="empty-hint"]')?.textContent).to.include('when one of your postbacks fires');
    const opened: string[] = [];
    document.addEventListener('kb-open-section', (e) => opened.push(e.detail.section), { once: true });
    const action = empty.querySelector<HTMLButtonElement>('[part~="empty-action"]')!;
    expect(action.textContent).to.equal('Go to postbacks');
    action.click();
    expect(opened).to.deep.equal(['postbacks']);
  });

  it('with filters and no match says so, and Clear filters empties the form and reloads', async () => {
    api = fakePostbackApi(({ method, path, query: q }) => {
      if (method !== 'GET' || path !== '/v1/partner/postbacks/log') return undefined;
      return json({ data: q.get('url') ? [] : rows, nextBefore: null });
    });
    const el = await mounted();
    fill($in<HTMLInputElement>(el, '#log-url'), 'nowhere.example');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    const empty = await find(el, '[part~="empty"]');
    expect(empty.querySelector('[part~="empty-message"]')?.textContent).to.equal(
      'No delivery attempts match these filters.',
    );
    const clear = empty.querySelector<HTMLButtonElement>('[part~="empty-action"]')!;
    expect(clear.textContent).to.equal('Clear filters');
    clear.click();
    await find(el, '[part~="attempt-row"]');
    expect($in<HTMLInputElement>(el, '#log-url').value, 'form reset').to.equal('');
    expect(logCalls(api).at(-1)!.query.get('url'), 'reloaded without filters').to.equal(null);
  });

  it('speaks Russian', async () => {
    api = fakeLog();
    const el = await mounted('ru');
    expect($in(el, '[part~="heading"]').textContent).to.equal('Лог постбеков');
    expect(cell(el, 'pba_3', 'attempt-action')).to.equal('Регистрация');
    expect(cell(el, 'pba_3', 'attempt-response')).to.equal('Нет ответа: connection refused');
    expect(cell(el, 'pba_4', 'test-badge')).to.equal('тест');
    expect($in(el, '#log-response option[value="none"]').textContent).to.equal('Нет ответа');
    expect(textOf(el)).to.include('Показано 3 попытки.');
  });
});
