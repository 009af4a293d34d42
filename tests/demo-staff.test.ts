/** Lucky Spin's seeded console staff sign in with the demo password and the published TOTP secret; roles hold. */
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from '../demo/demo-operators.ts';
import { DEMO_STAFF } from '../demo/seed-staff.ts';
import { createTestApp } from './helpers/test-app.ts';
import { cookieOf, postPassword, staffRequest, TEST_ORIGIN } from './helpers/staff.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
const demo = DEMO_OPERATORS[0]!;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.deps, [], { publicUrl: 'http://kabinet.test', clicks: 300 });
});
afterAll(() => t.dispose());

async function signIn(person: (typeof DEMO_STAFF)[number]) {
  const first = await postPassword(t, demo.id, person.email, DEMO_PASSWORD);
  const { stage, challenge } = (await first.json()) as { stage: string; challenge: string };
  expect(stage).toBe('second_factor');
  const code = await generate({ secret: person.totpSecret, epoch: Math.floor(t.clock.now().getTime() / 1000) });
  const second = await t.fetchApp(`${TEST_ORIGIN}/v1/operator/sessions/second_factor`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
    body: JSON.stringify({ operatorId: demo.id, challenge, code }),
  });
  expect(second.status).toBe(200);
  return staffRequest(t, cookieOf(second)!);
}

describe('demo staff', () => {
  it('one user per role signs in with 2FA; the owner sees the staff and both keys, the viewer may not approve', async () => {
    const owner = await signIn(DEMO_STAFF[0]);
    const staff = (await (await owner('/v1/operator/staff')).json()) as {
      items: Array<{ email: string; role: string }>;
    };
    expect(staff.items.map((s) => [s.email, s.role])).toEqual(DEMO_STAFF.map((s) => [s.email, s.role]));
    const keys = (await (await owner('/v1/operator/api_keys')).json()) as { items: Array<{ name: string }> };
    expect(keys.items.map((k) => k.name)).toContain('Reporting');
    expect(keys.items.length).toBeGreaterThanOrEqual(2);

    const viewer = await signIn(DEMO_STAFF[3]);
    expect((await viewer('/v1/bills')).status).toBe(200);
    // The role gate answers before the bill is looked up.
    const approve = await viewer('/v1/bills/bill_any/state', {
      method: 'POST',
      body: JSON.stringify({ action: 'approve' }),
    });
    expect(approve.status).toBe(403);
    expect(await approve.json()).toMatchObject({ code: 'forbidden_for_role', params: { role: 'viewer' } });
  });
});
