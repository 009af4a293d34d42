import { define } from '../../internal/base-element.ts';
import { KbRequestedReports } from './kb-requested-reports.ts';
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { ContextProvider } from '@lit/context';
import { $in, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, json, mockApi, problem, query, type Handler } from '../../internal/account/account-test-kit.ts';
import type { routeContext } from '../../internal/contexts.ts';
import type { SectionRoute } from '../../internal/router.ts';
import {
  eachTestApi,
  mountStatistics,
  OPTIONS_PATH,
  reportOptions,
} from '../../internal/statistics/statistics-test-kit.ts';
import type { RequestedReport } from '../../internal/statistics/report/requested-api.ts';
import { gate, requested, REQUESTED_PATH } from '../../internal/statistics/report/requested-test-kit.ts';
import { darkTokens } from '../../themes/dark.ts';

define('kb-requested-reports', KbRequestedReports);

const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
const FUTURE = '2099-01-01T00:00:00.000Z';
const ok = requested({
  id: 'rr_ok',
  name: 'November by campaign',
  status: 'successful',
  query: {
    period: 'custom',
    from: '2026-11-01',
    to: '2026-11-30',
    groupBy: 'day,campaign',
    brandId: 'brd_lucky',
    country: 'DE,AT',
    currency: 'EUR',
    ratesDate: '2026-11-30',
  },
  period: { from: '2026-11-01', to: '2026-11-30', timeZone: 'Europe/Berlin' },
  finishedAt: '2026-11-30T10:01:00.000Z',
  expiresAt: FUTURE,
  rowCount: 1234,
  fileSize: 48_200,
});
const processing = requested({ id: 'rr_busy', name: 'Last 30 days by day', requestedAt: '2026-11-30T11:00:00.000Z' });
const failed = requested({
  id: 'rr_bad',
  name: 'Everything by hour',
  status: 'failed',
  failureReason: 'The report has more than 1,000,000 rows.',
  query: { period: 'last_month', groupBy: 'hour' },
});
const expired = requested({
  id: 'rr_old',
  name: 'October',
  status: 'successful',
  expiresAt: '2026-11-01T00:00:00.000Z',
});

/** The requested routes over `list` (a mutable list; `onFile` answers the file), options, and a test's own `first`. */
function requestedApi(list: RequestedReport[], first: Handler = () => undefined) {
  return mockApi(async (r) => {
    const own = await first(r);
    if (own) return own;
    if (r.path === OPTIONS_PATH) return json(reportOptions());
    if (r.method === 'GET' && r.path === REQUESTED_PATH) return json({ data: list, nextBefore: null });
    const one = list.find((x) => r.path === `${REQUESTED_PATH}/${x.id}`);
    if (r.method === 'GET' && one) return json(one);
    if (r.method === 'PATCH' && one) {
      one.name = (r.body as { name: string }).name;
      return json(one);
    }
    return undefined;
  });
}

const rowOf = (el: Element, id: string) => $in(el, `[part~="request-row"][data-request-id="${id}"]`);
const words = (e: Element | null) => e?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** A parameter line as read: "Period: Nov 1 – 30, 2026" (the colon is the style's). */
const pair = (e: Element | null) =>
  `${words(e?.querySelector('dt') ?? null)}: ${words(e?.querySelector('dd') ?? null)}`;

/** A stand-in for the portal's address of the Reports section at `path`: `go` moves it and is recorded. */
function routeAt(path: string[]) {
  const moves: string[][] = [];
  let provider: ContextProvider<typeof routeContext> | null = null;
  const place = (p: readonly string[]): SectionRoute => ({
    route: { section: 'reports', path: p, query: '' },
    go: (next) => {
      moves.push([...next]);
      provider?.setValue(place(next));
    },
  });
  return {
    moves,
    route: place(path),
    attach: (p: ContextProvider<typeof routeContext>) => {
      provider = p;
    },
  };
}

async function mounted(options: { locale?: 'en' | 'ru'; route?: ReturnType<typeof routeAt> } = {}) {
  const { el, providers } = await mountStatistics<KbRequestedReports>('kb-requested-reports', {
    locale: options.locale,
    route: options.route?.route,
  });
  options.route?.attach(providers.route);
  return el;
}

describe('<kb-requested-reports> list', () => {
  const stub = eachTestApi();

  it('lists each request with its parameters in words, who asked, its state and its file', async () => {
    stub(requestedApi([processing, ok, failed, expired]));
    const el = await mounted();
    await find(el, '[part~="request-row"]');
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~="request-row"]')].map((r) => r.getAttribute('data-request-id')),
    ).to.deep.equal(['rr_busy', 'rr_ok', 'rr_bad', 'rr_old']);
    const row = rowOf(el, 'rr_ok');
    const link = row.querySelector('[part~="request-link"]')!;
    expect(link.getAttribute('href')).to.equal('#/reports/requested/rr_ok');
    expect(link.textContent).to.equal('November by campaign');
    expect(words(row.querySelector('[part~="request-id"]'))).to.equal('rr_ok');
    expect([...row.querySelectorAll('[part~="parameter"]')].map(pair)).to.deep.equal([
      'Period: Nov 1 – 30, 2026',
      'Grouping: Day, Campaign',
      'Filters: Brand: LuckySpin; Country: Germany, Austria',
      'Currency: Convert all to EUR at the rates of Nov 30, 2026',
    ]);
    expect(words(row.querySelector('[part~="request-actor"]'))).to.equal('owner@partner.test');
    expect(words(row.querySelector('[part~="state-badge"]'))).to.equal('Successful');
    expect(row.querySelector('[part~="download"]')?.getAttribute('aria-label')).to.equal(
      'Download November by campaign',
    );

    const busy = rowOf(el, 'rr_busy');
    expect(words(busy.querySelector('[part~="state-badge"]'))).to.equal('Processing');
    expect(words(busy.querySelector('[part~="preparing"]'))).to.equal('Being prepared…');
    expect(busy.querySelector('[part~="download"]')).to.equal(null);
    expect(pair(busy.querySelector('[part~="parameter-period"]'))).to.equal('Period: Last 30 days');

    const bad = rowOf(el, 'rr_bad');
    expect(words(bad.querySelector('[part~="request-state"]'))).to.equal(
      'Failed Why: The report has more than 1,000,000 rows.',
    );
    expect(bad.querySelector('[part~="download"]')).to.equal(null);
    expect(pair(bad.querySelector('[part~="parameter-groupings"]'))).to.equal('Grouping: Hour');

    const old = rowOf(el, 'rr_old');
    expect(words(old.querySelector('[part~="expired"]'))).to.equal('Expired');
    expect(old.querySelector('[part~="download"]')).to.equal(null);
    expect(words($in(el, '[part~="refreshing"]'))).to.equal(
      'Requests still being prepared: this page checks again every 10 seconds.',
    );
  });

  it('shows older requests page by page under the newest', async () => {
    const older = requested({ id: 'rr_older', name: 'Summer', status: 'failed', failureReason: 'No rows.' });
    const api = stub(
      requestedApi([], (r) => {
        if (r.method !== 'GET' || r.path !== REQUESTED_PATH) return undefined;
        return r.query.get('before') === 'cursor_1'
          ? json({ data: [older], nextBefore: null })
          : json({ data: [{ ...ok }], nextBefore: 'cursor_1' });
      }),
    );
    const el = await mounted();
    (await find<HTMLButtonElement>(el, '[part~="load-more"]')).click();
    await find(el, '[data-request-id="rr_older"]');
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~="request-row"]')].map((r) => r.getAttribute('data-request-id')),
    ).to.deep.equal(['rr_ok', 'rr_older']);
    expect(api.sent(`GET ${REQUESTED_PATH}`).map((r) => r.query.get('before'))).to.deep.equal([null, 'cursor_1']);
    expect(query(el, '[part~="load-more"]')).to.equal(null);
  });

  it('says how to request one when there is none, in Russian too', async () => {
    stub(requestedApi([]));
    const el = await mounted({ locale: 'ru' });
    const empty = await find(el, '[part~="empty"]');
    expect(words(empty)).to.equal(
      'Запрошенных отчётов пока нет. Чтобы запросить отчёт, откройте вид «Эффективность», постройте отчёт и нажмите ' +
        'под ним «Запросить отчёт». Отчёт, слишком большой для показа на экране, запрашивается сюда сам.',
    );
    expect(query(el, '[part~="refreshing"]')).to.equal(null);
  });
});

describe('<kb-requested-reports> rename', () => {
  const stub = eachTestApi();

  it('renames in place: Escape cancels, an empty name is refused, the server’s refusal is shown, then saved', async () => {
    let refuse = true;
    const api = stub(
      requestedApi([{ ...ok }], (r) => {
        if (r.method !== 'PATCH' || !refuse) return undefined;
        refuse = false;
        return problem(422, 'validation_failed', 'body.name: too long', [
          { path: 'body.name', reason: 'too_long', params: { maximum: 100 }, message: 'too long' },
        ]);
      }),
    );
    const el = await mounted();
    const rename = await find<HTMLButtonElement>(el, '[part~="request-row"] [part~="rename"]');
    expect(rename.getAttribute('aria-label')).to.equal('Rename November by campaign');
    rename.click();
    let input = await find<HTMLInputElement>(el, '[part~="rename-input"]');
    await waitFor(() => el.shadowRoot!.activeElement === input, 1000, 'the field focused');
    expect(input.value).to.equal('November by campaign');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitFor(() => el.shadowRoot!.activeElement?.matches('[part~="rename"]'), 1000, 'Rename focused again');

    $in<HTMLButtonElement>(el, '[part~="rename"]').click();
    input = await find<HTMLInputElement>(el, '[part~="rename-input"]');
    fill(input, '  ');
    $in<HTMLButtonElement>(el, '[part~="rename-save"]').click();
    expect(words(await find(el, '[part~="rename-form"] [part~="field-error"]'))).to.equal('Give the report a name.');
    expect(api.sent(`PATCH ${REQUESTED_PATH}/rr_ok`)).to.have.length(0);

    fill(input, 'November, campaigns');
    $in<HTMLButtonElement>(el, '[part~="rename-save"]').click();
    await waitFor(
      () => query(el, '[part~="rename-form"] [part~="field-error"]')?.textContent !== 'Give the report a name.',
    );
    expect(words($in(el, '[part~="rename-form"] [part~="field-error"]')).length).to.be.greaterThan(0);
    $in<HTMLButtonElement>(el, '[part~="rename-save"]').click();
    await waitFor(
      () => query(el, '[part~="request-link"]')?.textContent === 'November, campaigns',
      2000,
      'the new name',
    );
    expect(api.sent(`PATCH ${REQUESTED_PATH}/rr_ok`).map((r) => r.body)).to.deep.equal([
      { name: 'November, campaigns' },
      { name: 'November, campaigns' },
    ]);
    expect(words($in(el, '[part~="success"]'))).to.equal('Renamed to “November, campaigns”.');
    await waitFor(() => el.shadowRoot!.activeElement?.matches('[part~="rename"]'), 1000, 'Rename focused');
  });
});

describe('<kb-requested-reports> download', () => {
  const stub = eachTestApi();

  it('gets the file through the session and offers it as a Blob link; says why when it is gone', async () => {
    const api = stub(
      requestedApi([{ ...ok }, { ...ok, id: 'rr_gone', name: 'Gone meanwhile' }], (r) => {
        if (r.path === `${REQUESTED_PATH}/rr_ok/file`)
          return new Response(ZIP, {
            headers: {
              'content-type': 'application/zip',
              'content-disposition': 'attachment; filename="november-by-campaign.zip"',
            },
          });
        if (r.path === `${REQUESTED_PATH}/rr_gone/file`) return problem(410, 'gone', 'The file has expired.');
        return undefined;
      }),
    );
    const el = await mounted();
    (await find<HTMLButtonElement>(el, '[data-request-id="rr_ok"] [part~="download"]')).click();
    const link = await find<HTMLAnchorElement>(el, '[data-request-id="rr_ok"] [part~="save-file"]');
    expect(api.sent(`GET ${REQUESTED_PATH}/rr_ok/file`)).to.have.length(1);
    expect(link.getAttribute('download')).to.equal('november-by-campaign.zip');
    expect(link.href.startsWith('blob:')).to.equal(true);
    expect(words(link)).to.equal('Save november-by-campaign.zip');
    await waitFor(() => el.shadowRoot!.activeElement === link, 1000, 'the link focused');
    expect(Array.from(new Uint8Array(await (await fetch(link.href)).arrayBuffer()))).to.deep.equal(Array.from(ZIP));

    $in<HTMLButtonElement>(el, '[data-request-id="rr_gone"] [part~="download"]').click();
    const error = await find(el, '[data-request-id="rr_gone"] [part~="download-error"]');
    expect(words(error).length).to.be.greaterThan(0);
    await waitFor(() => el.shadowRoot!.activeElement === error, 1000, 'the error focused');
    expect(query(el, '[data-request-id="rr_gone"] [part~="save-file"]')).to.equal(null);
  });
});

describe('<kb-requested-reports> processing', () => {
  const stub = eachTestApi();

  it('asks again while one is processing, announces it ready, then stops', async () => {
    const list = [{ ...processing }, { ...ok }];
    const first = gate();
    const api = stub(
      requestedApi(list, async (r) => {
        if (r.method === 'GET' && r.path === REQUESTED_PATH && api.sent(`GET ${REQUESTED_PATH}`).length === 1)
          await first.promise;
        return undefined;
      }),
    );
    const el = await mounted();
    el.refreshEvery = 150;
    first.open();
    await find(el, '[data-request-id="rr_busy"] [part~="preparing"]');
    await waitFor(() => api.sent(`GET ${REQUESTED_PATH}`).length >= 3, 2000, 'two more looks');
    Object.assign(list[0]!, { status: 'successful', finishedAt: '2026-11-30T11:02:00.000Z', expiresAt: FUTURE });
    await find(el, '[data-request-id="rr_busy"] [part~="download"]', 2000);
    expect(words($in(el, '[part~="success"]'))).to.equal('“Last 30 days by day” is ready to download.');
    expect(query(el, '[part~="refreshing"]')).to.equal(null);
    const asked = api.sent(`GET ${REQUESTED_PATH}`).length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(api.sent(`GET ${REQUESTED_PATH}`).length, 'no more looks once none is processing').to.equal(asked);
  });

  it('stops asking when it leaves the page', async () => {
    const first = gate();
    const api = stub(
      requestedApi([{ ...processing }], async (r) => {
        if (r.method === 'GET' && r.path === REQUESTED_PATH && api.sent(`GET ${REQUESTED_PATH}`).length === 1)
          await first.promise;
        return undefined;
      }),
    );
    const el = await mounted();
    el.refreshEvery = 150;
    first.open();
    await waitFor(() => api.sent(`GET ${REQUESTED_PATH}`).length >= 2, 2000, 'a second look');
    el.remove();
    const asked = api.sent(`GET ${REQUESTED_PATH}`).length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(api.sent(`GET ${REQUESTED_PATH}`).length).to.equal(asked);
  });
});

describe('<kb-requested-reports> a request’s page', () => {
  const stub = eachTestApi();

  it('shows one request at its address with its facts and file, and goes back to the list', async () => {
    const api = stub(requestedApi([{ ...ok }]));
    const route = routeAt(['requested', 'rr_ok']);
    const el = await mounted({ route });
    const page = await find(el, '[part~="request-page"][data-request-id="rr_ok"]');
    expect(api.sent(`GET ${REQUESTED_PATH}/rr_ok`)).to.have.length(1);
    expect(words(page.querySelector('[part~="request-page-name"]'))).to.equal('November by campaign');
    const fact = (name: string) => words(page.querySelector(`[part~="fact-${name}"] dd`));
    expect(fact('id')).to.equal('rr_ok');
    expect(fact('state')).to.equal('Successful');
    expect(fact('format')).to.equal('Zipped CSV');
    expect(fact('actor')).to.equal('owner@partner.test');
    expect(fact('rows')).to.equal('1,234');
    expect(fact('size')).to.equal('48.2 kB');
    expect(pair(page.querySelector('[part~="parameter-period"]'))).to.equal('Period: Nov 1 – 30, 2026');
    expect(page.querySelector('[part~="page-file"] [part~="download"]')).to.not.equal(null);

    $in<HTMLAnchorElement>(el, '[part~="back-link"]').click();
    expect(route.moves).to.deep.equal([['requested']]);
    await find(el, '[part~="request-row"]');
    $in<HTMLAnchorElement>(el, '[part~="request-link"]').click();
    expect(route.moves.at(-1)).to.deep.equal(['requested', 'rr_ok']);
    await find(el, '[part~="request-page"]');
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'request-page-name', 1000, 'the page’s name focused');
  });

  it('says so when the address names no request of this account', async () => {
    stub(requestedApi([]));
    const el = await mounted({ route: routeAt(['requested', 'rr_other']) });
    const error = await find(el, '[part~="error"]');
    expect(words(error)).to.equal('No requested report has this address: it may belong to another account.');
    expect(query(el, '[part~="back-link"]')).to.not.equal(null);
  });
});

describe('<kb-requested-reports> on a phone', () => {
  const stub = eachTestApi();

  it('390 px in the dark theme: each request is a card, renaming and a request’s page fit, and it reads the tokens', async () => {
    await setViewport({ width: 390, height: 844 });
    stub(requestedApi([{ ...ok }, { ...failed }, { ...processing }]));
    const route = routeAt(['requested']);
    const el = await mounted({ route });
    el.setAttribute('style', darkTokens.cssText.replace(/\n/g, ' '));
    const row = await find(el, '[part~="request-row"]');
    expect(getComputedStyle(row).display).to.equal('grid');
    expect(getComputedStyle($in(el, '[part~="request-parameters"]')).color).to.equal('rgb(232, 234, 238)');
    expect(getComputedStyle($in(el, '[part~="failure-reason"]')).color).to.equal('rgb(253, 162, 155)');
    $in<HTMLButtonElement>(el, '[part~="rename"]').click();
    const input = await find(el, '[part~="rename-input"]');
    expect(input.getBoundingClientRect().right).to.be.at.most(390);
    expect($in(el, '[part~="table-wrap"]').scrollWidth).to.be.at.most(390);
    expect(el.scrollWidth).to.be.at.most(390);

    $in<HTMLButtonElement>(el, '[part~="rename-cancel"]').click();
    (await find<HTMLAnchorElement>(el, '[data-request-id="rr_ok"] [part~="request-link"]')).click();
    const page = await find(el, '[part~="request-page"]');
    expect(page.scrollWidth).to.be.at.most(page.clientWidth);
    expect(el.scrollWidth).to.be.at.most(390);
    expect($in(el, '[part~="page-file"] [part~="download"]').getBoundingClientRect().right).to.be.at.most(390);
    await setViewport({ width: 1280, height: 800 });
  });
});
