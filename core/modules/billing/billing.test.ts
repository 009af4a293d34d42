import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { partnerWithCampaign } from '../../../tests/helpers/campaign.ts';
import { unwrap } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { runBilling } from './run-billing.ts';
import { bills, billLines, qualifications } from './table.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let world: Awaited<ReturnType<typeof partnerWithCampaign>>;

beforeEach(async () => {
  t = await createTestApp(); // 2026-11-24T10:00Z
  world = await partnerWithCampaign(t, { promoCode: 'WELCOME' });
});
afterEach(() => t.dispose());

const send = (events: unknown[]) => unwrap(world.op.client.v1.events.$post({ json: { events } }));
const event = (id: string, type: string, player: string, at: string, amount?: string) => ({
  id,
  type,
  playerId: player,
  brand: world.brandId,
  promoCode: 'WELCOME',
  occurredAt: at,
  ...(amount && { amount, currency: 'EUR' }),
});

describe('billing', () => {
  it('qualifies a depositing player and bills the CPA once', async () => {
    await send([
      event('r1', 'registration', 'p1', '2026-11-25T10:00:00Z'),
      event('d1', 'first_deposit', 'p1', '2026-11-26T10:00:00Z', '50'),
      event('r2', 'registration', 'p2', '2026-11-25T11:00:00Z'),
    ]);
    t.clock.set(new Date('2026-12-02T10:00:00Z'));
    const ctx = withTenant(t.deps, world.op.operator.id);
    const first = await runBilling(ctx);
    expect(first).toMatchObject({ qualified: 1, issued: 1 });
    const again = await runBilling(ctx);
    expect(again).toMatchObject({ qualified: 0, issued: 0 });
    expect(await t.deps.db.select().from(qualifications)).toHaveLength(1);
    const [bill] = await t.deps.db.select().from(bills);
    expect(bill).toMatchObject({
      issuedMinor: 10000,
      periodStart: '2026-11-24',
      periodEnd: '2026-12-01',
      state: 'pending',
    });
    const lines = await t.deps.db.select().from(billLines);
    expect(lines).toMatchObject([{ kind: 'cpa', quantity: 1, amountMinor: 10000 }]);
  });
});
