/** The Reports section's views and the favorites controls under the performance report. */
import { ContextProvider } from '@lit/context';
// The statistics chunk defines <kb-reports> with the views' elements, as the portal loads it.
import { KbReportFavorites, KbReports } from '../../sections/statistics.ts';
import { expect } from '@open-wc/testing';
import { $in, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, json, textOf } from '../../internal/account/account-test-kit.ts';
import type { routeContext } from '../../internal/contexts.ts';
import type { SectionRoute } from '../../internal/router.ts';
import { eachTestApi, fakeStatisticsApi, mountStatistics } from '../../internal/statistics/statistics-test-kit.ts';
import type { Favorite } from '../../internal/statistics/report/report-favorites.ts';
import type { ApiMock } from '../../internal/account/account-test-kit.ts';
import { COLUMNS, answer } from './reports-test-kit.ts';

/** The table's requests (the chart's ask for one metric). */
const tableCalls = (api: ApiMock) =>
  api.sent('GET /v1/partner/reports/performance').filter((r) => (r.query.get('metrics') ?? '').includes(','));

const LIST = '/v1/partner/reports/favorites';
const saved = (name: string, query: Favorite['query'], id = 'rfav_1'): Favorite => ({
  id,
  name,
  query,
  savedBy: { userId: 'usr_owner', email: 'owner@partner.example' },
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
});
const inEur = saved('November by campaign', {
  period: 'custom',
  from: '2026-11-01',
  to: '2026-11-30',
  groupBy: 'campaign',
  metrics: 'ftdCount,clicks',
  currency: 'EUR',
});

/** Favorites kept by the stub: GET lists them, POST adds one. */
function favoritesServer(initial: Favorite[] = []) {
  const list = [...initial];
  return fakeStatisticsApi(answer, (r) => {
    if (r.path === '/v1/partner/statistic_token') return json({ token: null, createdAt: null });
    if (r.path !== LIST) return undefined;
    if (r.method === 'GET') return json({ favorites: list });
    const body = r.body as { name: string; query: Favorite['query'] };
    const made = saved(body.name, body.query, `rfav_${list.length + 1}`);
    list.unshift(made);
    return json(made, 201);
  });
}

/** A portal's place for the Reports section with paths: moves recorded, handed back as the portal does. */
function portalPlace(path: string[] = [], query = '') {
  const moves: Array<{ path: readonly string[]; query: string }> = [];
  let provider: ContextProvider<typeof routeContext> | null = null;
  const place = (p: readonly string[], q: string): SectionRoute => ({
    route: { section: 'reports', path: p, query: q },
    go: (next, options) => {
      moves.push({ path: next, query: options?.query ?? '' });
      provider?.setValue(place(next, options?.query ?? ''));
    },
  });
  return { moves, route: place(path, query), attach: (p: ContextProvider<typeof routeContext>) => (provider = p) };
}

describe('<kb-reports> favorites', () => {
  const stub = eachTestApi();

  it('saves the shown report as a favorite: its period as chosen, its columns in order and its currency', async () => {
    const api = stub(favoritesServer());
    const { el } = await mountStatistics<KbReports>('kb-reports');
    await find(el, '[part~="report-row"]');
    await find(el, '[part~="favorites-none"]');
    $in<HTMLButtonElement>(el, '[part~="save-favorite-button"]').click();
    await waitFor(() => el.shadowRoot!.activeElement?.id === 'report-favorite-name');
    expect($in(el, '#report-favorite-problem').textContent?.trim()).to.equal('Enter a name.');
    expect(api.sent(`POST ${LIST}`)).to.have.length(0);

    fill($in<HTMLInputElement>(el, '#report-favorite-name'), '  Month by day ');
    $in<HTMLButtonElement>(el, '[part~="save-favorite-button"]').click();
    await find(el, '[part~="open-favorite"]');
    expect(api.sent(`POST ${LIST}`)[0]!.body).to.deep.equal({
      name: 'Month by day',
      query: { period: 'last_30_days', groupBy: 'day', metrics: COLUMNS, currency: 'EUR' },
    });
    expect(textOf(el)).to.contain('Saved “Month by day” to your favorites.');
    expect($in<HTMLInputElement>(el, '#report-favorite-name').value).to.equal('');
  });

  it('opens a favorite from the quick list through the address, with its columns; Show all is the favorites view', async () => {
    const api = stub(favoritesServer([inEur]));
    const place = portalPlace([], 'period=last_7_days&groupBy=day&currency=');
    const { el, providers } = await mountStatistics<KbReports>('kb-reports', { route: place.route });
    place.attach(providers.route);
    await find(el, '[part~="report-row"]');
    (await find<HTMLButtonElement>(el, '[part~="open-favorite"]')).click();
    await waitFor(() => tableCalls(api).at(-1)!.query.get('period') === 'custom');
    expect(place.moves.at(-1)).to.deep.equal({
      path: [],
      query: 'period=custom&from=2026-11-01&to=2026-11-30&groupBy=campaign&currency=EUR',
    });
    const asked = tableCalls(api).at(-1)!.query;
    expect(asked.get('metrics')).to.equal('ftdCount,clicks');
    expect(asked.get('currency')).to.equal('EUR');
    expect(asked.get('groupBy')).to.equal('campaign');

    $in<HTMLButtonElement>(el, '[part~="show-all-favorites"]').click();
    await find(el, 'kb-report-favorites');
    expect(place.moves.at(-1)!.path).to.deep.equal(['favorites']);
    expect($in(el, '[part~="view-current"]').getAttribute('data-view')).to.equal('favorites');
    expect($in(el, '[part~="performance"]').hidden).to.equal(true);
  });

  it('a link to #/reports/favorites shows the favorites without asking for the report; Open there shows it', async () => {
    const api = stub(favoritesServer([inEur]));
    const place = portalPlace(['favorites']);
    const { el, providers } = await mountStatistics<KbReports>('kb-reports', { route: place.route });
    place.attach(providers.route);
    const favorites = await find<KbReportFavorites>(el, 'kb-report-favorites');
    await find(favorites, '[part~="favorite"]');
    expect(tableCalls(api)).to.have.length(0);
    $in<HTMLButtonElement>(favorites, '[part~="open"]').click();
    await find(el, '[part~="report-row"]');
    expect(place.moves.at(-1)!.path).to.deep.equal([]);
    expect(tableCalls(api).at(-1)!.query.get('from')).to.equal('2026-11-01');
    expect(tableCalls(api).at(-1)!.query.get('metrics')).to.equal('ftdCount,clicks');
    expect($in(el, '[part~="view-current"]').getAttribute('data-view')).to.equal('performance');
  });

  it('outside a portal the views switch in place, in Russian too', async () => {
    stub(favoritesServer([inEur]));
    const { el } = await mountStatistics<KbReports>('kb-reports', { locale: 'ru' });
    await find(el, '[part~="report-row"]');
    expect(textOf(el)).to.contain('Сохранить в избранное');
    $in<HTMLButtonElement>(el, '[part~="view"][data-view="favorites"]').click();
    const favorites = await find<KbReportFavorites>(el, 'kb-report-favorites');
    await find(favorites, '[part~="favorite"]');
    expect(textOf(favorites)).to.contain('Избранные отчёты');
    $in<HTMLButtonElement>(el, '[part~="view"][data-view="performance"]').click();
    await waitFor(() => !el.shadowRoot!.querySelector('kb-report-favorites'));
    expect($in(el, '[part~="performance"]').hidden).to.equal(false);
  });
});
