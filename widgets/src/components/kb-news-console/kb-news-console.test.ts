import { html } from 'lit';
import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { $in, afterEach, cleanupFixtures, describe, fixture, it, waitFor } from '../../internal/test-helpers.ts';
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
import { KbNewsConsole } from './kb-news-console.ts';
import type { ConsoleArticle } from './news-editor.ts';

define('kb-news-console', KbNewsConsole);

const BASE = `${API}/admin/kabinet`;
const P = '/admin/kabinet/v1';
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const article = (over: Partial<ConsoleArticle> = {}): ConsoleArticle => ({
  id: 'news_draft',
  title: 'World Cup RevShare boost',
  excerpt: '+10% RevShare on sports traffic during the World Cup.',
  bodyMarkdown: '## Terms\n\n- Sports only',
  status: 'draft',
  publishedAt: null,
  brand: null,
  hasBanner: false,
  bannerType: null,
  bannerUrl: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

function consoleApi(extra: (method: string, path: string, body: unknown) => Response | undefined = () => undefined) {
  const articles = [
    article(),
    article({
      id: 'news_pub',
      title: 'Lucky Spin Sports is live',
      status: 'published',
      publishedAt: '2026-10-20T09:00:00.000Z',
      brand: { id: 'brand_sport', name: 'Lucky Spin Sports' },
      hasBanner: true,
      bannerType: 'image/png',
    }),
  ];
  return mockApi(({ method, path, body }) => {
    const answer = extra(method, path, body);
    if (answer) return answer;
    if (method === 'GET' && path === `${P}/news`) return json({ data: articles });
    if (method === 'GET' && path === `${P}/brands`)
      return json({ data: [{ id: 'brand_sport', name: 'Lucky Spin Sports', currency: 'EUR', websiteUrl: null }] });
    return undefined;
  });
}

async function mounted(locale = 'en') {
  const el = await fixture<KbNewsConsole>(html`<kb-news-console api-base=${BASE} locale=${locale}></kb-news-console>`);
  await find(el, '[part~="articles"]');
  return el;
}

describe('<kb-news-console>', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('lists articles with their status, and publishes a draft', async () => {
    let published = false;
    api = consoleApi((method, path) =>
      method === 'POST' && path === `${P}/news/news_draft/publish`
        ? ((published = true), json(article({ status: 'published', publishedAt: '2026-11-24T10:00:00.000Z' })))
        : undefined,
    );
    const el = await mounted();
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="article-row"]')];
    expect(rows.map((r) => r.dataset.articleId)).to.deep.equal(['news_draft', 'news_pub']);
    expect(text(rows[0]!.querySelector('[part~="state-badge"]'))).to.equal('Draft');
    expect(text(rows[1]!.querySelector('[part~="state-badge"]'))).to.equal('Published');
    expect(text(rows[1]!.querySelector('[part~="brand"]'))).to.equal('Lucky Spin Sports');
    expect(rows[1]!.querySelector('[part~="unpublish"]')).not.to.equal(null);
    rows[0]!.querySelector<HTMLButtonElement>('[part~="publish"]')!.click();
    await waitFor(() => published, 2000, 'publish');
    await waitFor(() => text(query(el, '[part~="notice"]')).includes('is published'), 2000, 'notice');
  });

  it('writes a new article, previews its Markdown, and uploads the banner after saving', async () => {
    let created: unknown = null;
    let bannerType = '';
    api = consoleApi((method, path, body) => {
      if (method === 'POST' && path === `${P}/news/preview`)
        return json({ html: '<h2>Terms</h2><ul><li>Sports only</li></ul>' });
      if (method === 'POST' && path === `${P}/news`) {
        created = body;
        return json(article({ id: 'news_new', title: 'New payment method' }), 201);
      }
      if (method === 'PUT' && path === `${P}/news/news_new/banner`) {
        bannerType = 'sent';
        return json(article({ id: 'news_new', hasBanner: true }));
      }
      return undefined;
    });
    const el = await mounted();
    query<HTMLButtonElement>(el, '[part~="new"]')!.click();
    await find(el, '[part~="editor"]');
    fill($in<HTMLInputElement>(el, '#news-title'), 'New payment method');
    const excerpt = $in<HTMLTextAreaElement>(el, '#news-excerpt');
    excerpt.value = 'USDT payouts are here.';
    const body = $in<HTMLTextAreaElement>(el, '#news-body');
    body.value = '## Terms\n\n- Sports only';
    const [, previewTab] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="tab"]')];
    previewTab!.click();
    const preview = await find(el, '[part~="preview"] h2');
    expect(preview.textContent).to.equal('Terms');
    expect(api.sent(`POST ${P}/news/preview`)[0]!.body).to.deep.equal({ bodyMarkdown: '## Terms\n\n- Sports only' });
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'banner.png', { type: 'image/png' });
    const input = $in<HTMLInputElement>(el, '#news-banner');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    input.files = transfer.files;
    $in<HTMLFormElement>(el, 'form').requestSubmit();
    await waitFor(() => bannerType === 'sent', 2000, 'banner upload');
    expect(created).to.deep.equal({
      title: 'New payment method',
      excerpt: 'USDT payouts are here.',
      bodyMarkdown: '## Terms\n\n- Sports only',
      brandId: null,
    });
    await waitFor(() => query(el, '[part~="editor"]') === null, 2000, 'form closed');
  });

  it('shows a refused banner next to its field, on the saved article', async () => {
    api = consoleApi((method, path) => {
      if (method === 'PATCH' && path === `${P}/news/news_draft`) return json(article());
      if (method === 'PUT' && path === `${P}/news/news_draft/banner`)
        return problem(422, 'validation_failed', 'body: is not a PNG, JPEG or WebP image', [
          { path: 'body', reason: 'invalid_choice', params: { allowed: ['image/png'] }, message: 'is not an image' },
        ]);
      return undefined;
    });
    const el = await mounted();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-article-id="news_draft"] [part~="edit"]')!.click();
    await find(el, '[part~="editor"]');
    expect($in<HTMLInputElement>(el, '#news-title').value).to.equal('World Cup RevShare boost');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['GIF89a'], 'x.gif', { type: 'image/gif' }));
    $in<HTMLInputElement>(el, '#news-banner').files = transfer.files;
    $in<HTMLFormElement>(el, 'form').requestSubmit();
    const error = await find(el, '#news-body-error');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(query(el, '[part~="editor"]')).not.to.equal(null);
  });

  it('deletes only after a confirmation', async () => {
    let deleted = false;
    api = consoleApi((method, path) =>
      method === 'DELETE' && path === `${P}/news/news_pub`
        ? ((deleted = true), new Response(null, { status: 204 }))
        : undefined,
    );
    const el = await mounted();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-article-id="news_pub"] [part~="delete"]')!.click();
    const confirm = await find(el, '[part~="confirm"]');
    expect(text(confirm)).to.contain('Delete “Lucky Spin Sports is live” for good?');
    expect(deleted).to.equal(false);
    confirm.querySelector<HTMLButtonElement>('[part~="confirm-delete"]')!.click();
    await waitFor(() => deleted, 2000, 'delete');
  });

  it('speaks Russian', async () => {
    api = consoleApi();
    const el = await mounted('ru');
    expect(text(query(el, 'h2'))).to.equal('Новости');
    expect(text(query(el, '[part~="new"]'))).to.equal('Новая статья');
    expect(text(query(el, '[data-article-id="news_draft"] [part~="state-badge"]'))).to.equal('Черновик');
    expect(text(query(el, '[data-article-id="news_pub"] [part~="unpublish"]'))).to.equal('Снять с публикации');
  });
});
