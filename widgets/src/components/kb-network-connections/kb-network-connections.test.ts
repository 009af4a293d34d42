import { html } from 'lit';
import { define } from '../../internal/base-element.ts';
import { KbNetworkConnections } from './kb-network-connections.ts';
import { expect } from '@open-wc/testing';
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
import { stubClipboard } from '../../internal/account/account-test-kit.ts';
import type { Connection, NetworkEntry, NetworkOffer, OperatorConversion } from './network-types.ts';

define('kb-network-connections', KbNetworkConnections);

const BASE = '/demo/operator-backend/op_demo_luckyspin/kabinet';
const CATALOG: NetworkEntry[] = [
  {
    key: 'leadbit',
    name: 'Leadbit',
    streamsRequired: true,
    notes: null,
    settings: [
      { key: 'api_token', label: 'API token', labelRu: 'API: токен из личного кабинета', secret: true },
      { key: 'user_id', label: 'User ID', labelRu: 'Идентификатор пользователя', secret: false },
    ],
    offerParameters: [
      { name: 'zcpa', meaning: 'stream hash', meaningRu: 'хэш потока' },
      { name: 'sub', meaning: 'sub id', meaningRu: 'саб-айди' },
    ],
    postbacks: {
      mode: 'tails',
      tails: [
        { status: 'approve', tail: '&oid={order_id}&status=approve&pay={payout}', label: 'Одобрение' },
        { status: 'cancel', tail: '&oid={order_id}&status=cancel', label: 'Отмена' },
      ],
      fields: null,
    },
  },
  {
    key: 'apileads',
    name: 'ApiLeads',
    streamsRequired: false,
    notes: null,
    settings: [{ key: 'api_token', label: 'API token', labelRu: 'API: токен', secret: true }],
    offerParameters: [{ name: 'apl', meaning: 'offer ID', meaningRu: 'идентификатор оффера' }],
    postbacks: { mode: 'api', tails: [], fields: null },
  },
  {
    key: 'affbayasia',
    name: 'AffbayAsia',
    streamsRequired: false,
    notes: 'Enter the fields one by one.',
    settings: [],
    offerParameters: [],
    postbacks: {
      mode: 'fields',
      tails: [],
      fields: {
        protocol: 'HTTPS',
        parameters: [
          {
            name: 'oid',
            source: 'list',
            value: 'Click ID',
            valuesByStatus: {},
            meaning: 'parameter from the list: Click ID',
            meaningRu: 'параметр из списка: Click ID',
          },
        ],
      },
    },
  },
];
const APPROVE_URL = 'http://kabinet.test/pb/network/nc_1?t=tok123&oid={order_id}&status=approve&pay={payout}';
const connection = (over: Partial<Connection> = {}): Connection => ({
  id: 'nc_1',
  kind: 'network',
  networkKey: 'leadbit',
  networkName: 'Leadbit',
  name: 'Leadbit main',
  settings: { api_token: '••••1234', user_id: '77' },
  defaultCurrency: 'EUR',
  enabled: true,
  postbackMode: 'tails',
  postbackUrls: [
    { status: 'approve', url: APPROVE_URL },
    { status: 'cancel', url: 'http://kabinet.test/pb/network/nc_1?t=tok123&oid={order_id}&status=cancel' },
  ],
  createdAt: '2026-11-24T10:00:00.000Z',
  ...over,
});
const conversion = (id: string, status: OperatorConversion['status']): OperatorConversion => ({
  id,
  source: 'network',
  connectionId: 'nc_1',
  externalId: `o-${id}`,
  clickId: `clk_${id}`,
  partnerId: 'prt_1',
  campaignId: null,
  promoId: null,
  status,
  rawStatus: status === 'hold' ? 'wait' : status,
  payout: '12.50',
  currency: 'EUR',
  comment: null,
  reason: null,
  createdAt: '2026-11-24T10:00:00.000Z',
  updatedAt: '2026-11-24T11:00:00.000Z',
});

type Route = (request: StubbedRequest, query: URLSearchParams) => Response | Promise<Response>;
/** Stubs the operator backend by `METHOD /v1/path` (after the api-base prefix); unknown routes answer 404. */
function backend(routes: Record<string, Route>): FetchStub {
  return stubFetch(`${BASE}/v1/`, (url, _i, request) => {
    const parsed = new URL(url, location.href);
    const key = `${request.method} ${parsed.pathname.slice(BASE.length)}`;
    return routes[key]?.(request, parsed.searchParams) ?? problemResponse(404, 'not_found', `No stub for ${key}`);
  });
}
const base = (connections: Connection[] = [connection()], extra: Record<string, Route> = {}) =>
  backend({
    'GET /v1/networks': () => jsonResponse({ data: CATALOG }),
    'GET /v1/network_connections': () => jsonResponse({ data: connections }),
    'GET /v1/network_connections/nc_1/offers': () => jsonResponse({ data: [] }),
    ...extra,
  });

async function mount(locale = 'en'): Promise<KbNetworkConnections> {
  const el = await fixture<KbNetworkConnections>(
    html`<kb-network-connections api-base=${BASE} locale=${locale}></kb-network-connections>`,
  );
  await waitFor(() => el.shadowRoot?.querySelector('[part~="network-list"]'), 2000, 'catalog');
  return el;
}
const inner = (el: Element, selector: string) =>
  waitFor(() => el.shadowRoot?.querySelector<HTMLElement>(selector), 2000, selector);
const names = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="network"]')].map((n) => n.dataset.network);
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** A definition list as "term meaning term meaning". */
const pairs = (dl: Element | null) => [...(dl?.children ?? [])].map((c) => text(c)).join(' ');

describe('<kb-network-connections>', () => {
  let api: FetchStub | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('loads through the operator backend (same-origin, no token) and filters the catalog by name', async () => {
    api = base();
    const el = await mount();
    expect(api.requests[0]!.url).to.equal(`${BASE}/v1/networks`);
    expect(api.requests[0]!.credentials).to.equal('same-origin');
    expect(api.requests[0]!.headers.get('authorization'), 'no key in the browser').to.equal(null);
    expect(names(el)).to.deep.equal(['leadbit', 'apileads', 'affbayasia']);
    const leadbit = $in(el, '[data-network="leadbit"]');
    expect(text(leadbit.querySelector('[part~="badge-streams"]'))).to.equal('Streams must be created per offer');
    expect(pairs(leadbit.querySelector('[part~="postback-tails"]')), "tails verbatim, with the guide's label").to.equal(
      'Одобрение (approve) &oid={order_id}&status=approve&pay={payout} Отмена (cancel) &oid={order_id}&status=cancel',
    );
    expect(pairs(leadbit.querySelector('[part~="offer-parameters"]'))).to.equal('zcpa stream hash sub sub id');
    expect(text(leadbit.querySelector('[part~="settings"]'))).to.include('API token api_token secret');
    expect(text($in(el, '[data-network="apileads"] [part~="postback-mode"]'))).to.equal(
      'Statuses come through the network’s API: after connecting, set up its API adapter (button “API” on the connection). No postback to add.',
    );
    expect($in(el, '[data-network="affbayasia"] [part~="postback-mode"]').dataset.mode).to.equal('fields');
    expect(
      pairs(el.shadowRoot!.querySelector('[data-network="affbayasia"] [part~="postback-field-list"]')),
      'each field to type in',
    ).to.equal('protocol HTTPS oid parameter from the list: Click ID');
    expect(
      el.shadowRoot!.querySelector('[data-network="apileads"] [part~="badge-streams"]'),
      'only where required',
    ).to.equal(null);

    const search = $in<HTMLInputElement>(el, '[part~="search-input"]');
    typeInto(search, 'LEAD');
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['leadbit', 'apileads']);
    expect(text($in(el, '[part~="count"]'))).to.equal('2 networks');
    typeInto(search, 'bay');
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['affbayasia']);
    typeInto(search, 'nothing-like-it');
    await el.updateComplete;
    expect(names(el)).to.deep.equal([]);
    expect(text($in(el, '[part~="count"]'))).to.equal('No network matches “nothing-like-it”.');
  });

  it('connect form: required check, server 422 next to the named setting, then connects and announces it', async () => {
    let posts = 0;
    api = base([], {
      'POST /v1/network_connections': (request) =>
        posts++ === 0
          ? problemResponse(
              422,
              'validation_failed',
              'body.settings.api_token: API token: must be at most 500 characters',
              [{ path: 'body.settings.api_token', message: 'API token: must be at most 500 characters' }],
            )
          : jsonResponse(connection({ name: (request.body as { name: string }).name }), 201),
    });
    const el = await mount();
    $in<HTMLButtonElement>(el, '[data-network="leadbit"] [part~="connect"]').click();
    const form = await inner(el, 'kb-network-connect-form');
    await waitFor(() => form.shadowRoot?.querySelector('form'));
    const token = $in<HTMLInputElement>(form, '[data-field="settings.api_token"] input');
    const user = $in<HTMLInputElement>(form, '[data-field="settings.user_id"] input');
    expect(token.type, 'secret setting').to.equal('password');
    expect(user.type).to.equal('text');
    expect($in<HTMLInputElement>(form, '[data-field="name"] input').value).to.equal('Leadbit');

    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => form.shadowRoot?.querySelector('[data-field="settings.api_token"] [part~="field-error"]'));
    expect(text($in(form, '[data-field="settings.user_id"] [part~="field-error"]'))).to.equal('Fill in this field.');
    expect(api.requests.filter((r) => r.method === 'POST').length, 'nothing sent').to.equal(0);

    typeInto(token, 'x'.repeat(20));
    typeInto(user, ' 77 ');
    typeInto($in<HTMLInputElement>(form, '[data-field="name"] input'), 'Leadbit main');
    typeInto($in<HTMLInputElement>(form, '[data-field="defaultCurrency"] input'), 'eur');
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    const tokenError = () =>
      text(form.shadowRoot!.querySelector('[data-field="settings.api_token"] [part~="field-error"]'));
    await waitFor(() => tokenError().includes('500'), 2000, 'server error beside the field');
    expect(tokenError()).to.equal('API token: must be at most 500 characters');
    expect(token.getAttribute('aria-invalid')).to.equal('true');
    expect(
      form.shadowRoot!.querySelector('[data-field="settings.user_id"] [part~="field-error"]'),
      'only the named field',
    ).to.equal(null);
    expect(api.requests.find((r) => r.method === 'POST')!.body).to.deep.equal({
      kind: 'network',
      networkKey: 'leadbit',
      name: 'Leadbit main',
      defaultCurrency: 'EUR',
      settings: { api_token: 'x'.repeat(20), user_id: '77' },
    });

    const announced: Connection[] = [];
    el.addEventListener('kb-network-connected', (e) => announced.push((e as CustomEvent<Connection>).detail));
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await waitFor(() => announced.length === 1, 2000, 'kb-network-connected');
    expect(announced[0]!.name).to.equal('Leadbit main');
    await inner(el, '[data-connection-id="nc_1"]');
    expect(el.shadowRoot!.querySelector('kb-network-connect-form'), 'form closed').to.equal(null);
    expect(text($in(el, '[part~="success"]'))).to.include('Leadbit main');
  });

  it('connects a tracker (kind tracker, no settings)', async () => {
    api = base([], {
      'POST /v1/network_connections': () =>
        jsonResponse(
          connection({
            id: 'nc_t',
            kind: 'tracker',
            networkKey: null,
            networkName: null,
            name: 'Keitaro',
            settings: {},
            postbackMode: 'tracker',
            postbackUrls: [{ status: 'global', url: 'http://kabinet.test/pb/tracker/nc_t?t=x&click_id={click_id}' }],
          }),
          201,
        ),
    });
    const el = await mount();
    $in<HTMLButtonElement>(el, '[part~="connect-tracker"]').click();
    const form = await inner(el, 'kb-network-connect-form');
    await waitFor(() => form.shadowRoot?.querySelector('form'));
    expect(form.shadowRoot!.querySelectorAll('input').length, 'name and currency only').to.equal(2);
    typeInto($in<HTMLInputElement>(form, '[data-field="name"] input'), 'Keitaro');
    $in<HTMLButtonElement>(form, '[part~="submit"]').click();
    await inner(el, '[data-connection-id="nc_t"]');
    expect(api.requests.find((r) => r.method === 'POST')!.body).to.deep.equal({
      kind: 'tracker',
      name: 'Keitaro',
      defaultCurrency: 'USD',
    });
    expect(text($in(el, '[data-connection-id="nc_t"] [part~="postback"] label'))).to.equal(
      'Postback URL: All statuses',
    );
  });

  it('copies the exact postback URL and toggles the connection', async () => {
    const clipboard = stubClipboard();
    try {
      api = base([connection()], {
        'PATCH /v1/network_connections/nc_1': (r) =>
          jsonResponse(connection({ enabled: (r.body as { enabled: boolean }).enabled })),
      });
      const el = await mount();
      const row = $in(el, '[data-connection-id="nc_1"] [data-status="approve"]');
      expect(row.querySelector('input')!.readOnly).to.equal(true);
      expect(row.querySelector('input')!.value).to.equal(APPROVE_URL);
      row.querySelector<HTMLButtonElement>('[part~="copy"]')!.click();
      await waitFor(() => row.querySelector('[part~="copy-status"]')?.textContent?.includes('Copied'), 1000, 'Copied');
      expect(clipboard.written).to.deep.equal([APPROVE_URL]);
      expect(text($in(el, '[data-status="cancel"] [part~="copy-status"]')), 'only that row').to.equal('');

      const toggle = $in<HTMLInputElement>(el, '[data-connection-id="nc_1"] [part~="toggle"] input');
      toggle.click();
      await waitFor(
        () => el.shadowRoot!.querySelector('[data-connection-id="nc_1"] [part~="badge-disabled"]'),
        1000,
        'disabled badge',
      );
      expect(api.requests.find((r) => r.method === 'PATCH')!.body).to.deep.equal({ enabled: false });
    } finally {
      clipboard.restore();
    }
  });

  it('adds an offer with the network’s parameters and deletes it', async () => {
    const offer: NetworkOffer = {
      id: 'noff_1',
      connectionId: 'nc_1',
      label: 'Casino DE',
      brandId: null,
      landingId: null,
      parameters: { zcpa: 'hash-1' },
      createdAt: '2026-11-24T10:00:00.000Z',
    };
    api = base([connection()], {
      'POST /v1/network_connections/nc_1/offers': () => jsonResponse(offer, 201),
      'DELETE /v1/network_connections/nc_1/offers/noff_1': () => jsonResponse({ deleted: 1 }),
    });
    const el = await mount();
    const offers = await inner(el, 'kb-network-offers');
    await waitFor(() => offers.shadowRoot?.querySelector('[part~="empty"]'), 2000, 'offers loaded');
    const labels = [...offers.shadowRoot!.querySelectorAll('[part~="offer-form"] label')].map((l) => l.textContent);
    expect(labels).to.deep.equal(['Offer label', 'zcpa', 'sub']);
    expect(text($in(offers, '[data-field="parameters.zcpa"] [part~="hint"]'))).to.equal('stream hash');
    typeInto($in<HTMLInputElement>(offers, '[data-field="label"] input'), 'Casino DE');
    typeInto($in<HTMLInputElement>(offers, '[data-field="parameters.zcpa"] input'), ' hash-1 ');
    $in<HTMLButtonElement>(offers, '[part~="add"]').click();
    await waitFor(() => offers.shadowRoot?.querySelector('[data-offer-id="noff_1"]'), 2000, 'offer row');
    expect(api.requests.find((r) => r.method === 'POST')!.body).to.deep.equal({
      label: 'Casino DE',
      parameters: { zcpa: 'hash-1' },
    });
    expect(text($in(offers, '[data-offer-id="noff_1"] [part~="offer-parameters"]'))).to.equal('zcpa = hash-1');
    $in<HTMLButtonElement>(offers, '[data-offer-id="noff_1"] [part~="delete"]').click();
    await waitFor(() => !offers.shadowRoot?.querySelector('[data-offer-id="noff_1"]'), 2000, 'offer removed');
    expect(
      api.requests.some((r) => r.method === 'DELETE' && r.url.endsWith('/v1/network_connections/nc_1/offers/noff_1')),
    ).to.equal(true);
  });

  it('conversions: approve and cancel by PATCH, and a refused change shows the 409 message', async () => {
    api = base([connection()], {
      'GET /v1/conversions': () => jsonResponse({ data: [conversion('cv_1', 'hold'), conversion('cv_2', 'cancel')] }),
      'PATCH /v1/conversions/cv_1': (r) =>
        jsonResponse({
          ...conversion('cv_1', (r.body as { status: OperatorConversion['status'] }).status),
          changes: [],
        }),
      'PATCH /v1/conversions/cv_2': () =>
        problemResponse(409, 'conflict', 'The conversion is cancel: it cannot become approve', undefined, {
          resource: 'conversion',
          state: 'status',
          status: 'cancel',
          to: 'approve',
        }),
    });
    const el = await mount();
    $in<HTMLButtonElement>(el, '[data-connection-id="nc_1"] [part~="show-conversions"]').click();
    const panel = await inner(el, 'kb-network-conversions');
    await waitFor(() => panel.shadowRoot?.querySelector('[data-conversion-id="cv_1"]'), 2000, 'rows');
    const get = api.requests.find((r) => r.url.includes('/v1/conversions'))!;
    expect(new URL(get.url, location.href).searchParams.get('connectionId')).to.equal('nc_1');
    const cell = (id: string, part: string) => text($in(panel, `[data-conversion-id="${id}"] [part~="${part}"]`));
    expect(cell('cv_1', 'conversion-status')).to.equal('On hold');
    expect(cell('cv_1', 'conversion-raw')).to.equal('wait');
    expect(cell('cv_1', 'conversion-payout')).to.equal('12.50 EUR');
    expect(cell('cv_1', 'conversion-click')).to.equal('clk_cv_1');

    $in<HTMLButtonElement>(panel, '[data-conversion-id="cv_1"] [part~="action-approve"]').click();
    await waitFor(() => cell('cv_1', 'conversion-status') === 'Approved', 2000, 'approved');
    expect(api.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).to.deep.equal([{ status: 'approve' }]);
    $in<HTMLButtonElement>(panel, '[data-conversion-id="cv_1"] [part~="action-cancel"]').click();
    await waitFor(() => cell('cv_1', 'conversion-status') === 'Cancelled', 2000, 'cancelled');

    $in<HTMLButtonElement>(panel, '[data-conversion-id="cv_2"] [part~="action-approve"]').click();
    await waitFor(() => text(panel.shadowRoot!.querySelector('[part~="error"]')), 2000, '409 shown');
    expect(text($in(panel, '[part~="error"]'))).to.equal(
      'Not changed: The conversion is “cancelled”: it cannot become “approved”.',
    );
    expect(cell('cv_2', 'conversion-status'), 'unchanged').to.equal('Cancelled');
    expect(
      $in<HTMLButtonElement>(panel, '[data-conversion-id="cv_2"] [part~="action-cancel"]').disabled,
      'its own status',
    ).to.equal(true);
  });

  it('speaks Russian', async () => {
    api = base();
    const el = await mount('ru');
    expect(text($in(el, '[part~="heading"]'))).to.equal('CPA-сети и трекеры');
    const leadbit = $in(el, '[data-network="leadbit"]');
    expect(text(leadbit.querySelector('[part~="badge-streams"]'))).to.equal('Потоки нужно создавать под каждый оффер');
    expect(text(leadbit.querySelector('[part~="settings"]'))).to.include(
      'API: токен из личного кабинета api_token секрет',
    );
    expect(pairs(leadbit.querySelector('[part~="offer-parameters"]'))).to.equal('zcpa хэш потока sub саб-айди');
    expect(text($in(el, '[data-network="apileads"] [part~="postback-mode"]'))).to.equal(
      'Статусы приходят через API сети: после подключения настройте API-адаптер (кнопка «API» у подключения). Постбэк добавлять не нужно.',
    );
    expect(text($in(el, '[data-connection-id="nc_1"] [part~="copy"]'))).to.equal('Копировать');
    leadbit.querySelector<HTMLButtonElement>('[part~="connect"]')!.click();
    const form = await inner(el, 'kb-network-connect-form');
    await waitFor(() => form.shadowRoot?.querySelector('form'));
    expect(text($in(form, '[data-field="settings.api_token"] label'))).to.equal('API: токен из личного кабинета');
    expect(text($in(form, '[part~="submit"]'))).to.equal('Подключить');
  });
});
