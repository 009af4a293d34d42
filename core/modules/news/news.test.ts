import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePng } from '../../../demo/png.ts';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { mailsTo } from '../../../tests/helpers/mail.ts';
import { runDueJobs } from '../../jobs/outbox.ts';
import { jobs } from '../../jobs/table.ts';
import { withTenant } from '../../lib/context.ts';
import { unwrap } from '../../sdk/index.ts';
import { mailHandlers } from '../mail/service.ts';
import { notifications } from '../notifications/table.ts';
import { ANNOUNCE_NEWS_JOB } from './articles.ts';
import { announceArticle, newsHandlers } from './jobs.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let opA = '';
let keyA = '';
let aliceToken = '';
let bobToken = '';

const png = encodePng(4, 2, new Uint8Array(4 * 2 * 4).fill(200));
const gif = new TextEncoder().encode(
  'GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,',
);

async function call(path: string, init: RequestInit & { token?: string; json?: unknown } = {}) {
  const { token, json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const res = await t.fetchApp(`http://kabinet.test${path}`, {
    ...rest,
    headers,
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body: body as any };
}
const operator = (path: string, init: Parameters<typeof call>[1] = {}) => call(path, { ...init, token: keyA });
const partner = (path: string, init: Parameters<typeof call>[1] = {}, token = aliceToken) =>
  call(path, { ...init, token });

async function draft(title = 'Lucky Spin Sports is live') {
  const res = await operator('/v1/news', {
    method: 'POST',
    json: {
      title,
      excerpt: 'Sports betting joins the program.',
      bodyMarkdown: '## New\n\n<script>x</script> **bold**',
    },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string; publishedAt: string | null };
}

const runNewsJobs = () =>
  runDueJobs(
    t.deps.db,
    t.clock,
    { ...newsHandlers(t.deps), ...mailHandlers(null, 'Kabinet <no-reply@k.test>') },
    50,
    2,
  );

beforeEach(async () => {
  t = await createTestApp();
  const a = await t.addOperator('Alpha');
  opA = a.operator.id;
  keyA = a.key;
  await activePartner(t, opA, 'alice@a.example');
  await activePartner(t, opA, 'bob@a.example');
  aliceToken = (await signedInClient(t, opA, 'alice@a.example')).session.token!;
  const bob = await signedInClient(t, opA, 'bob@a.example');
  bobToken = bob.session.token!;
  // Bob turned news e-mails off in his profile.
  await unwrap(bob.client.v1.partner.profile.$patch({ json: { emailPreferences: { news: false } } }));
});
afterEach(() => t.dispose());

describe('news for partners', () => {
  it('a draft is not seen by partners; a published article is, newest first, unread until read', async () => {
    const first = await draft('First');
    expect(first.status).toBe('draft');
    expect((await partner('/v1/partner/news')).body).toEqual({ data: [], unreadCount: 0, total: 0 });
    expect((await partner(`/v1/partner/news/${first.id}`)).status).toBe(404);
    expect((await partner(`/v1/partner/news/${first.id}/read`, { method: 'POST' })).status).toBe(404);

    const published = await operator(`/v1/news/${first.id}/publish`, { method: 'POST' });
    expect(published.body.status).toBe('published');
    expect(published.body.publishedAt).toBe('2026-11-24T10:00:00.000Z');
    t.clock.set('2026-11-24T10:05:00Z');
    // Publishing again changes nothing (the date stays the first one).
    expect((await operator(`/v1/news/${first.id}/publish`, { method: 'POST' })).body.publishedAt).toBe(
      '2026-11-24T10:00:00.000Z',
    );
    const second = await draft('Second');
    await operator(`/v1/news/${second.id}/publish`, { method: 'POST' });

    const list = await partner('/v1/partner/news');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.data.map((n: { title: string; read: boolean }) => [n.title, n.read])).toEqual([
      ['Second', false],
      ['First', false],
    ]);
    expect(list.body.unreadCount).toBe(2);
    expect((await partner('/v1/partner/news?limit=1&offset=1')).body.data.map((n: { id: string }) => n.id)).toEqual([
      first.id,
    ]);

    const article = await partner(`/v1/partner/news/${first.id}`);
    // The Markdown's raw HTML is escaped; its Markdown is rendered.
    expect(article.body.html).toContain('<h2>New</h2>');
    expect(article.body.html).toContain('&lt;script&gt;');
    expect(article.body.html).not.toContain('<script>');
    expect(article.body.read).toBe(false);

    expect((await partner(`/v1/partner/news/${first.id}/read`, { method: 'POST' })).body).toEqual({ unreadCount: 1 });
    expect((await partner(`/v1/partner/news/${first.id}/read`, { method: 'POST' })).body).toEqual({ unreadCount: 1 });
    expect((await partner(`/v1/partner/news/${first.id}`)).body.read).toBe(true);
    // Read state is per user: Bob has read nothing.
    expect((await partner('/v1/partner/news', {}, bobToken)).body.unreadCount).toBe(2);
    expect((await partner('/v1/partner/news/read', { method: 'POST' })).body).toEqual({ unreadCount: 0 });
    expect((await partner('/v1/partner/news/read', { method: 'POST' })).body).toEqual({ unreadCount: 0 });
    expect((await partner('/v1/partner/news')).body.data.every((n: { read: boolean }) => n.read)).toBe(true);

    // Unpublished: gone for partners again.
    await operator(`/v1/news/${first.id}/unpublish`, { method: 'POST' });
    expect((await partner(`/v1/partner/news/${first.id}`)).status).toBe(404);
    expect((await partner('/v1/partner/news')).body.total).toBe(1);
  });

  it('edits and deletes; bad input is a 422 naming the field and changes nothing', async () => {
    const article = await draft();
    const bad = await operator(`/v1/news/${article.id}`, { method: 'PATCH', json: { title: '' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('body.title');
    const badBrand = await operator(`/v1/news/${article.id}`, { method: 'PATCH', json: { brandId: 'brand_none' } });
    expect(badBrand.status).toBe(422);
    expect(badBrand.body.errors[0]).toMatchObject({ path: 'brandId', reason: 'not_found_reference' });
    expect((await operator(`/v1/news/${article.id}`)).body.title).toBe('Lucky Spin Sports is live');
    const edited = await operator(`/v1/news/${article.id}`, { method: 'PATCH', json: { title: 'Renamed' } });
    expect(edited.body.title).toBe('Renamed');
    const preview = await operator('/v1/news/preview', { method: 'POST', json: { bodyMarkdown: '# Hi <b>x</b>' } });
    expect(preview.body).toEqual({ html: '<h1>Hi &lt;b&gt;x&lt;/b&gt;</h1>\n' });
    expect((await operator(`/v1/news/${article.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await operator(`/v1/news/${article.id}`)).status).toBe(404);
  });
});

describe('news banners', () => {
  it('stores a PNG checked by its bytes; partners get it at a public address once published', async () => {
    const article = await draft();
    const put = await operator(`/v1/news/${article.id}/banner`, {
      method: 'PUT',
      headers: { 'content-type': 'image/png' },
      body: png as Uint8Array<ArrayBuffer>,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ hasBanner: true, bannerType: 'image/png', bannerUrl: null });
    // The operator previews a draft's banner with its key.
    const preview = await operator(`/v1/news/${article.id}/banner`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual(png);

    const published = await operator(`/v1/news/${article.id}/publish`, { method: 'POST' });
    const url = new URL(published.body.bannerUrl as string);
    expect(url.pathname).toMatch(new RegExp(`^/v1/public/operators/${opA}/news/${article.id}/banner/v_`));
    const listed = await partner('/v1/partner/news');
    expect(listed.body.data[0].bannerUrl).toBe(published.body.bannerUrl);
    const image = await call(url.pathname);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('cache-control')).toContain('immutable');
    expect(image.body).toEqual(png);
    // A guessed version, and the same address once unpublished, are not found.
    expect((await call(url.pathname.replace(/banner\/.*$/, 'banner/v_guess'))).status).toBe(404);
    await operator(`/v1/news/${article.id}/unpublish`, { method: 'POST' });
    expect((await call(url.pathname)).status).toBe(404);
  });

  it('refuses other types, a claim the bytes contradict and a banner over 2 MB', async () => {
    const article = await draft();
    const upload = (body: Uint8Array, type: string) =>
      operator(`/v1/news/${article.id}/banner`, {
        method: 'PUT',
        headers: { 'content-type': type },
        body: body as Uint8Array<ArrayBuffer>,
      });
    const gifAsPng = await upload(gif, 'image/png');
    expect(gifAsPng.status).toBe(422);
    expect(gifAsPng.body.errors[0]).toMatchObject({ path: 'body', reason: 'invalid_choice' });
    const svg = await upload(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml');
    expect(svg.status).toBe(415);
    const pngAsJpeg = await upload(png, 'image/jpeg');
    expect(pngAsJpeg.status).toBe(422);
    expect(pngAsJpeg.body.errors[0]).toMatchObject({ path: 'header.content-type', params: { allowed: ['image/png'] } });
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(png);
    const tooBig = await upload(big, 'image/png');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.detail).toContain('2 MB');
    expect((await operator(`/v1/news/${article.id}`)).body.hasBanner).toBe(false);
  });
});

describe('announcing published news', () => {
  it('mails each opted-in user once and notifies partners once, however often it is published', async () => {
    const article = await draft();
    await operator(`/v1/news/${article.id}/publish`, { method: 'POST' });
    await operator(`/v1/news/${article.id}/publish`, { method: 'POST' });
    const queued = await t.deps.db.select().from(jobs).where(eq(jobs.kind, ANNOUNCE_NEWS_JOB));
    expect(queued).toHaveLength(1);
    await runNewsJobs();

    const alice = await mailsTo(t.deps.db, 'alice@a.example');
    const news = alice.filter((m) => m.template === 'news_published');
    expect(news).toHaveLength(1);
    expect(news[0]!.subject).toBe('Lucky Spin Sports is live — Alpha');
    expect(news[0]!.text).toContain(`http://kabinet.test/portal/${opA}#/news/${article.id}`);
    // Bob turned news e-mails off.
    expect((await mailsTo(t.deps.db, 'bob@a.example')).filter((m) => m.template === 'news_published')).toHaveLength(0);

    // Unpublished and published again, and the job run again by hand (a retry): nobody is mailed twice.
    await operator(`/v1/news/${article.id}/unpublish`, { method: 'POST' });
    await operator(`/v1/news/${article.id}/publish`, { method: 'POST' });
    await runNewsJobs();
    expect(await announceArticle(withTenant(t.deps, opA), { articleId: article.id })).toBe(0);
    expect((await mailsTo(t.deps.db, 'alice@a.example')).filter((m) => m.template === 'news_published')).toHaveLength(
      1,
    );
    const bells = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.operatorId, opA), eq(notifications.kind, 'news_published')));
    expect(bells.map((n) => [n.partnerId, n.link, n.params])).toEqual([
      [null, `#/news/${article.id}`, { title: 'Lucky Spin Sports is live' }],
    ]);
  });

  it('a Russian-speaking user gets it in Russian', async () => {
    const alice = await signedInClient(t, opA, 'alice@a.example');
    await unwrap(alice.client.v1.partner.profile.$patch({ json: { locale: 'ru' } }));
    const article = await draft();
    await operator(`/v1/news/${article.id}/publish`, { method: 'POST' });
    await runNewsJobs();
    const [mail] = (await mailsTo(t.deps.db, 'alice@a.example')).filter((m) => m.template === 'news_published');
    expect(mail!.locale).toBe('ru');
    expect(mail!.text).toContain('Читать новость');
  });
});
