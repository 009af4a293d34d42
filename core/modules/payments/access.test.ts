/** Who reaches payment accounts: roles, embed components, another partner, another operator. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, invitedTeamMember, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Client = Awaited<ReturnType<typeof signedInClient>>['client'];
let t: TestApp;
let op: Awaited<ReturnType<TestApp['addOperator']>>;
let partner: { partnerId: string; client: Client };

const newMethod = (kind: 'skrill') =>
  unwrap(
    op.client.v1.payment_methods.$post({
      json: { name: kind, kind, limits: [{ currency: 'EUR', min: '1', max: '9' }] },
    }),
  );
async function signedInPartner(email: string) {
  const { partnerId } = await activePartner(t, op.operator.id, email);
  return { partnerId, client: (await signedInClient(t, op.operator.id, email)).client };
}
const add = (client: Client, json: Record<string, unknown>) =>
  client.v1.partner.payment_accounts.$post({ json: json as never });
const problemOf = async (res: Response): Promise<Record<string, unknown> & { status: number }> => ({
  status: res.status,
  ...((await res.json()) as Record<string, unknown>),
});

beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Payments');
  partner = await signedInPartner('jana@example.com');
});
afterEach(() => t.dispose());

describe('roles and embed components', () => {
  it('an analyst sees the masked list but cannot add, delete or reveal', async () => {
    const method = await newMethod('skrill');
    const account = await unwrap(
      add(partner.client, { methodId: method.id, details: { kind: 'skrill', email: 'jana@example.com' } }),
    );
    const analyst = await invitedTeamMember(t, {
      operatorId: op.operator.id,
      owner: partner.client,
      email: 'ana@example.com',
      role: 'analyst',
    });
    expect((await unwrap(analyst.v1.partner.payment_accounts.$get())).data.map((a) => a.summary)).toEqual([
      'j•••@example.com',
    ]);
    const param = { accountId: account.id };
    const refused = await problemOf(
      await add(analyst, { methodId: method.id, details: { kind: 'skrill', email: 'a@b.example' } }),
    );
    expect(refused).toMatchObject({ status: 403, params: { role: 'analyst' } });
    expect((await analyst.v1.partner.payment_accounts[':accountId'].$delete({ param, json: {} })).status).toBe(403);
    expect((await analyst.v1.partner.payment_accounts[':accountId'].reveal.$post({ param, json: {} })).status).toBe(
      403,
    );
  });

  it('an embedded session without the wallet component is refused', async () => {
    const userId = (await unwrap(op.client.v1.partners.$get({ query: {} }))).data[0]!.owner!.id;
    const minted = await unwrap(op.client.v1.partner_sessions.$post({ json: { userId, components: ['profile'] } }));
    const session = await unwrap(
      t.clientFor().v1.public.operators[':operatorId'].embed_sessions.exchange.$post({
        param: { operatorId: op.operator.id },
        json: { clientSecret: minted.clientSecret },
      }),
    );
    const res = await t.fetchApp('http://kabinet.test/v1/partner/payment_accounts', {
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(await problemOf(res)).toMatchObject({ status: 403, params: { component: 'wallet' } });
  });
});

describe('isolation', () => {
  it("another partner and another operator reach none of this partner's accounts or this operator's methods", async () => {
    const method = await newMethod('skrill');
    const account = await unwrap(
      add(partner.client, { methodId: method.id, details: { kind: 'skrill', email: 'jana@example.com' } }),
    );
    const other = await signedInPartner('other@example.com');
    expect((await unwrap(other.client.v1.partner.payment_accounts.$get())).data).toEqual([]);
    const param = { accountId: account.id };
    expect((await other.client.v1.partner.payment_accounts[':accountId'].$delete({ param, json: {} })).status).toBe(
      404,
    );
    expect(
      (await other.client.v1.partner.payment_accounts[':accountId'].reveal.$post({ param, json: { code: '123456' } }))
        .status,
    ).toBe(404);

    const opB = await t.addOperator('Elsewhere');
    expect((await opB.client.v1.payment_methods[':methodId'].$get({ param: { methodId: method.id } })).status).toBe(
      404,
    );
    const patched = await opB.client.v1.payment_methods[':methodId'].$patch({
      param: { methodId: method.id },
      json: { enabled: false },
    });
    expect(patched.status).toBe(404);
    const view = await opB.client.v1.partners[':partnerId'].payment_accounts.$get({
      param: { partnerId: partner.partnerId },
    });
    expect(view.status).toBe(404);
    expect((await unwrap(opB.client.v1.payment_methods.$get())).data).toEqual([]);
    const { partnerId: _b } = await activePartner(t, opB.operator.id, 'bee@example.com');
    const bee = (await signedInClient(t, opB.operator.id, 'bee@example.com')).client;
    const stolen = await problemOf(
      await add(bee, { methodId: method.id, details: { kind: 'skrill', email: 'bee@example.com' } }),
    );
    expect(stolen).toMatchObject({ status: 422, errors: [{ path: 'body.methodId', reason: 'not_found_reference' }] });
    expect((await unwrap(partner.client.v1.partner.payment_accounts.$get())).data).toHaveLength(1);
    expect((await unwrap(op.client.v1.payment_methods.$get())).data[0]!.enabled).toBe(true);
  });
});
