/**
 * The demo's payment methods: each demo operator offers methods of several kinds in its brands'
 * currencies, and each demo partner signs in to find accounts of three kinds, masked, with the
 * details sealed (the secret box opens them; the stored row does not show them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from './helpers/test-app.ts';
import { manualClock } from '../core/lib/clock.ts';
import { withPartner, withTenant, type PartnerPrincipal } from '../core/lib/context.ts';
import { createSecretBox, type SecretBox } from '../core/lib/crypto.ts';
import { listPaymentAccounts } from '../core/modules/payments/accounts.ts';
import { listOfferedPaymentMethods, listPaymentMethods } from '../core/modules/payments/catalog.ts';
import { paymentAccounts } from '../core/modules/payments/table.ts';
import { DEMO_OPERATORS, seedDemo } from '../demo/seed.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
let secretBox: SecretBox;
const clock = manualClock('2026-12-02T14:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  secretBox = await createSecretBox('demo-payments-test-secret-0123456789abcdef');
  await seedDemo({ db: t.db, clock, secretBox, publicUrl: 'http://kabinet.test' }, [], {
    publicUrl: 'http://kabinet.test',
    clicks: 300,
  });
}, 120_000);
afterAll(() => t.dispose());

const ownerOf = (demo: (typeof DEMO_OPERATORS)[number]): PartnerPrincipal => ({
  operatorId: demo.id,
  partnerId: demo.partnerId,
  userId: demo.userId,
  email: demo.signInEmail,
  role: 'owner',
  sessionId: 'test',
  kind: 'password',
  transport: 'bearer',
  components: null,
});

describe('demo payment methods', () => {
  it("offers several kinds per operator, limited in its brands' currencies, one of them disabled", async () => {
    for (const demo of DEMO_OPERATORS) {
      const methods = await listPaymentMethods(withTenant({ db: t.db }, demo.id));
      expect(new Set(methods.map((m) => m.kind)).size, demo.id).toBeGreaterThanOrEqual(4);
      const brandCurrencies = new Set(demo.brands.map((b) => b.currency));
      for (const method of methods)
        for (const currency of method.currencies) expect(brandCurrencies).toContain(currency);
      const offered = await listOfferedPaymentMethods(withTenant({ db: t.db }, demo.id));
      expect(offered.length, demo.id).toBe(methods.filter((m) => m.enabled).length);
    }
    const luckySpin = await listPaymentMethods(withTenant({ db: t.db }, DEMO_OPERATORS[0]!.id));
    expect(luckySpin.find((m) => m.kind === 'webmoney')?.enabled).toBe(false);
  });

  it('gives each demo partner accounts of three kinds, masked in the list and sealed at rest', async () => {
    for (const demo of DEMO_OPERATORS) {
      const accounts = await listPaymentAccounts(withPartner({ db: t.db }, ownerOf(demo)));
      expect(new Set(accounts.map((a) => a.method.kind)).size, demo.id).toBe(3);
      for (const account of accounts) expect(account.summary).toMatch(/•{3,4}/);
      const rows = await t.db.select().from(paymentAccounts).where(eq(paymentAccounts.partnerId, demo.partnerId));
      for (const row of rows) {
        const details = JSON.parse(await secretBox.open(row.sealedDetails!)) as Record<string, string>;
        const secret = details.iban ?? details.email ?? details.address ?? details.account!;
        expect(JSON.stringify(row), row.kind).not.toContain(secret);
      }
    }
  });
});
