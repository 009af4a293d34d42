/**
 * The demo's terms and sign-up fields: Lucky Spin has v1 and the current v2 (with a summary of
 * changes), every demo user who can sign in has accepted v2 (so demo sign-ins go straight to the
 * portal), and its three extra fields are answered by the demo partners.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './helpers/test-app.ts';
import { manualClock } from '../core/lib/clock.ts';
import { createSecretBox } from '../core/lib/crypto.ts';
import { withTenant, type TenantContext } from '../core/lib/context.ts';
import { findUserByEmail } from '../core/modules/identity/users.ts';
import { findTermsToAccept } from '../core/modules/terms/acceptance.ts';
import { listTermsAcceptances, listTermsVersions } from '../core/modules/terms/service.ts';
import { listRegistrationFields } from '../core/modules/registration-fields/service.ts';
import { getPartnerFieldsForOperator } from '../core/modules/registration-fields/values.ts';
import { users } from '../core/modules/identity/table.ts';
import { DEMO_OPERATORS, seedDemo } from '../demo/seed.ts';
import { PENDING_SIGN_UPS } from '../demo/seed-partners.ts';

let t: Awaited<ReturnType<typeof createTestDb>>;
const clock = manualClock('2026-12-02T14:00:00Z');
const [lucky, northwind] = DEMO_OPERATORS as unknown as [(typeof DEMO_OPERATORS)[0], (typeof DEMO_OPERATORS)[0]];
let tenant: TenantContext;

beforeAll(async () => {
  t = await createTestDb();
  const secretBox = await createSecretBox('demo-terms-test-secret-0123456789abcdef');
  const deps = { db: t.db, clock, secretBox, publicUrl: 'http://kabinet.test' };
  await seedDemo(deps as Parameters<typeof seedDemo>[0], [], { publicUrl: 'http://kabinet.test', clicks: 300 });
  tenant = withTenant({ ...deps, maxBoundParams: 100 } as unknown as TenantContext, lucky.id);
}, 120_000);
afterAll(() => t.dispose());

describe('demo terms', () => {
  it('has v1 and the current v2 with a summary of changes, accepted by every user who can sign in', async () => {
    const list = await listTermsVersions(tenant);
    expect(list.data.map((v) => [v.version, v.current, v.publishedAt.slice(0, 10)])).toEqual([
      [2, true, '2026-10-28'],
      [1, false, '2026-07-05'],
    ]);
    expect(list.data[0]!.summaryOfChanges).toContain('weekly');
    // Everyone who must accept v2 has: the console reads "N of N".
    expect(list.signInUsers).toBeGreaterThan(5);
    expect(list.data[0]!.acceptanceCount).toBe(list.signInUsers);
    const everyone = await t.db.select({ id: users.id, operatorId: users.operatorId }).from(users);
    for (const user of everyone.filter((u) => u.operatorId === lucky.id)) {
      const found = await findTermsToAccept(tenant, { userId: user.id });
      // Only the users of rejected and blocked partners (who cannot sign in) stopped at v1.
      if (found) expect(found.version).toBe(2);
    }
    for (const email of [lucky.signInEmail, PENDING_SIGN_UPS[0]!.email]) {
      const found = await findUserByEmail(tenant, email);
      expect(await findTermsToAccept(tenant, { userId: found!.user.id }), email).toBeNull();
    }
    const acceptances = await listTermsAcceptances(tenant, { versionId: list.data[0]!.id, limit: 500, offset: 0 });
    expect(acceptances.total).toBe(list.signInUsers);
    const first = acceptances.data.at(-1)!;
    expect(first.email).toMatch(/@/);
    expect(first.ip).toMatch(/^203\.0\.113\./);
    expect(first.userAgent).toContain('Mozilla/5.0');
    // The other demo operator publishes no terms: its users are never held.
    const other = withTenant(tenant, northwind.id);
    expect((await listTermsVersions(other)).data).toEqual([]);
  });

  it('asks three extra sign-up fields, answered by the demo partners', async () => {
    const fields = await listRegistrationFields(tenant);
    expect(fields.map((f) => [f.key, f.kind, f.required])).toEqual([
      ['traffic_source', 'select', true],
      ['website_url', 'text', false],
      ['newsletter', 'checkbox', false],
    ]);
    const answers = await getPartnerFieldsForOperator(tenant, lucky.partnerId);
    expect(answers.fields.map((f) => [f.key, f.value])).toEqual([
      ['traffic_source', 'seo'],
      ['website_url', 'https://slothuntersmedia.example'],
      ['newsletter', true],
    ]);
  });
});
