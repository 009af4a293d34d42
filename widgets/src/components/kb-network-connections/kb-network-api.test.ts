import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { KbNetworkConnections, NETWORK_CONSOLE_PARTS } from './kb-network-connections.ts';
import {
  $in,
  afterEach,
  cleanupFixtures,
  describe,
  fixture,
  it,
  jsonResponse,
  problemResponse,
  stubFetch,
  typeInto,
  waitFor,
  type FetchStub,
  type StubbedRequest,
} from '../../internal/test-helpers.ts';
import type {
  ApiAdapter,
  ApiAdapterView,
  ApiLogEntry,
  ApiTestResult,
  Connection,
  NetworkEntry,
  NetworkLead,
} from './network-types.ts';
import type { KbNetworkApi } from './kb-network-api.ts';

define('kb-network-connections', KbNetworkConnections);
for (const [tag, ctor] of NETWORK_CONSOLE_PARTS) define(tag, ctor);

const BASE = '/demo/operator-backend/op_demo_luckyspin/kabinet';
const API = '/v1/network_connections/nc_1/api';
const ADAPTER: ApiAdapter = {
  auth: { style: 'header', name: 'X-Api-Key', value: '{{settings.api_token}}' },
  leadPush: {
    method: 'POST',
    url: 'https://api.net.example/leads',
    headers: {},
    body: { format: 'json', fields: { name: '{{lead.name}}', sub1: '{{visit_id}}' } },
    orderIdPath: '$.data.order_id',
    duplicate: { statuses: [409, 422], path: '$.error', equals: 'duplicate' },
  },
  statusPoll: {
    method: 'GET',
    url: 'https://api.net.example/orders{?from,to}{&offset,limit}',
    headers: { Accept: 'application/json' },
    body: { format: 'none', fields: {} },
    paging: { style: 'offset', pageSize: 100 },
    itemsPath: '$.data[*]',
    orderIdPath: '$.id',
    subIdPath: '$.sub1',
    statusPath: '$.status',
    statusWords: { sta: 'confirmed' },
    overlapMinutes: 120,
    firstLookbackDays: 7,
  },
  syncEveryMinutes: 15,
  requestsPerMinute: 60,
  timeoutSeconds: 20,
  leadContactRetentionDays: 90,
};
const view = (adapter: ApiAdapter = ADAPTER, sync: Partial<ApiAdapterView['sync']> = {}): ApiAdapterView => ({
  connectionId: 'nc_1',
  adapter,
  sync: {
    syncedUntil: '2026-11-24T09:00:00.000Z',
    nextSyncAt: '2026-11-24T10:15:00.000Z',
    lastSyncAt: '2026-11-24T09:45:00.000Z',
    lastOutcome: 'partial',
    lastError: 'HTTP 429: waiting 60 s',
    running: false,
    ...sync,
  },
  updatedAt: '2026-11-24T09:00:00.000Z',
});
const logEntry = (id: string, over: Partial<ApiLogEntry> = {}): ApiLogEntry => ({
  id,
  runId: 'nsr_1',
  purpose: 'sync',
  at: '2026-11-24T09:45:00.000Z',
  method: 'GET',
  url: 'https://api.net.example/orders?from=2026-11-23&offset=0&limit=100',
  requestBody: null,
  status: 200,
  durationMs: 240,
  answer: '{"data":[{"id":"A-1","status":"confirmed"}]}',
  itemsSeen: 1,
  itemsChanged: 1,
  error: null,
  ...over,
});
const lead = (id: string, over: Partial<NetworkLead> = {}): NetworkLead => ({
  id,
  connectionId: 'nc_1',
  offerId: 'noff_1',
  leadId: `crm-${id}`,
  visitId: 'kbv_1',
  contact: { name: 'J••• D••', phone: '••••67' },
  state: 'pushed',
  networkOrderId: 'ORD-77',
  attempts: 1,
  lastError: null,
  createdAt: '2026-11-24T09:00:00.000Z',
  pushedAt: '2026-11-24T09:00:02.000Z',
  ...over,
});

type Route = (request: StubbedRequest, query: URLSearchParams) => Response | Promise<Response>;
const noAdapter = () =>
  problemResponse(404, 'not_found', 'Network API adapter not found', undefined, {
    resource: 'network_adapter',
  });
/** The operator backend by `METHOD /v1/path`: the adapter's routes answer empty lists unless given. */
function backend(routes: Record<string, Route>): FetchStub {
  const all: Record<string, Route> = {
    [`GET ${API}/log`]: () => jsonResponse({ data: [], nextBefore: null }),
    'GET /v1/network_connections/nc_1/leads': () => jsonResponse({ data: [], nextBefore: null }),
    ...routes,
  };
  return stubFetch(`${BASE}/v1/`, (url, _i, request) => {
    const parsed = new URL(url, location.href);
    const key = `${request.method} ${parsed.pathname.slice(BASE.length)}`;
    return all[key]?.(request, parsed.searchParams) ?? problemResponse(404, 'not_found', `No stub for ${key}`);
  });
}

async function mount(locale = 'en'): Promise<KbNetworkApi> {
  const el = await fixture<KbNetworkApi>(html`<kb-network-api api-base=${BASE} locale=${locale} connection-id="nc_1"
    connection-name="Leadbit main" .settingKeys=${['api_token', 'user_id']} .offerParameters=${['zcpa']}></kb-network-api>`);
  await waitFor(() => el.shadowRoot?.querySelector('[part~="api-form"]'), 2000, 'form');
  return el;
}
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const control = <E extends HTMLElement = HTMLInputElement>(el: Element, field: string) =>
  $in<E>(el, `[data-field="${field}"] :is(input, select, textarea)`);
const fieldError = (el: Element, field: string) =>
  text(el.shadowRoot!.querySelector(`[data-field="${field}"] [part~="field-error"]`));
async function set(el: KbNetworkApi, field: string, value: string): Promise<void> {
  typeInto(control(el, field), value);
  await el.updateComplete;
}
const activityOf = (el: Element) =>
  waitFor(() => el.shadowRoot?.querySelector<HTMLElement>('kb-network-api-activity'), 2000, 'activity');
const calls = (api: FetchStub, method: string, path: string) =>
  api.requests.filter((r) => r.method === method && new URL(r.url, location.href).pathname === `${BASE}${path}`);

describe('<kb-network-api>', () => {
  let api: FetchStub | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    document.body.style.padding = '';
    await setViewport({ width: 800, height: 600 });
  });

  it('loads a saved adapter into the form, with its sync state and the variables each part may use', async () => {
    api = backend({ [`GET ${API}`]: () => jsonResponse(view(ADAPTER, { running: true })) });
    const el = await mount();
    expect(control<HTMLSelectElement>(el, 'auth.style').value).to.equal('header');
    expect(text($in(el, '[data-field="auth.name"] label'))).to.equal('Header name');
    expect(control(el, 'auth.name').value).to.equal('X-Api-Key');
    expect(control(el, 'auth.value').value).to.equal('{{settings.api_token}}');
    expect(el.shadowRoot!.querySelector('[data-field="auth.token"]'), 'only the style’s fields').to.equal(null);
    expect(control(el, 'leadPush.enabled').checked).to.equal(true);
    expect(control(el, 'leadPush.body.fields').value).to.equal('name: {{lead.name}}\nsub1: {{visit_id}}');
    expect(control(el, 'leadPush.duplicate.statuses').value).to.equal('409, 422');
    expect(control(el, 'leadPush.duplicate.equals').value).to.equal('duplicate');
    expect(control(el, 'statusPoll.enabled').checked).to.equal(true);
    expect(control(el, 'statusPoll.headers').value).to.equal('Accept: application/json');
    expect(control<HTMLSelectElement>(el, 'statusPoll.paging.style').value).to.equal('offset');
    expect(control(el, 'statusPoll.paging.pageSize').value).to.equal('100');
    expect(el.shadowRoot!.querySelector('[data-field="statusPoll.paging.firstPage"]'), 'page style only').to.equal(
      null,
    );
    expect(el.shadowRoot!.querySelector('[data-field="statusPoll.body.fields"]'), 'no body').to.equal(null);
    expect(control(el, 'statusPoll.statusWords.sta').value).to.equal('confirmed');
    expect(control(el, 'statusPoll.commentPath').value).to.equal('');
    expect(control(el, 'statusPoll.overlapMinutes').value).to.equal('120');
    expect(control(el, 'syncEveryMinutes').value).to.equal('15');

    expect(text($in(el, '[part~="state-outcome"]'))).to.equal('Partial: stopped early, continues next time');
    expect(text($in(el, '[part~="state-error"]'))).to.equal('HTTP 429: waiting 60 s');
    expect($in(el, '[part~="state-until"] time').getAttribute('datetime')).to.equal('2026-11-24T09:00:00.000Z');
    expect(text($in(el, '[part~="running"]'))).to.equal('A sync is running now.');
    expect(text($in(el, '[part~="api-updated"]'))).to.match(/^Saved .*2026/);
    const variables = (section: string) =>
      [...el.shadowRoot!.querySelectorAll(`[part~="api-section-${section}"] [part~="variable"]`)].map(text);
    expect(variables('auth')).to.include.members(['settings.api_token', 'settings.user_id', 'nonce']);
    expect(variables('auth'), 'signing variables with HMAC only').not.to.include('path_and_query');
    expect(variables('leadPush')).to.include.members(['lead.phone', 'visit_id', 'offer.zcpa', 'settings.api_token']);
    expect(variables('statusPoll')).to.include.members(['from', 'to_date', 'page', 'cursor', 'settings.user_id']);
    expect(variables('statusPoll')).not.to.include('offer.zcpa');
    expect($in<HTMLButtonElement>(el, '[part~="test"]').disabled).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~="remove"]')).not.to.equal(null);

    await set(el, 'auth.style', 'hmac');
    expect(variables('auth')).to.include.members(['method', 'path_and_query', 'body']);
    expect(el.shadowRoot!.querySelector('[data-field="auth.canonical"] textarea')).not.to.equal(null);
  });

  it('a connection without an adapter (404) shows an empty form; Test and Sync wait for a save', async () => {
    api = backend({ [`GET ${API}`]: noAdapter });
    const el = await mount();
    expect(text($in(el, '[part~="empty"]'))).to.equal(
      'This connection has no API adapter yet: fill in the form and save it.',
    );
    expect(el.shadowRoot!.querySelector('[part~="error"]')?.textContent?.trim(), 'a 404 is no error').to.equal('');
    expect(control<HTMLSelectElement>(el, 'auth.style').value).to.equal('none');
    expect(el.shadowRoot!.querySelectorAll('[part~="api-section-auth"] [part~="api-field"]').length).to.equal(1);
    expect(control(el, 'leadPush.enabled').checked).to.equal(false);
    expect(control(el, 'statusPoll.enabled').checked).to.equal(false);
    expect(el.shadowRoot!.querySelector('[data-field="statusPoll.url"]'), 'fields hidden while off').to.equal(null);
    expect(control(el, 'syncEveryMinutes').value, 'the server’s defaults').to.equal('30');
    expect($in<HTMLButtonElement>(el, '[part~="test"]').disabled).to.equal(true);
    expect($in<HTMLButtonElement>(el, '[part~="sync"]').disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="remove"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="sync-state"]')).to.equal(null);
  });

  it('Save sends the JSON (bearer token, status poll paged by page numbers), empty text left out', async () => {
    const saved: ApiAdapter[] = [];
    api = backend({
      [`GET ${API}`]: noAdapter,
      [`PUT ${API}`]: (r) => {
        saved.push(r.body as ApiAdapter);
        return jsonResponse(view({ ...ADAPTER, ...(r.body as ApiAdapter) }, { lastSyncAt: null, lastOutcome: null }));
      },
    });
    const el = await mount();
    await set(el, 'auth.style', 'bearer');
    await set(el, 'auth.token', ' {{settings.api_token}} ');
    control(el, 'statusPoll.enabled').click();
    await el.updateComplete;
    await set(el, 'statusPoll.url', 'https://api.net.example/orders{?from,to}{&page}');
    await set(el, 'statusPoll.paging.style', 'page');
    expect(control(el, 'statusPoll.paging.firstPage').value).to.equal('1');
    await set(el, 'statusPoll.paging.pageSize', '50');
    await set(el, 'statusPoll.itemsPath', '$.data[*]');
    await set(el, 'statusPoll.orderIdPath', '$.id');
    await set(el, 'statusPoll.statusPath', '$.status');
    await set(el, 'statusPoll.statusWords.sta', 'confirmed');
    await set(el, 'syncEveryMinutes', '10');
    $in<HTMLButtonElement>(el, '[part~="save"]').click();
    await waitFor(() => text(el.shadowRoot!.querySelector('[part~="success"]')), 2000, 'saved');
    expect(saved).to.deep.equal([
      {
        auth: { style: 'bearer', token: '{{settings.api_token}}' },
        leadPush: null,
        statusPoll: {
          method: 'GET',
          url: 'https://api.net.example/orders{?from,to}{&page}',
          body: { format: 'none' },
          paging: { style: 'page', firstPage: 1, pageSize: 50 },
          itemsPath: '$.data[*]',
          orderIdPath: '$.id',
          statusPath: '$.status',
          statusWords: { sta: 'confirmed' },
          overlapMinutes: 60,
          firstLookbackDays: 7,
        },
        syncEveryMinutes: 10,
        requestsPerMinute: 60,
        timeoutSeconds: 20,
        leadContactRetentionDays: 90,
      },
    ]);
    expect(text($in(el, '[part~="success"]'))).to.equal('The API adapter is saved.');
    expect($in<HTMLButtonElement>(el, '[part~="test"]').disabled, 'saved: it can be tested').to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~="sync-state"]')).not.to.equal(null);
  });

  it('a refused save puts each problem under its field (aria-invalid), and unreadable lines are caught first', async () => {
    api = backend({
      [`GET ${API}`]: () => jsonResponse(view()),
      [`PUT ${API}`]: () =>
        problemResponse(422, 'validation_failed', 'Check the fields', [
          {
            path: 'body.auth.name',
            reason: 'invalid_format',
            params: { format: 'header_name' },
            message: 'an HTTP header name',
          },
          {
            path: 'body.statusPoll.url',
            reason: 'invalid_format',
            params: { format: 'api_template' },
            message: 'unknown variable {tomorrow}',
          },
          {
            path: 'body.statusPoll.headers.Accept',
            reason: 'invalid_format',
            params: { format: 'api_template' },
            message: 'unknown variable {{foo}}',
          },
          {
            path: 'body.statusPoll.itemsPath',
            reason: 'invalid_format',
            params: { format: 'json_path' },
            message: 'x',
          },
        ]),
    });
    const el = await mount();
    await set(el, 'statusPoll.headers', 'Accept application/json');
    $in<HTMLButtonElement>(el, '[part~="save"]').click();
    await el.updateComplete;
    expect(fieldError(el, 'statusPoll.headers')).to.equal('Write one per line as name: value.');
    expect(calls(api, 'PUT', API).length, 'nothing sent').to.equal(0);

    await set(el, 'statusPoll.headers', 'Accept: {{foo}}');
    $in<HTMLButtonElement>(el, '[part~="save"]').click();
    await waitFor(() => fieldError(el, 'auth.name'), 2000, 'problems placed');
    expect(fieldError(el, 'auth.name')).to.equal(
      'Enter an HTTP header name: Latin letters, digits and - only, like X-Api-Key.',
    );
    const name = control(el, 'auth.name');
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    const errorId = $in(el, '[data-field="auth.name"] [part~="field-error"]').id;
    expect(name.getAttribute('aria-describedby')?.split(' ')).to.include(errorId);
    expect(fieldError(el, 'statusPoll.url')).to.equal(
      'Fix the template: see the message for the variable or brace that is wrong. unknown variable {tomorrow}',
    );
    expect(fieldError(el, 'statusPoll.headers'), 'the line named').to.match(/^Accept: Fix the template.*\{\{foo\}\}$/);
    expect(fieldError(el, 'statusPoll.itemsPath')).to.include('JSONPath that starts with $');
    expect(control(el, 'statusPoll.statusPath').getAttribute('aria-invalid')).to.equal('false');
    expect(text($in(el, '[part~="error"]'))).to.equal('Check the highlighted fields.');
    expect(calls(api, 'PUT', API)[0]!.body).to.nested.include({ 'statusPoll.headers.Accept': '{{foo}}' });
  });

  it('Test connection shows the request as sent, the status, the answer and the items read', async () => {
    const answer = '{"data":[{"id":"A-1","status":"confirmed","payout":"12.5"},{"id":"A-2","status":"weird"}]}';
    const results: ApiTestResult[] = [
      {
        request: {
          method: 'GET',
          url: 'https://api.net.example/orders?from=2026-11-23&api_key=••••',
          headers: { 'X-Api-Key': '••••', 'Accept': 'application/json' },
          body: null,
        },
        status: 200,
        durationMs: 1234,
        answer,
        itemCount: 7,
        items: [
          {
            orderId: 'A-1',
            subId: 'kbv_1',
            rawStatus: 'confirmed',
            status: 'approve',
            payout: '12.5',
            currency: 'EUR',
            comment: null,
            reason: null,
          },
          {
            orderId: 'A-2',
            subId: null,
            rawStatus: 'weird',
            status: null,
            payout: null,
            currency: null,
            comment: null,
            reason: null,
          },
        ],
        problem: null,
      },
      {
        request: { method: 'POST', url: 'https://api.net.example/orders', headers: {}, body: 'from=2026-11-23' },
        status: null,
        durationMs: 20000,
        answer: null,
        itemCount: 0,
        items: [],
        problem: 'no answer within 20 s',
      },
    ];
    api = backend({
      [`GET ${API}`]: () => jsonResponse(view()),
      [`POST ${API}/test`]: (_r) => jsonResponse(results.shift()),
    });
    const el = await mount();
    await waitFor(() => calls(api!, 'GET', `${API}/log`).length === 1, 2000, 'log read');
    $in<HTMLButtonElement>(el, '[part~="test"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('[part~="test-result"]'), 2000, 'test result');
    expect(text($in(el, '[part~="request-line"]'))).to.equal(
      'GET https://api.net.example/orders?from=2026-11-23&api_key=••••',
    );
    expect([...el.shadowRoot!.querySelectorAll('[part~="request-headers"] li')].map(text)).to.deep.equal([
      'X-Api-Key: ••••',
      'Accept: application/json',
    ]);
    expect(text($in(el, '[part~="test-status"]'))).to.equal('200');
    expect(text($in(el, '[part~="test-duration"]'))).to.equal('1,234 ms');
    // A JSON answer is shown indented for reading.
    expect($in(el, '[part~="test-result"] pre[part~="answer"]').textContent).to.equal(
      JSON.stringify(JSON.parse(answer), null, 2),
    );
    expect(text($in(el, '[part~="item-count"]'))).to.equal('7 items read.');
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="item-row"]')].map((r) =>
      [...r.querySelectorAll('th, td')].map(text),
    );
    expect(rows).to.deep.equal([
      ['A-1', 'kbv_1', 'confirmed', 'Approved', '12.5', 'EUR'],
      ['A-2', '—', 'weird', 'Not recognised', '—', '—'],
    ]);
    await waitFor(() => calls(api!, 'GET', `${API}/log`).length === 2, 2000, 'the log read again');

    $in<HTMLButtonElement>(el, '[part~="test"]').click();
    await waitFor(() => text(el.shadowRoot!.querySelector('[part~="test-status"]')) === 'No answer', 2000, 'no answer');
    expect(text($in(el, '[part~="test-problem"]'))).to.equal('Problem: no answer within 20 s');
    expect($in(el, '[part~="request-body"]').textContent).to.equal('from=2026-11-23');
    expect(el.shadowRoot!.querySelector('[part~="item-row"]')).to.equal(null);
  });

  it('Sync now shows what the sync did, and a sync already running (409) says so', async () => {
    let syncs = 0;
    api = backend({
      [`GET ${API}`]: () => jsonResponse(view()),
      [`POST ${API}/sync`]: () =>
        syncs++ === 0
          ? jsonResponse({
              runId: 'nsr_2',
              outcome: 'ok',
              requests: 3,
              itemsSeen: 1200,
              itemsChanged: 4,
              itemsSkipped: 1,
              error: null,
              retryAt: null,
              completeUntil: '2026-11-24T10:00:00.000Z',
            })
          : problemResponse(409, 'conflict', 'A sync of this connection is running now', undefined, {
              resource: 'network_adapter',
              state: 'running',
            }),
    });
    const el = await mount();
    $in<HTMLButtonElement>(el, '[part~="sync"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('[part~="sync-result"]'), 2000, 'sync result');
    const fact = (part: string) => text($in(el, `[part~="${part}"]`));
    expect(fact('sync-outcome')).to.equal('OK');
    expect(fact('sync-requests')).to.equal('3');
    expect(fact('sync-seen')).to.equal('1,200');
    expect(fact('sync-changed')).to.equal('4');
    expect(fact('sync-skipped')).to.equal('1');
    expect(el.shadowRoot!.querySelector('[part~="sync-error"]')).to.equal(null);
    expect(text($in(el, '[part~="success"]'))).to.equal(
      'Sync finished: 3 requests; items: 1,200 seen, 4 changed, 1 skipped.',
    );
    await waitFor(() => calls(api!, 'GET', API).length === 2, 2000, 'the sync state read again');

    $in<HTMLButtonElement>(el, '[part~="sync"]').click();
    await waitFor(() => text(el.shadowRoot!.querySelector('[part~="error"]')), 2000, '409 shown');
    expect(text($in(el, '[part~="error"]'))).to.equal(
      'A sync of this connection is running now: wait for it to finish.',
    );
  });

  it('Remove adapter asks first, then deletes and leaves an empty form', async () => {
    api = backend({
      [`GET ${API}`]: () => jsonResponse(view()),
      [`DELETE ${API}`]: () => jsonResponse({ deleted: 1 }),
    });
    const el = await mount();
    await set(el, 'auth.style', 'bearer');
    $in<HTMLButtonElement>(el, '[part~="remove"]').click();
    await waitFor(() => el.shadowRoot!.querySelector('[part~="remove-confirm"]'), 2000, 'confirm');
    expect(calls(api, 'DELETE', API).length, 'not yet').to.equal(0);
    $in<HTMLButtonElement>(el, '[part~="remove-confirm"]').click();
    await waitFor(() => text(el.shadowRoot!.querySelector('[part~="success"]')), 2000, 'removed');
    expect(text($in(el, '[part~="success"]'))).to.equal('The API adapter is removed.');
    expect(calls(api, 'DELETE', API).length).to.equal(1);
    expect(control<HTMLSelectElement>(el, 'auth.style').value).to.equal('none');
    expect($in<HTMLButtonElement>(el, '[part~="sync"]').disabled).to.equal(true);
  });

  it('the request log and the leads: rows, the answer to expand, Load more with before=, Refresh', async () => {
    api = backend({
      [`GET ${API}`]: () => jsonResponse(view()),
      [`GET ${API}/log`]: (_r, q) =>
        q.get('before') === 'nal_2'
          ? jsonResponse({ data: [logEntry('nal_3', { purpose: 'test' })], nextBefore: null })
          : jsonResponse({
              data: [
                logEntry('nal_1'),
                logEntry('nal_2', {
                  purpose: 'push',
                  method: 'POST',
                  url: 'https://api.net.example/leads',
                  requestBody: '{"name":"J••• D••"}',
                  status: null,
                  answer: null,
                  itemsSeen: 0,
                  itemsChanged: 0,
                  error: 'connection refused',
                }),
              ],
              nextBefore: 'nal_2',
            }),
      'GET /v1/network_connections/nc_1/leads': (_r, q) =>
        q.get('before') === 'nl_1'
          ? jsonResponse({
              data: [lead('nl_2', { contact: null, state: 'rejected', networkOrderId: null })],
              nextBefore: null,
            })
          : jsonResponse({ data: [lead('nl_1')], nextBefore: 'nl_1' }),
    });
    const el = await mount();
    const activity = await activityOf(el);
    await waitFor(() => activity.shadowRoot?.querySelector('[data-log-id="nal_2"]'), 2000, 'log rows');
    const cellOf = (id: string, part: string) => text($in(activity, `[data-log-id="${id}"] [part~="${part}"]`));
    expect(cellOf('nal_1', 'log-purpose')).to.equal('Sync');
    expect(cellOf('nal_1', 'log-status')).to.equal('200');
    expect(cellOf('nal_1', 'log-items')).to.equal('1 / 1');
    expect(cellOf('nal_1', 'log-duration')).to.equal('240 ms');
    expect($in(activity, '[data-log-id="nal_1"] details pre').textContent).to.equal(
      JSON.stringify({ data: [{ id: 'A-1', status: 'confirmed' }] }, null, 2),
    );
    expect(cellOf('nal_2', 'log-purpose')).to.equal('Lead push');
    expect(cellOf('nal_2', 'log-status')).to.equal('No answer');
    expect(cellOf('nal_2', 'log-error')).to.equal('connection refused');
    expect(cellOf('nal_2', 'log-request')).to.equal('POST https://api.net.example/leads');
    expect($in(activity, '[data-log-id="nal_2"] details pre').textContent).to.equal(
      JSON.stringify({ name: 'J••• D••' }, null, 2),
    );

    $in<HTMLButtonElement>(activity, '[part~="log-results"] [part~="load-more"]').click();
    await waitFor(() => activity.shadowRoot?.querySelector('[data-log-id="nal_3"]'), 2000, 'next page');
    const more = new URL(calls(api, 'GET', `${API}/log`).at(-1)!.url, location.href).searchParams;
    expect([more.get('before'), more.get('limit')]).to.deep.equal(['nal_2', '20']);
    expect(activity.shadowRoot!.querySelector('[part~="log-results"] [part~="load-more"]'), 'last page').to.equal(null);
    expect(text($in(activity, '[part~="log-results"] [part~="count"]'))).to.equal('3 requests');

    const leadCell = (id: string, part: string) => text($in(activity, `[data-lead-id="${id}"] [part~="${part}"]`));
    expect(leadCell('nl_1', 'lead-id')).to.equal('crm-nl_1');
    expect(leadCell('nl_1', 'lead-contact')).to.equal('J••• D••, ••••67');
    expect(leadCell('nl_1', 'lead-state')).to.equal('Sent pushed');
    expect(leadCell('nl_1', 'lead-order')).to.equal('ORD-77');
    $in<HTMLButtonElement>(activity, '[part~="leads-results"] [part~="load-more"]').click();
    await waitFor(() => activity.shadowRoot?.querySelector('[data-lead-id="nl_2"]'), 2000, 'more leads');
    const leadsMore = calls(api, 'GET', '/v1/network_connections/nc_1/leads').at(-1)!;
    expect(new URL(leadsMore.url, location.href).searchParams.get('before')).to.equal('nl_1');
    expect(leadCell('nl_2', 'lead-contact')).to.equal('Erased');
    expect(leadCell('nl_2', 'lead-state')).to.equal('Rejected rejected');

    const before = api.requests.length;
    $in<HTMLButtonElement>(activity, '[part~="refresh"]').click();
    await waitFor(() => api!.requests.length === before + 2, 2000, 'both read again');
    expect(
      api.requests.slice(before).map((r) => new URL(r.url, location.href).searchParams.get('before')),
    ).to.deep.equal([null, null]);
  });

  it('speaks Russian', async () => {
    api = backend({
      [`GET ${API}`]: () => jsonResponse(view()),
      [`POST ${API}/sync`]: () =>
        problemResponse(409, 'conflict', 'A sync of this connection is running now', undefined, {
          resource: 'network_adapter',
          state: 'running',
        }),
      [`GET ${API}/log`]: () => jsonResponse({ data: [logEntry('nal_1', { status: null })], nextBefore: null }),
    });
    const el = await mount('ru');
    expect(text($in(el, '[part~="subheading"]'))).to.equal('API-адаптер: Leadbit main');
    expect([...el.shadowRoot!.querySelectorAll('legend')].map(text)).to.deep.equal([
      'Авторизация',
      'Отправка лидов',
      'Запрос статусов',
      'Расписание и ограничения',
    ]);
    expect(text($in(el, '[data-field="auth.style"] option:checked'))).to.equal('Токен в заголовке');
    expect(text($in(el, '[part~="save"]'))).to.equal('Сохранить');
    expect(text($in(el, '[part~="test"]'))).to.equal('Проверить подключение');
    expect(text($in(el, '[part~="state-outcome"]'))).to.equal(
      'Частично: остановилась раньше, продолжит в следующий раз',
    );
    $in<HTMLButtonElement>(el, '[part~="sync"]').click();
    await waitFor(() => text(el.shadowRoot!.querySelector('[part~="error"]')), 2000, '409 shown');
    expect(text($in(el, '[part~="error"]'))).to.equal(
      'Синхронизация этого подключения уже идёт: дождитесь её окончания.',
    );
    const activity = await activityOf(el);
    await waitFor(() => activity.shadowRoot?.querySelector('[data-log-id="nal_1"]'), 2000, 'log');
    expect(text($in(activity, '[data-log-id="nal_1"] [part~="log-status"]'))).to.equal('Нет ответа');
    expect(text($in(activity, '[data-log-id="nal_1"] [part~="log-purpose"]'))).to.equal('Синхронизация');
    expect(text($in(activity, '[part~="log-results"] [part~="count"]'))).to.equal('1 запрос');
  });
});

const LONG_URL = `https://api.very-long-affiliate-network-domain.example/v2/orders?${'token=••••&'.repeat(30)}page=1`;
const LONG_ANSWER = JSON.stringify({ data: Array.from({ length: 40 }, (_, i) => ({ id: `ORDER-${i}`.repeat(6) })) });
const CATALOG: NetworkEntry[] = [
  {
    key: 'apileads',
    name: 'ApiLeads',
    streamsRequired: false,
    notes: null,
    settings: [{ key: 'api_token', label: 'API token', labelRu: 'API: токен', secret: true }],
    offerParameters: [{ name: 'apl', meaning: 'offer ID', meaningRu: 'идентификатор оффера' }],
    postbacks: { mode: 'api', tails: [], fields: null },
  },
];
const connection = (id: string, over: Partial<Connection> = {}): Connection => ({
  id,
  kind: 'network',
  networkKey: 'apileads',
  networkName: 'ApiLeads',
  name: `ApiLeads ${id}`,
  settings: { api_token: '••••1234' },
  defaultCurrency: 'EUR',
  enabled: true,
  postbackMode: 'api',
  postbackUrls: [],
  createdAt: '2026-11-24T10:00:00.000Z',
  ...over,
});

describe('<kb-network-connections>: the API button', () => {
  let api: FetchStub | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    document.body.style.padding = '';
    document.body.style.margin = '';
    await setViewport({ width: 800, height: 600 });
  });
  const tracker = connection('nc_t', { kind: 'tracker', networkKey: null, networkName: null, postbackMode: 'tracker' });
  const consoleBackend = () =>
    backend({
      'GET /v1/networks': () => jsonResponse({ data: CATALOG }),
      'GET /v1/network_connections': () =>
        jsonResponse({ data: [connection('nc_1'), connection('nc_2'), { ...tracker, postbackUrls: [] }] }),
      'GET /v1/network_connections/nc_1/offers': () => jsonResponse({ data: [] }),
      'GET /v1/network_connections/nc_2/offers': () => jsonResponse({ data: [] }),
      [`GET ${API}`]: () => jsonResponse(view()),
      'GET /v1/network_connections/nc_2/api': noAdapter,
      [`GET ${API}/log`]: () =>
        jsonResponse({
          data: [
            logEntry('nal_1', {
              url: LONG_URL,
              answer: LONG_ANSWER,
              error: `HTTP 500: ${'upstream-failure'.repeat(8)}`,
            }),
          ],
          nextBefore: 'nal_1',
        }),
      'GET /v1/network_connections/nc_1/leads': () =>
        jsonResponse({
          data: [lead('nl_1', { lastError: LONG_URL, networkOrderId: 'ORDER'.repeat(12) })],
          nextBefore: null,
        }),
      [`POST ${API}/test`]: () =>
        jsonResponse({
          request: { method: 'GET', url: LONG_URL, headers: { 'X-Signature': 'f'.repeat(128) }, body: null },
          status: 200,
          durationMs: 80,
          answer: LONG_ANSWER,
          itemCount: 40,
          items: [
            {
              orderId: 'ORDER'.repeat(12),
              subId: 'kbv_01JB3Z8Q4W2M9X7T5R6Y',
              rawStatus: 'confirmed-by-advertiser-after-call',
              status: 'approve',
              payout: '1250.10',
              currency: 'USDT',
              comment: null,
              reason: null,
            },
          ],
          problem: null,
        }),
    });
  const mountConsole = async (locale = 'en') => {
    const el = await fixture<HTMLElement>(
      html`<kb-network-connections api-base=${BASE} locale=${locale}></kb-network-connections>`,
    );
    await waitFor(() => el.shadowRoot?.querySelector('[data-connection-id="nc_2"]'), 2000, 'connections');
    return el;
  };

  it('opens one connection’s adapter at a time (aria-pressed); a tracker has none; the API wording is true', async () => {
    api = consoleBackend();
    const el = await mountConsole();
    const button = (id: string) =>
      el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-connection-id="${id}"] [part~="show-api"]`);
    expect(button('nc_t'), 'trackers have no adapter').to.equal(null);
    expect(button('nc_1')!.getAttribute('aria-label')).to.equal('API adapter: ApiLeads nc_1');
    expect(text($in(el, '[data-connection-id="nc_1"] [part~="hint"]'))).to.equal(
      'Statuses come through the network’s API once its API adapter is set up (button “API” below): no postback to add.',
    );
    button('nc_1')!.click();
    const panel = await waitFor(() => el.shadowRoot!.querySelector<KbNetworkApi>('kb-network-api'));
    expect(panel.connectionId).to.equal('nc_1');
    expect(button('nc_1')!.getAttribute('aria-pressed')).to.equal('true');
    await waitFor(() => panel.shadowRoot?.activeElement?.id === 'api-heading', 2000, 'focus on the panel’s heading');
    await waitFor(() => panel.shadowRoot?.querySelector('[part~="variable"]'), 2000, 'panel loaded');
    expect(
      [...panel.shadowRoot!.querySelectorAll('[part~="api-section-leadPush"] [part~="variable"]')].map(text),
    ).to.include.members(['settings.api_token', 'offer.apl']);
    button('nc_2')!.click();
    await waitFor(() => el.shadowRoot!.querySelector<KbNetworkApi>('kb-network-api')?.connectionId === 'nc_2');
    expect(el.shadowRoot!.querySelectorAll('kb-network-api').length, 'one at a time').to.equal(1);
    expect(button('nc_1')!.getAttribute('aria-pressed')).to.equal('false');
    expect(button('nc_2')!.getAttribute('aria-pressed')).to.equal('true');
    button('nc_2')!.click();
    await waitFor(() => !el.shadowRoot!.querySelector('kb-network-api'), 2000, 'closed');
    expect(button('nc_2')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('fits a 390 px phone: long URLs and answers wrap or scroll inside their own box', async () => {
    await setViewport({ width: 390, height: 900 });
    document.body.style.margin = '0';
    document.body.style.padding = '0 41px';
    api = consoleBackend();
    const el = await mountConsole('ru');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-connection-id="nc_1"] [part~="show-api"]')!.click();
    const panel = await waitFor(() => el.shadowRoot!.querySelector<KbNetworkApi>('kb-network-api'));
    await waitFor(() => panel.shadowRoot?.querySelector('[part~="test"]:not([disabled])'), 2000, 'loaded');
    panel.shadowRoot!.querySelector<HTMLButtonElement>('[part~="test"]')!.click();
    await waitFor(() => panel.shadowRoot!.querySelector('[part~="test-result"] [part~="answer"]'), 2000, 'answer');
    await set(panel, 'auth.style', 'hmac');
    const activity = await activityOf(panel);
    await waitFor(() => activity.shadowRoot?.querySelector('[data-lead-id="nl_1"]'), 2000, 'leads');
    activity.shadowRoot!.querySelector<HTMLDetailsElement>('[data-log-id="nal_1"] details')!.open = true;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const page = document.documentElement;
    expect(page.scrollWidth, 'the page does not scroll sideways').to.be.at.most(page.clientWidth);
    expect(el.scrollWidth, 'the console fits its box').to.be.at.most(el.clientWidth + 1);
    const box = el.getBoundingClientRect();
    const deep = (root: ParentNode): Element[] =>
      [...root.querySelectorAll('*')].flatMap((e) => [e, ...(e.shadowRoot ? deep(e.shadowRoot) : [])]);
    for (const node of deep(panel.shadowRoot!).filter((e) =>
      e.matches('button, pre, input, select, textarea, td, th'),
    )) {
      const r = node.getBoundingClientRect();
      expect(r.right, `<${node.localName} part="${node.getAttribute('part')}"> in view`).to.be.at.most(box.right + 1);
    }
    const wraps = deep(panel.shadowRoot!).filter((e) => e.matches('[part~="table-wrap"]'));
    expect(wraps.length, 'items, log and leads').to.equal(3);
    for (const wrap of wraps) expect(wrap.scrollWidth, 'cards fit').to.be.at.most(wrap.clientWidth + 1);
    const answer = panel.shadowRoot!.querySelector<HTMLElement>('[part~="test-result"] [part~="answer"]')!;
    expect(answer.scrollWidth, 'the answer wraps').to.be.at.most(answer.clientWidth + 1);
    expect(answer.scrollHeight, 'and scrolls in its own box').to.be.greaterThan(answer.clientHeight);
  });
});
