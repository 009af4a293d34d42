import { define } from '../../internal/base-element.ts';
import { KbPostbackLog } from './kb-postback-log.ts';
import { $in, afterEach, cleanupFixtures, describe, expect, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, json, makeUser, mountSection, query, textOf, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { attempt, fakePostbackApi } from '../../internal/postback/postback-test-kit.ts';

define('kb-postback-log', KbPostbackLog);

const rows = [
  attempt('pba_4', { isTest: true }),
  attempt('pba_3', { responseCode: null, error: 'connection refused', durationMs: 12, action: 'registration', campaignId: null, campaignName: null, promoId: null, promoCode: null }),
  attempt('pba_2', { responseCode: 503, durationMs: 1530, method: 'POST', url: 'https://tracker.example/pb' }),
];
const page2 = [attempt('pba_1', { responseCode: 404, action: 'qualification' })];

/** The log route: the first page ends with a cursor, the page "before pba_2" is the last. */
const fakeLog = () => fakePostbackApi(({ method, path, query: q }) => {
  if (method !== 'GET' || path !== '/v1/partner/postbacks/log') return undefined;
  return q.get('before') === 'pba_2' ? json({ data: page2, nextBefore: null }) : json({ data: rows, nextBefore: 'pba_2' });
});
const logCalls = (api: ApiMock) => api.sent('GET /v1/partner/postbacks/log');
const cell = (el: Element, id: string, part: string) => $in(el, `[data-attempt-id="${id}"] [part~="${part}"]`).textContent?.replace(/\s+/g, ' ').trim();

async function mounted(locale: 'en' | 'ru' = 'en', attrs: Record<string, string> = {}) {
  const { el } = await mountSection<KbPostbackLog>('kb-postback-log', { user: makeUser({ role: 'analyst' }), locale });
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  await find(el, '[part~="attempt-row"]');
  return el;
}

describe('<kb-postback-log>', () => {
  let api: ApiMock | null = null;
  afterEach(() => { api?.restore(); api = null; cleanupFixtures(); });

  it('shows each attempt: time, full URL, action, answer or why none, duration, campaign, promo, test badge', async () => {
    api = fakeLog();
    const el = await mounted();
    expect(logCalls(api)[0]!.query.toString()).toBe('limit=50');
    expect($in(el, '[data-attempt-id="pba_4"] time').getAttribute('datetime')).toBe('2025-03-02T10:15:00.000Z');
    expect(cell(el, 'pba_4', 'url')).toBe('https://tracker.example/pb?click=clk_9f2a&promo=promo_1&sum=25.00');
    expect(cell(el, 'pba_4', 'attempt-action')).toBe('First deposit test');
    expect(cell(el, 'pba_4', 'test-badge')).toBe('test');
    expect(query(el, '[data-attempt-id="pba_2"] [part~="test-badge"]'), 'only tests are marked').toBe(null);
    expect(cell(el, 'pba_4', 'attempt-response')).toBe('200');
    expect(cell(el, 'pba_4', 'attempt-duration')).toBe('134 ms');
    expect(cell(el, 'pba_4', 'attempt-campaign')).toBe('Summer push camp_1');
    expect(cell(el, 'pba_4', 'attempt-promo')).toBe('SUMMER25 promo_1');
    expect(cell(el, 'pba_3', 'attempt-response')).toBe('No response: connection refused');
    expect(cell(el, 'pba_3', 'attempt-campaign')).toBe('—');
    expect(cell(el, 'pba_2', 'attempt-response')).toBe('503');
    expect($in(el, '[data-attempt-id="pba_2"] [part~="response-code"]').getAttribute('part')).toContain('response-5xx');
    expect(cell(el, 'pba_2', 'attempt-url')).toBe('POST https://tracker.example/pb');
    expect(cell(el, 'pba_2', 'attempt-duration')).toBe('1,530 ms');
    expect($in(el, '[part~="count"]').textContent).toBe('Showing 3 attempts.');
  });

  it('builds the query from every filter', async () => {
    api = fakeLog();
    const el = await mounted();
    expect($in<HTMLSelectElement>(el, '#log-action').options.length, 'all + 12 actions').toBe(13);
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
    expect(q.get('from')).toBe(new Date('2025-03-01T00:00:00').toISOString());
    expect(q.get('to')).toBe(new Date('2025-03-31T23:59:59.999').toISOString());
    expect(q.get('url')).toBe('tracker.example/pb');
    expect(q.get('action')).toBe('qualification');
    expect(q.get('responseCode')).toBe('4xx');
    expect(q.get('campaign')).toBe('Summer');
    expect(q.get('campaignId')).toBe('camp_1');
    expect(q.get('promoCode')).toBe('SUMMER25');
    expect(q.get('promoId')).toBe('promo_1');
    expect(q.get('limit')).toBe('50');
    expect(q.has('before')).toBe(false);

    await waitFor(() => !$in<HTMLButtonElement>(el, '[part~="apply"]').disabled, 1000, 'answered');
    fill($in<HTMLSelectElement>(el, '#log-response'), 'none');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => logCalls(api!).length === 3, 1000, 'no-answer filter');
    expect(logCalls(api)[2]!.query.get('responseCode')).toBe('none');
  });

  it('filters by an exact code, and says when it is not one', async () => {
    api = fakeLog();
    const el = await mounted();
    expect(query(el, '#log-code')).toBe(null);
    fill($in<HTMLSelectElement>(el, '#log-response'), 'exact');
    const code = await find<HTMLInputElement>(el, '#log-code');
    fill(code, '20');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    const error = await find(el, '#log-code-error');
    expect(error.textContent).toBe('Enter a three-digit HTTP code, e.g. 200.');
    expect(logCalls(api).length, 'nothing asked').toBe(1);
    await el.updateComplete;
    fill(code, '404');
    $in<HTMLButtonElement>(el, '[part~="apply"]').click();
    await waitFor(() => logCalls(api!).length === 2, 1000, 'exact code');
    expect(logCalls(api)[1]!.query.get('responseCode')).toBe('404');
  });

  it('loads older attempts with the cursor and appends them', async () => {
    api = fakeLog();
    const el = await mounted();
    $in<HTMLButtonElement>(el, '[part~="load-more"]').click();
    await waitFor(() => query(el, '[data-attempt-id="pba_1"]'), 1000, 'older page');
    expect(logCalls(api)[1]!.query.get('before')).toBe('pba_2');
    expect([...el.shadowRoot!.querySelectorAll('[part~="attempt-row"]')].map((r) => r.getAttribute('data-attempt-id'))).toEqual(['pba_4', 'pba_3', 'pba_2', 'pba_1']);
    expect(cell(el, 'pba_1', 'attempt-response')).toBe('404');
    expect(query(el, '[part~="load-more"]'), 'last page').toBe(null);
  });

  it('keeps to one campaign when given one', async () => {
    api = fakeLog();
    const el = await mounted('en', { 'campaign-id': 'camp_1' });
    await waitFor(() => logCalls(api!).length === 2, 1000, 'reload');
    expect(logCalls(api)[1]!.query.get('campaignId')).toBe('camp_1');
    expect(query(el, '#log-campaignId'), 'no campaign filter').toBe(null);
  });

  it('speaks Russian', async () => {
    api = fakeLog();
    const el = await mounted('ru');
    expect($in(el, '[part~="heading"]').textContent).toBe('Лог постбеков');
    expect(cell(el, 'pba_3', 'attempt-action')).toBe('Регистрация');
    expect(cell(el, 'pba_3', 'attempt-response')).toBe('Нет ответа: connection refused');
    expect(cell(el, 'pba_4', 'test-badge')).toBe('тест');
    expect($in(el, '#log-response option[value="none"]').textContent).toBe('Нет ответа');
    expect(textOf(el)).toContain('Показано 3 попытки.');
  });
});
