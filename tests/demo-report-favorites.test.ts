/**
 * The demo partner's three report favorites: a relative one by day, a fixed month by campaign in EUR,
 * three fixed months' earnings by month in EUR; all run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './helpers/test-app.ts';
import { manualClock } from '../core/lib/clock.ts';
import { withPartner, type PartnerContext } from '../core/lib/context.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { exportFavorite, listFavorites } from '../core/modules/report-favorites/service.ts';
import { DEMO_OPERATORS, seedDemo } from '../demo/seed.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
const clock = manualClock('2026-12-02T14:00:00Z');
const demo = DEMO_OPERATORS[0]!;
let ctx: PartnerContext;

beforeAll(async () => {
  t = await createTestDb();
  const secretBox = await createSecretBox('demo-favorites-test-secret-0123456789abcdef');
  await seedDemo({ db: t.db, clock, secretBox, publicUrl: 'http://kabinet.test' }, [], {
    publicUrl: 'http://kabinet.test',
    clicks: 300,
  });
  ctx = withPartner(
    { db: t.db, clock },
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

describe('demo report favorites', () => {
  it('the demo partner has a relative favorite by day, a fixed month by campaign and months of earnings in EUR; all run', async () => {
    const favorites = await listFavorites(ctx);
    expect(favorites.map((f) => [f.name, f.query.period, f.query.groupBy, f.query.currency ?? null])).toEqual([
      ['Earnings September – November 2026 in EUR', 'custom', 'month', 'EUR'],
      ['November 2026 by campaign in EUR', 'custom', 'campaign', 'EUR'],
      ['Last 30 days by day', 'last_30_days', 'day', null],
    ]);
    expect(favorites[0]!.query).toMatchObject({ from: '2026-09-01', to: '2026-11-30' });
    expect(favorites[1]!.query).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    for (const favorite of favorites) {
      const file = await exportFavorite(ctx, { favoriteId: favorite.id, format: 'json', bom: false });
      const report = JSON.parse(await new Response(file.body).text()) as {
        rows: unknown[];
        currency: { mode: string };
      };
      expect(report.rows.length).toBeGreaterThan(0);
      expect(report.currency.mode).toBe(favorite.query.currency ? 'converted' : 'each');
    }
  });
});
