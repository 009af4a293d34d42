/** The favorites view: what each favorite asks, Open, Rename, Delete, Download and the feed links. */
import { define } from '../../internal/base-element.ts';
import { KbReportFavorites } from './kb-report-favorites.ts';
import { expect } from '@open-wc/testing';
import { $in, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, json, problem, stubClipboard, textOf } from '../../internal/account/account-test-kit.ts';
import { eachTestApi, fakeStatisticsApi, mountStatistics } from '../../internal/statistics/statistics-test-kit.ts';
import type { Favorite } from '../../internal/statistics/report/report-favorites.ts';

define('kb-report-favorites', KbReportFavorites);

const LIST = '/v1/partner/reports/favorites';
const TOKEN = 'st_secretTOKENvalue1234abcd';
const weekly: Favorite = {
  id: 'rfav_week',
  name: 'Last week by day',
  query: { period: 'last_7_days', groupBy: 'day', metrics: 'clicks,ftdCount' },
  savedBy: { userId: 'usr_owner', email: 'ana@partner.example' },
  createdAt: '2026-11-20T09:30:00.000Z',
  updatedAt: '2026-11-20T09:30:00.000Z',
};
const november: Favorite = {
  id: 'rfav_nov',
  name: 'November in EUR',
  query: { period: 'custom', from: '2026-11-01', to: '2026-11-30', groupBy: 'campaign', currency: 'EUR' },
  savedBy: { userId: null, email: 'old@partner.example' },
  createdAt: '2026-11-10T08:00:00.000Z',
  updatedAt: '2026-11-10T08:00:00.000Z',
};

/** The stubbed server: the favorites, the user's token (null: none), and what rename and delete do. */
function server(favorites: Favorite[], token: string | null = TOKEN) {
  let list = [...favorites];
  return fakeStatisticsApi(undefined, (r) => {
    if (r.path === '/v1/partner/statistic_token')
      return json({ token, createdAt: token ? '2026-11-01T00:00:00Z' : null });
    if (r.method === 'GET' && r.path === LIST) return json({ favorites: list });
    const id = r.path.slice(LIST.length + 1);
    if (r.method === 'PATCH') {
      const name = (r.body as { name: string }).name;
      if (list.some((f) => f.id !== id && f.name.toLowerCase() === name.toLowerCase()))
        return problem(422, 'validation_failed', 'taken', [
          { path: 'body.name', reason: 'already_exists', params: {}, message: 'already exists' },
        ]);
      list = list.map((f) => (f.id === id ? { ...f, name } : f));
      return json(list.find((f) => f.id === id));
    }
    if (r.method === 'DELETE') {
      list = list.filter((f) => f.id !== id);
      return new Response(null, { status: 204 });
    }
    if (r.path.endsWith('/export'))
      return new Response('day,clicks\r\n', {
        headers: { 'content-disposition': 'attachment; filename="performance-2026-11-18-2026-11-24.csv"' },
      });
    return undefined;
  });
}

const card = (el: Element, id: string) => $in<HTMLElement>(el, `[data-favorite="${id}"]`);
const partText = (root: Element, part: string) => root.querySelector(`[part~="${part}"]`)?.textContent?.trim();

describe('<kb-report-favorites>', () => {
  const stub = eachTestApi();

  it('lists each favorite with its period (relative as such), groupings, currency and who saved it', async () => {
    stub(server([weekly, november]));
    const { el } = await mountStatistics<KbReportFavorites>('kb-report-favorites');
    await find(el, '[part~="favorite"]');
    const week = card(el, 'rfav_week');
    expect(partText(week, 'favorite-name')).to.equal('Last week by day');
    expect(partText(week, 'favorite-period')).to.equal('Last 7 days');
    expect(partText(week, 'favorite-groupings')).to.equal('Day');
    expect(partText(week, 'favorite-currency')).to.equal('Each currency on its own');
    expect(partText(week, 'favorite-saved')).to.contain('ana@partner.example');
    const nov = card(el, 'rfav_nov');
    expect(partText(nov, 'favorite-period')).to.equal('Nov 1, 2026 – Nov 30, 2026');
    expect(partText(nov, 'favorite-groupings')).to.equal('Campaign');
    expect(partText(nov, 'favorite-currency')).to.equal('EUR');
  });

  it('in Russian', async () => {
    stub(server([weekly]));
    const { el } = await mountStatistics<KbReportFavorites>('kb-report-favorites', { locale: 'ru' });
    await find(el, '[part~="favorite"]');
    expect(partText(card(el, 'rfav_week'), 'favorite-period')).to.equal('Последние 7 дней');
    expect(textOf(el)).to.contain('Избранные отчёты');
    expect(textOf(el)).to.contain('Показать ссылки');
  });

  it('Open asks <kb-reports> to show it: its address query and its columns', async () => {
    stub(server([weekly, november]));
    const { el } = await mountStatistics<KbReportFavorites>('kb-report-favorites');
    await find(el, '[part~="favorite"]');
    const opened: Array<{ query: string; metrics: string[] }> = [];
    el.addEventListener('kb-open-report', (e) => opened.push((e as CustomEvent).detail));
    card(el, 'rfav_nov').querySelector<HTMLButtonElement>('[part~="open"]')!.click();
    card(el, 'rfav_week').querySelector<HTMLButtonElement>('[part~="open"]')!.click();
    expect(opened).to.deep.equal([
      { query: 'period=custom&from=2026-11-01&to=2026-11-30&groupBy=campaign&currency=EUR', metrics: [] },
      { query: 'period=last_7_days&groupBy=day&currency=', metrics: ['clicks', 'ftdCount'] },
    ]);
  });

  it('renames in place (a taken name is said beside the field) and deletes after confirming', async () => {
    const api = stub(server([weekly, november]));
    const { el } = await mountStatistics<KbReportFavorites>('kb-report-favorites');
    await find(el, '[part~="favorite"]');
    card(el, 'rfav_week').querySelector<HTMLButtonElement>('[part~="rename"]')!.click();
    const input = await find<HTMLInputElement>(el, '#favorite-rfav_week-rename');
    await waitFor(() => el.shadowRoot!.activeElement === input);
    fill(input, 'november in eur');
    card(el, 'rfav_week').querySelector<HTMLButtonElement>('[part~="save-name"]')!.click();
    await waitFor(() => partText(card(el, 'rfav_week'), 'field-error'));
    expect(partText(card(el, 'rfav_week'), 'field-error')).to.match(/already|exists|taken/i);
    fill($in<HTMLInputElement>(el, '#favorite-rfav_week-rename'), 'Weekly');
    card(el, 'rfav_week').querySelector<HTMLButtonElement>('[part~="save-name"]')!.click();
    await waitFor(() => partText(card(el, 'rfav_week'), 'favorite-name') === 'Weekly');
    expect(api.sent('PATCH /v1/partner/reports/favorites/rfav_week').at(-1)!.body).to.deep.equal({ name: 'Weekly' });
    expect(partText(el.shadowRoot as unknown as Element, 'success')).to.equal('Renamed to “Weekly”.');

    card(el, 'rfav_nov').querySelector<HTMLButtonElement>('[part~="delete"]')!.click();
    await find(el, '[part~="confirm"]');
    expect(partText(card(el, 'rfav_nov'), 'confirm-text')).to.contain('Delete “November in EUR”?');
    expect(api.sent('DELETE /v1/partner/reports/favorites/rfav_nov')).to.have.length(0);
    card(el, 'rfav_nov').querySelector<HTMLButtonElement>('[part~="confirm-yes"]')!.click();
    await waitFor(() => !el.shadowRoot!.querySelector('[data-favorite="rfav_nov"]'));
    expect(api.sent('DELETE /v1/partner/reports/favorites/rfav_nov')).to.have.length(1);
    expect(textOf(el)).to.contain('Deleted “November in EUR”.');
  });

  it('downloads a favorite in the chosen format through its own export route', async () => {
    const api = stub(server([weekly]));
    const { el } = await mountStatistics<KbReportFavorites>('kb-report-favorites');
    await find(el, '[part~="favorite"]');
    fill(card(el, 'rfav_week').querySelector<HTMLSelectElement>('[part~="download-format"]')!, 'excel');
    card(el, 'rfav_week').querySelector<HTMLButtonElement>('[part~="download-report"]')!.click();
    const link = await find<HTMLAnchorElement>(el, '[part~="save-file"]');
    expect(link.download).to.equal('performance-2026-11-18-2026-11-24.csv');
    const sent = api.sent('GET /v1/partner/reports/favorites/rfav_week/export')[0]!;
    expect(Object.fromEntries(sent.query)).to.deep.equal({ format: 'csv', bom: 'true' });
  });

  it('shows the feed links masked until revealed, and Copy copies the real link', async () => {
    stub(server([weekly]));
    const clipboard = stubClipboard();
    try {
      const { el } = await mountStatistics<KbReportFavorites>('kb-report-favorites');
      await find(el, '[part~="feed-link"]');
      const links = () => [...el.shadowRoot!.querySelectorAll('[part~="feed-link"]')].map((c) => c.textContent);
      const real = `https://api.kabinet.test/api/customer/v1/partner/report/feeds/rfav_week/report.json?token=${TOKEN}`;
      expect(links()[0]).to.not.contain(TOKEN);
      expect(links()[0]).to.match(/report\.json\?token=•+abcd$/);
      expect(textOf(el)).to.not.contain(TOKEN);
      card(el, 'rfav_week').querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
      await waitFor(() => clipboard.written.length === 1);
      expect(clipboard.written[0]).to.equal(real);
      $in<HTMLButtonElement>(el, '[part~="reveal-links"]').click();
      await waitFor(() => links()[0] === real);
      expect(links()[1]).to.equal(real.replace('report.json', 'report.xml'));
    } finally {
      clipboard.restore();
    }
  });

  it('without a statistic token says so and links to Security; with no favorites says how to save one', async () => {
    stub(server([weekly], null));
    const { el } = await mountStatistics<KbReportFavorites>('kb-report-favorites');
    const link = await find<HTMLAnchorElement>(el, '[part~="security-link"]');
    expect(el.shadowRoot!.querySelector('[part~="feed-link"]')).to.equal(null);
    const asked: string[] = [];
    el.addEventListener('kb-open-section', (e) => asked.push((e as CustomEvent).detail.section));
    link.click();
    expect(asked).to.deep.equal(['security']);

    stub(server([]));
    const empty = (await mountStatistics<KbReportFavorites>('kb-report-favorites')).el;
    await find(empty, '[part~="empty"]');
    expect(textOf(empty)).to.contain('No favorite reports yet.');
    expect(textOf(empty)).to.contain('Save as favorite');
  });
});
