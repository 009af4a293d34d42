/** The demo's news: five Lucky Spin articles over the last months with real PNG banners, the newest unread and announced. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './helpers/test-app.ts';
import { manualClock } from '../core/lib/clock.ts';
import { withPartner, type PartnerContext } from '../core/lib/context.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { detectFileType } from '../core/lib/file-signature.ts';
import { jobs } from '../core/jobs/table.ts';
import { ANNOUNCE_NEWS_JOB, openArticleBanner } from '../core/modules/news/articles.ts';
import { getPartnerNewsArticle, listPartnerNews } from '../core/modules/news/partner-news.ts';
import { notifications } from '../core/modules/notifications/table.ts';
import { createDirectoryFileStore } from '../edge/file-store.ts';
import { DEMO_OPERATORS, seedDemo } from '../demo/seed.ts';
import { BANNER_HEIGHT, BANNER_WIDTH } from '../demo/news-banners.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
const clock = manualClock('2026-12-02T14:00:00Z');
const demo = DEMO_OPERATORS[0]!;
const files = () => createDirectoryFileStore(t.filesDir);
const base = { publicUrl: 'http://kabinet.test' };
let reader: PartnerContext;

beforeAll(async () => {
  t = await createTestDb();
  const secretBox = await createSecretBox('demo-news-test-secret-0123456789abcdef');
  await seedDemo({ db: t.db, clock, secretBox, ...base, files: files() } as Parameters<typeof seedDemo>[0], [], {
    publicUrl: 'http://kabinet.test',
    clicks: 300,
  });
  reader = withPartner(
    { db: t.db, clock, ...base, maxBoundParams: 100 },
    {
      operatorId: demo.id,
      partnerId: demo.partnerId,
      userId: demo.userId,
      email: demo.signInEmail,
      role: 'owner',
      sessionId: 'test',
      kind: 'password',
      transport: 'bearer',
      components: null,
    },
  ) as unknown as PartnerContext;
}, 120_000);
afterAll(() => t.dispose());

describe('demo news', () => {
  it('shows five published articles newest first, over the last months, only the newest unread', async () => {
    const list = await listPartnerNews(reader, { limit: 10, offset: 0 });
    expect(list.total).toBe(5);
    expect(list.unreadCount).toBe(1);
    expect(list.data.map((n) => [n.publishedAt.slice(0, 10), n.read])).toEqual([
      ['2026-11-30', false],
      ['2026-11-20', true],
      ['2026-11-02', true],
      ['2026-10-11', true],
      ['2026-09-09', true],
    ]);
    expect(list.data[0]!.title).toBe('World Cup RevShare boost: +10% on sports traffic');
    expect(list.data[0]!.brand).toEqual({ id: 'brand_demo_ls_sport', name: 'Lucky Spin Sport' });
    expect(list.data.some((n) => /[а-я]/i.test(n.title))).toBe(true);
    const article = await getPartnerNewsArticle(reader, list.data[0]!.id);
    expect(article.html).toContain('<h2>+10% RevShare during the World Cup</h2>');
  });

  it('gives every article a real PNG banner at its public address', async () => {
    const list = await listPartnerNews(reader, { limit: 10, offset: 0 });
    for (const item of list.data) {
      const version = item.bannerUrl!.split('/').pop()!;
      expect(item.bannerUrl).toMatch(
        new RegExp(`^http://kabinet.test/v1/public/operators/${demo.id}/news/${item.id}/banner/`),
      );
      const found = await openArticleBanner(
        { db: t.db, operatorId: demo.id, files: files() },
        { articleId: item.id, bannerVersion: version },
      );
      const bytes = new Uint8Array(await new Response(found!.file.body).arrayBuffer());
      expect(found!.contentType).toBe('image/png');
      expect(await detectFileType(bytes)).toEqual({ mime: 'image/png', ext: 'png' });
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([BANNER_WIDTH, BANNER_HEIGHT]);
      expect(bytes.byteLength).toBeLessThan(2 * 1024 * 1024);
    }
  });

  it('announces only the newest: one bell and one mail job, the older ones imported quietly', async () => {
    const queued = await t.db.select().from(jobs).where(eq(jobs.kind, ANNOUNCE_NEWS_JOB));
    const list = await listPartnerNews(reader, { limit: 10, offset: 0 });
    expect(queued.map((j) => (j.payload as { articleId: string }).articleId)).toEqual([list.data[0]!.id]);
    const bells = await t.db.select().from(notifications).where(eq(notifications.kind, 'news_published'));
    expect(bells.map((n) => n.link)).toEqual([`#/news/${list.data[0]!.id}`]);
  });
});
