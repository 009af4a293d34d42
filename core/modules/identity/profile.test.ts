import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

// Found by the API fuzzer: a PATCH that changed no user column asked drizzle for an empty UPDATE (500).
it('takes an empty profile PATCH and one that only changes the account', async () => {
  const op = await t.addOperator('Lucky');
  await activePartner(t, op.operator.id, 'owner@example.com');
  const { client } = await signedInClient(t, op.operator.id, 'owner@example.com');
  const before = await unwrap(client.v1.partner.profile.$get());
  expect(await unwrap(client.v1.partner.profile.$patch({ json: {} }))).toEqual(before);
  const after = await unwrap(client.v1.partner.profile.$patch({ json: { company: 'Renamed GmbH' } }));
  expect(after.partner.company).toBe('Renamed GmbH');
  expect(t.errors).toEqual([]);
});
