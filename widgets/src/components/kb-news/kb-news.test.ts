import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { afterEach, cleanupFixtures, describe, it } from '../../internal/test-helpers.ts';
import {
  find,
  json,
  mockApi,
  mountSection,
  query,
  textOf,
  type ApiMock,
} from '../../internal/account/account-test-kit.ts';
import { KbNews, NEWS_PAGE_SIZE, type NewsArticle, type NewsItem } from './kb-news.ts';

define('kb-news', KbNews);

const BANNER = 'https://api.kabinet.test/v1/public/operators/op_1/news/news_1/banner/v_1';

function item(n: number, overrides: Partial<NewsItem> = {}): NewsItem {
  return {
    id: `news_${n}`,
    title: `Title ${n}`,
    excerpt: `Excerpt ${n}`,
    publishedAt: new Date(Date.UTC(2026, 10, 30 - n, 10)).toISOString(),
    brand: null,
    bannerUrl: null,
    read: true,
    ...overrides,
  };
}

/** A program with `total` published articles; the first two unread, the first with a banner and a brand. */
function program(total: number) {
  const read = new Set<string>();
  const all = Array.from({ length: total }, (_, i) =>
    item(i + 1, i === 0 ? { bannerUrl: BANNER, brand: { id: 'brand_1', name: 'Lucky Spin Sports' } } : {}),
  ).map((n, i) => (i < 2 ? { ...n, read: false } : n));
  for (const n of all) if (n.read) read.add(n.id);
  const view = (n: NewsItem) => ({ ...n, read: read.has(n.id) });
  const unread = () => all.filter((n) => !read.has(n.id)).length;
  const api = mockApi(({ method, path, query: q }) => {
    if (method === 'GET' && path === '/v1/partner/news') {
      const limit = Number(q.get('limit') ?? NEWS_PAGE_SIZE);
      const offset = Number(q.get('offset') ?? 0);
      return json({ data: all.slice(offset, offset + limit).map(view), unreadCount: unread(), total: all.length });
    }
    if (method === 'POST' && path === '/v1/partner/news/read') {
      for (const n of all) read.add(n.id);
      return json({ unreadCount: 0 });
    }
    const one = /^\/v1\/partner\/news\/([^/]+)(\/read)?$/.exec(path);
    const found = one ? all.find((n) => n.id === one[1]) : undefined;
    if (!one || !found) return undefined;
    if (method === 'POST' && one[2]) {
      read.add(found.id);
      return json({ unreadCount: unread() });
    }
    if (method === 'GET' && !one[2]) {
      const article: NewsArticle = {
        ...view(found),
        html: '<h2>What is new</h2><p>Read <a href="https://luckyspin.example" target="_blank" rel="noopener noreferrer nofollow">the rules</a>.</p><ul><li>One</li></ul>',
      };
      return json(article);
    }
    return undefined;
  });
  return { api, read };
}

const items = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"]')];

describe('<kb-news>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('lists news newest first with banner, date, brand, excerpt and an unread marker', async () => {
    api = program(3).api;
    const { el } = await mountSection<KbNews>('kb-news');
    await find(el, '[part~="items"]');
    const shown = items(el);
    expect(shown.map((li) => li.dataset.articleId)).to.deep.equal(['news_1', 'news_2', 'news_3']);
    expect(shown[0]!.getAttribute('part')).to.contain('item-unread');
    expect(shown[2]!.getAttribute('part')).not.to.contain('item-unread');
    expect(shown[0]!.querySelector('[part~="unread-dot"]')).not.to.equal(null);
    expect(shown[0]!.querySelector('.visually-hidden')!.textContent).to.contain('Unread');
    expect(shown[2]!.querySelector('[part~="unread-dot"]')).to.equal(null);
    expect(shown[0]!.querySelector<HTMLImageElement>('img[part~="banner"]')!.getAttribute('src')).to.equal(BANNER);
    expect(shown[1]!.querySelector('img')).to.equal(null);
    expect(shown[0]!.textContent).to.contain('November 29, 2026');
    expect(shown[0]!.textContent).to.contain('Brand: Lucky Spin Sports');
    expect(shown[0]!.textContent).to.contain('Excerpt 1');
    const more = shown[0]!.querySelector('[part~="show-more"]')!;
    expect(more.getAttribute('href')).to.equal('#/news/news_1');
    expect(more.getAttribute('aria-label')).to.equal('Show more: Title 1');
    expect(query(el, '[part~="unread-count"]')!.textContent).to.equal('2 unread');
  });

  it('marks all as read', async () => {
    const stub = program(3);
    api = stub.api;
    const { el } = await mountSection<KbNews>('kb-news');
    (await find<HTMLButtonElement>(el, '[part~="mark-all-read"]')).click();
    await find(el, '[part~="success"]:not(:empty)');
    expect(api.sent('POST /v1/partner/news/read')).to.have.length(1);
    expect(items(el).some((li) => li.getAttribute('part')!.includes('item-unread'))).to.equal(false);
    expect(query(el, '[part~="unread-count"]')!.textContent).to.equal('All read');
    expect(query(el, '[part~="mark-all-read"]')).to.equal(null);
    expect(query(el, '[part~="success"]')!.textContent).to.contain('All news marked as read.');
  });

  it('opens an article (rendered Markdown), marks it read, and goes back to the list', async () => {
    const stub = program(3);
    api = stub.api;
    const { el } = await mountSection<KbNews>('kb-news');
    await find(el, '[part~="items"]');
    items(el)[0]!.querySelector<HTMLAnchorElement>('[part~="show-more"]')!.click();
    const article = await find(el, '[part~="article"]');
    expect(article.dataset.articleId).to.equal('news_1');
    expect(query(el, '[part~="article-title"]')!.textContent).to.equal('Title 1');
    expect(article.querySelector('[part~="body"] h2')!.textContent).to.equal('What is new');
    expect(article.querySelector('[part~="body"] a')!.getAttribute('rel')).to.contain('noopener');
    await new Promise((r) => setTimeout(r, 50));
    expect(api.sent('POST /v1/partner/news/news_1/read')).to.have.length(1);
    expect(stub.read.has('news_1')).to.equal(true);
    query<HTMLAnchorElement>(el, '[part~="back-link"]')!.click();
    await find(el, '[part~="items"]');
    expect(query(el, '[part~="unread-count"]')!.textContent).to.equal('1 unread');
    expect(items(el)[0]!.getAttribute('part')).not.to.contain('item-unread');
  });

  it('opens straight on an article by its id, and says so when it is gone', async () => {
    api = program(2).api;
    const { el } = await mountSection<KbNews>('kb-news');
    el.articleId = 'news_2';
    await find(el, '[part~="article"][data-article-id="news_2"]');
    el.articleId = 'news_gone';
    const missing = await find(el, '[part~="error"]');
    expect(missing.textContent).to.contain('not available');
  });

  it('pages: older news is added under the shown ones', async () => {
    api = program(NEWS_PAGE_SIZE + 3).api;
    const { el } = await mountSection<KbNews>('kb-news');
    await find(el, '[part~="items"]');
    expect(items(el)).to.have.length(NEWS_PAGE_SIZE);
    expect(query(el, '[part~="more"]')!.textContent).to.contain(`${NEWS_PAGE_SIZE} of ${NEWS_PAGE_SIZE + 3}`);
    query<HTMLButtonElement>(el, '[part~="older"]')!.click();
    await find(el, `[data-article-id="news_${NEWS_PAGE_SIZE + 3}"]`);
    expect(items(el)).to.have.length(NEWS_PAGE_SIZE + 3);
    expect(query(el, '[part~="more"]')).to.equal(null);
    const offsets = api.requests.filter((r) => r.path === '/v1/partner/news').map((r) => r.query.get('offset'));
    expect(offsets).to.deep.equal([null, String(NEWS_PAGE_SIZE)]);
  });

  it('shows an empty state without news', async () => {
    api = program(0).api;
    const { el } = await mountSection<KbNews>('kb-news');
    const empty = await find(el, '[part~="empty"]');
    expect(empty.textContent).to.contain('No news yet.');
    expect(query(el, '[part~="mark-all-read"]')).to.equal(null);
  });

  it('fits a 390 px phone with a long Russian title, in list and article view', async () => {
    await setViewport({ width: 390, height: 800 });
    try {
      const long = 'Новые промо-материалы для русскоязычного трафика: баннеры, лендинги и рассылки';
      api = mockApi(({ method, path }) => {
        const entry = item(1, { title: long, bannerUrl: BANNER, read: false });
        if (method === 'GET' && path === '/v1/partner/news') return json({ data: [entry], unreadCount: 1, total: 1 });
        if (method === 'GET' && path === '/v1/partner/news/news_1')
          return json({ ...entry, html: `<h2>${long}</h2><pre><code>${'x'.repeat(200)}</code></pre>` });
        if (method === 'POST') return json({ unreadCount: 0 });
        return undefined;
      });
      const { el, host } = await mountSection<KbNews>('kb-news', { locale: 'ru' });
      host.style.cssText = 'width: 308px; padding: 0;';
      await find(el, '[part~="items"]');
      const fits = () => el.scrollWidth <= el.clientWidth + 1;
      expect(fits(), 'list').to.equal(true);
      el.articleId = 'news_1';
      await find(el, '[part~="article"]');
      expect(fits(), 'article').to.equal(true);
    } finally {
      await setViewport({ width: 1280, height: 800 });
    }
  });

  it('speaks Russian', async () => {
    api = program(3).api;
    const { el } = await mountSection<KbNews>('kb-news', { locale: 'ru' });
    await find(el, '[part~="items"]');
    expect(query(el, 'h2')!.textContent).to.equal('Новости');
    expect(query(el, '[part~="unread-count"]')!.textContent).to.equal('2 непрочитанные');
    expect(query(el, '[part~="mark-all-read"]')!.textContent).to.equal('Отметить все как прочитанные');
    expect(textOf(el)).to.contain('Подробнее');
    expect(textOf(el)).to.contain('29 ноября 2026');
    expect(items(el)[0]!.querySelector('.visually-hidden')!.textContent).to.contain('Не прочитано');
  });
});
