import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient, totpAt } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { users } from '../identity/table.ts';
import { paymentAccounts, paymentMethods } from './table.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Client = Awaited<ReturnType<typeof signedInClient>>['client'];
let t: TestApp;
let op: Awaited<ReturnType<TestApp['addOperator']>>;
let partner: { partnerId: string; client: Client };

const IBAN = 'DE89370400440532013000';
const bankDetails = {
  kind: 'bank_transfer',
  accountHolder: 'Jana Novak',
  iban: IBAN,
  bic: 'COBADEFFXXX',
  bankName: 'Commerzbank',
} as const;
const limit = (currency: string, min: string, max: string) => ({ currency, min, max });

async function newMethod(kind: 'bank_transfer' | 'skrill' | 'crypto_wallet' | 'player_account', name: string = kind) {
  return unwrap(op.client.v1.payment_methods.$post({ json: { name, kind, limits: [limit('EUR', '50', '10000')] } }));
}
async function signedInPartner(email: string) {
  const { partnerId } = await activePartner(t, op.operator.id, email);
  return { partnerId, client: (await signedInClient(t, op.operator.id, email)).client };
}
/** Turns 2FA on for the client's user and returns the secret (the confirming code's step is then spent). */
async function enableTwoFactor(client: Client) {
  const { secret } = await unwrap(client.v1.partner['2fa'].enrol.$post());
  await unwrap(client.v1.partner['2fa'].confirm.$post({ json: { code: await totpAt(t, secret) } }));
  return secret;
}
/** A code for the next 30-second step (each code is good once). */
async function nextCode(secret: string) {
  t.clock.advance(30_000);
  return totpAt(t, secret);
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

describe('operator catalog', () => {
  it('offers a method with limits per currency, changes it and lists it; amounts go in and out as decimal strings', async () => {
    const created = await unwrap(
      op.client.v1.payment_methods.$post({
        json: {
          name: 'SEPA',
          kind: 'bank_transfer',
          limits: [limit('eur', '50', '10000.5'), limit('USD', '100.00', '5000')],
        },
      }),
    );
    expect(created).toMatchObject({ kind: 'bank_transfer', currencies: ['EUR', 'USD'], enabled: true });
    expect(created.limits[0]).toEqual({ currency: 'EUR', min: '50.00', max: '10000.50' });
    const [stored] = await t.deps.db.select().from(paymentMethods).where(eq(paymentMethods.id, created.id));
    expect(stored!.limits[0]).toEqual({ currency: 'EUR', minMinor: 5000, maxMinor: 1000050 });

    const changed = await unwrap(
      op.client.v1.payment_methods[':methodId'].$patch({
        param: { methodId: created.id },
        json: { name: 'Bank transfer', limits: [limit('GBP', '20', '900')], enabled: false },
      }),
    );
    expect(changed).toMatchObject({
      name: 'Bank transfer',
      currencies: ['GBP'],
      enabled: false,
      kind: 'bank_transfer',
    });
    expect((await unwrap(op.client.v1.payment_methods.$get())).data.map((m) => m.name)).toEqual(['Bank transfer']);
    // A disabled method is not offered to partners.
    expect((await unwrap(partner.client.v1.partner.payment_methods.$get())).data).toEqual([]);
  });

  it('answers 422 naming the fields: min above max names both, a repeated currency, a kind that cannot change', async () => {
    const res = await op.client.v1.payment_methods.$post({
      json: { name: 'Skrill', kind: 'skrill', limits: [limit('EUR', '500', '100'), limit('EUR', '1', '2')] },
    });
    const problem = await problemOf(res);
    expect(problem.status).toBe(422);
    expect((problem.errors as Array<{ path: string; reason: string }>).map((e) => [e.path, e.reason])).toEqual([
      ['body.limits.0.min', 'too_big'],
      ['body.limits.0.max', 'too_small'],
      ['body.limits.1.currency', 'already_exists'],
    ]);
    const method = await newMethod('skrill');
    const patch = await problemOf(
      await op.client.v1.payment_methods[':methodId'].$patch({
        param: { methodId: method.id },
        json: { kind: 'other' } as never,
      }),
    );
    expect(patch).toMatchObject({ status: 422, errors: [{ path: 'body.kind', reason: 'unknown_field' }] });
    const duplicate = await op.client.v1.payment_methods.$post({
      json: { name: 'skrill', kind: 'neteller', limits: [limit('EUR', '1', '2')] },
    });
    expect(await problemOf(duplicate)).toMatchObject({
      status: 409,
      errors: [{ path: 'body.name', reason: 'already_exists' }],
    });
    expect(await t.deps.db.select().from(paymentMethods)).toHaveLength(1);
  });
});

describe('partner accounts', () => {
  it('adds an account, encrypted at rest, masked in every list, and logged in Activity', async () => {
    const method = await newMethod('bank_transfer', 'SEPA');
    const account = await unwrap(
      add(partner.client, { methodId: method.id, details: { ...bankDetails, iban: 'de89 3704 0044 0532 0130 00' } }),
    );
    expect(account).toMatchObject({
      method: { id: method.id, name: 'SEPA', kind: 'bank_transfer' },
      summary: '•••• 3000',
    });
    expect(account.masked).toEqual({
      accountHolder: 'J••• N•••',
      iban: '•••• 3000',
      bic: 'COBADEFFXXX',
      bankName: 'Commerzbank',
    });

    const [row] = await t.deps.db.select().from(paymentAccounts).where(eq(paymentAccounts.id, account.id));
    expect(row!.sealedDetails).toMatch(/^v1\./);
    for (const secret of [IBAN, '0532013000', 'Jana Novak']) expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.parse(await t.deps.secretBox.open(row!.sealedDetails!))).toMatchObject({ iban: IBAN });

    const listed = await unwrap(partner.client.v1.partner.payment_accounts.$get());
    expect(listed.data).toEqual([account]);
    const operatorView = await op.client.v1.partners[':partnerId'].payment_accounts.$get({
      param: { partnerId: partner.partnerId },
    });
    const text = await operatorView.text();
    expect(operatorView.status).toBe(200);
    expect(text).toContain('•••• 3000');
    expect(text).not.toContain('0532013000');

    const activity = await unwrap(partner.client.v1.partner.activity.$get({ query: { type: 'payment_method_added' } }));
    expect(activity.data.map((e) => e.detail)).toEqual([
      { method: 'SEPA', account: '•••• 3000', accountId: account.id },
    ]);
  });

  it('answers 422 naming the field for bad details, the wrong kind, a method not offered and an unknown brand', async () => {
    const bank = await newMethod('bank_transfer');
    const players = await newMethod('player_account');
    const expectProblem = async (json: Record<string, unknown>, path: string, reason: string) => {
      const problem = await problemOf(await add(partner.client, json));
      expect(problem.status, path).toBe(422);
      expect(problem.errors, path).toEqual([expect.objectContaining({ path, reason })]);
    };
    await expectProblem(
      { methodId: bank.id, details: { ...bankDetails, iban: 'DE89370400440532013001' } },
      'body.details.iban',
      'invalid_format',
    );
    await expectProblem(
      { methodId: bank.id, details: { kind: 'skrill', email: 'jana@example.com' } },
      'body.details.kind',
      'invalid_choice',
    );
    await expectProblem({ methodId: 'pm_nope', details: bankDetails }, 'body.methodId', 'not_found_reference');
    await expectProblem({ methodId: bank.id, details: { kind: 'paypal' } }, 'body.details.kind', 'invalid_choice');
    await expectProblem({ methodId: bank.id, details: {} }, 'body.details.kind', 'required');
    await expectProblem(
      { methodId: players.id, details: { kind: 'player_account', brandId: 'brand_nope', playerId: 'p-1' } },
      'body.details.brandId',
      'not_found_reference',
    );
    await unwrap(
      op.client.v1.payment_methods[':methodId'].$patch({ param: { methodId: bank.id }, json: { enabled: false } }),
    );
    await expectProblem({ methodId: bank.id, details: bankDetails }, 'body.methodId', 'not_found_reference');
    expect(await t.deps.db.select().from(paymentAccounts)).toEqual([]);
  });

  it('keeps one account per method, also when two adds race: one 201, one clear 409; after a delete a new one fits', async () => {
    const method = await newMethod('skrill');
    const json = { methodId: method.id, details: { kind: 'skrill', email: 'jana@example.com' } };
    const raced = await Promise.all([add(partner.client, json), add(partner.client, json)]);
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = await problemOf(raced.find((r) => r.status === 409)!);
    expect(refused).toMatchObject({ code: 'conflict', params: { resource: 'payment_account', state: 'exists' } });
    expect(refused.errors).toEqual([expect.objectContaining({ path: 'body.methodId', reason: 'already_exists' })]);
    expect(await t.deps.db.select().from(paymentAccounts)).toHaveLength(1);
    const events = await unwrap(partner.client.v1.partner.activity.$get({ query: { type: 'payment_method_added' } }));
    expect(events.data).toHaveLength(1);

    const [first] = (await unwrap(partner.client.v1.partner.payment_accounts.$get())).data;
    await unwrap(
      partner.client.v1.partner.payment_accounts[':accountId'].$delete({ param: { accountId: first!.id }, json: {} }),
    );
    const [deleted] = await t.deps.db.select().from(paymentAccounts).where(eq(paymentAccounts.id, first!.id));
    expect(deleted).toMatchObject({ sealedDetails: null, deletedByUserId: expect.any(String) });
    const again = await unwrap(add(partner.client, { ...json, details: { kind: 'skrill', email: 'new@example.com' } }));
    expect(again.masked).toEqual({ email: 'n•••@example.com' });
    expect((await unwrap(partner.client.v1.partner.payment_accounts.$get())).data.map((a) => a.id)).toEqual([again.id]);
  });

  it('reveals the details only with 2FA on and a fresh code; wrong codes count toward the lockout', async () => {
    const method = await newMethod('crypto_wallet');
    const address = '0x52908400098527886E0F7030069857D2E4169EE7';
    const account = await unwrap(
      add(partner.client, { methodId: method.id, details: { kind: 'crypto_wallet', coin: 'ETH', address } }),
    );
    expect(account.summary).toBe('ETH •••• 9EE7');
    const reveal = (code?: string) =>
      partner.client.v1.partner.payment_accounts[':accountId'].reveal.$post({
        param: { accountId: account.id },
        json: code ? { code } : {},
      });
    expect(await problemOf(await reveal('123456'))).toMatchObject({
      status: 403,
      params: { resource: 'two_factor', state: 'off' },
    });

    const secret = await enableTwoFactor(partner.client);
    expect(await problemOf(await reveal())).toMatchObject({
      status: 422,
      errors: [{ path: 'body.code', reason: 'required' }],
    });
    const wrong = String((Number(await nextCode(secret)) + 1) % 1_000_000).padStart(6, '0');
    expect(await problemOf(await reveal(wrong))).toMatchObject({
      status: 422,
      errors: [{ path: 'body.code', reason: 'wrong_code' }],
    });
    const [user] = await t.deps.db.select().from(users).where(eq(users.email, 'jana@example.com'));
    expect(user!.failedSignIns).toBe(1);
    const failed = await unwrap(partner.client.v1.partner.activity.$get({ query: { type: 'sign_in_failed' } }));
    expect(failed.data[0]!.detail).toMatchObject({ action: 'financial', failures: 1 });

    const code = await totpAt(t, secret);
    const shown = await unwrap(reveal(code));
    expect(shown.details).toEqual({ kind: 'crypto_wallet', coin: 'ETH', address });
    expect(await problemOf(await reveal(code))).toMatchObject({ status: 422, errors: [{ reason: 'wrong_code' }] });
  });

  it('asks for a 2FA code to add or delete when 2FA is on', async () => {
    const method = await newMethod('skrill');
    const secret = await enableTwoFactor(partner.client);
    const json = { methodId: method.id, details: { kind: 'skrill', email: 'jana@example.com' } };
    expect(await problemOf(await add(partner.client, json))).toMatchObject({
      status: 422,
      errors: [{ path: 'body.code' }],
    });
    expect(await t.deps.db.select().from(paymentAccounts)).toEqual([]);
    const account = await unwrap(add(partner.client, { ...json, code: await nextCode(secret) }));

    const remove = (body: { code?: string }) =>
      partner.client.v1.partner.payment_accounts[':accountId'].$delete({
        param: { accountId: account.id },
        json: body,
      });
    expect((await remove({})).status).toBe(422);
    await unwrap(remove({ code: await nextCode(secret) }));
    expect((await unwrap(partner.client.v1.partner.payment_accounts.$get())).data).toEqual([]);
    const deleted = await unwrap(
      partner.client.v1.partner.activity.$get({ query: { type: 'payment_method_deleted' } }),
    );
    expect(deleted.data.map((e) => e.detail)).toEqual([
      { method: 'skrill', account: 'j•••@example.com', accountId: account.id },
    ]);
  });

  it('deletes without a body when 2FA is off', async () => {
    const method = await newMethod('skrill');
    const account = await unwrap(
      add(partner.client, { methodId: method.id, details: { kind: 'skrill', email: 'jana@example.com' } }),
    );
    const token = (await signedInClient(t, op.operator.id, 'jana@example.com')).session.token!;
    const res = await t.fetchApp(`http://kabinet.test/v1/partner/payment_accounts/${account.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(await t.deps.db.select().from(paymentAccounts).where(eq(paymentAccounts.id, account.id))).toMatchObject([
      { sealedDetails: null },
    ]);
  });

  it('logs a delete in the same batch, once: of three racing deletes every answer is 200 or 404 and one entry is written', async () => {
    const method = await newMethod('skrill');
    const account = await unwrap(
      add(partner.client, { methodId: method.id, details: { kind: 'skrill', email: 'jana@example.com' } }),
    );
    const token = (await signedInClient(t, op.operator.id, 'jana@example.com')).session.token!;
    const remove = () =>
      t.fetchApp(`http://kabinet.test/v1/partner/payment_accounts/${account.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
    const statuses = (await Promise.all([remove(), remove(), remove()])).map((r) => r.status);
    expect(statuses.filter((s) => s !== 200 && s !== 404)).toEqual([]);
    expect(statuses).toContain(200);
    const logged = await unwrap(partner.client.v1.partner.activity.$get({ query: { type: 'payment_method_deleted' } }));
    expect(logged.data).toHaveLength(1);
    expect((await remove()).status).toBe(404);
  });
});
