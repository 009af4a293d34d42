/** The demo operator's partners: every status for the console's Partners panel, fresh sign-ups waiting, found by search. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './helpers/test-app.ts';
import { manualClock } from '../core/lib/clock.ts';
import { withTenant, type TenantContext } from '../core/lib/context.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { searchPartners } from '../core/modules/identity/partner-search.ts';
import { getPartnerDetail } from '../core/modules/identity/partner-detail.ts';
import { DEMO_OPERATORS, seedDemo } from '../demo/seed.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
const clock = manualClock('2026-12-02T14:00:00Z');
let ctx: TenantContext;

beforeAll(async () => {
  t = await createTestDb();
  const secretBox = await createSecretBox('demo-partners-test-secret-0123456789abcdef');
  await seedDemo({ db: t.db, clock, secretBox, publicUrl: 'http://kabinet.test' }, [], {
    publicUrl: 'http://kabinet.test',
    clicks: 300,
  });
  ctx = withTenant({ db: t.db, clock } as never, DEMO_OPERATORS[0]!.id) as TenantContext;
}, 120_000);
afterAll(() => t.dispose());

describe('demo partners', () => {
  it('Lucky Spin has partners in every status, the newest pending sign-ups first', async () => {
    const pending = await searchPartners(ctx, { status: 'pending', sort: 'newest', offset: 0 });
    expect(pending.counts.active).toBeGreaterThan(0);
    expect(pending.counts.rejected).toBeGreaterThan(0);
    expect(pending.counts.blocked).toBeGreaterThan(0);
    expect(pending.total).toBeGreaterThanOrEqual(3);
    expect(pending.data.slice(0, 2).map((p) => p.name)).toEqual(['Азарт Медиа', 'Bet Insider Brasil']);
    expect(pending.data[0]!.owner?.email).toBe('aigerim@azart-media.example');
  });

  it('finds the Cyrillic sign-up in lower case and shows its messenger and sign-up in its history', async () => {
    const found = await searchPartners(ctx, { q: 'азарт', sort: 'newest', offset: 0 });
    expect(found.data.map((p) => p.name)).toEqual(['Азарт Медиа']);
    const detail = await getPartnerDetail(ctx, found.data[0]!.id);
    expect(detail.messenger).toBe('Telegram @azart_media');
    expect(detail.locale).toBe('ru');
    expect(detail.history.map((h) => [h.type, h.to])).toEqual([['signed_up', 'pending']]);
    expect(detail.team.map((u) => [u.name, u.role])).toEqual([['Айгерим Сарсенова', 'owner']]);
  });
});
