import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { PASSWORD, signedInClient, totpAt } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { withTenant } from '../../lib/context.ts';
import { decideOnPartner } from '../identity/partner-admin.ts';
import { exportCashOuts } from './export-cash-outs.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
type Operator = Awaited<ReturnType<TestApp['addOperator']>>;
let t: TestApp;
let a: Operator;
let b: Operator;

const HOSTILE_NAME = '=HYPERLINK("http://evil.example","Партнёр, ООО")';
const HOSTILE_LABEL = '@SUM(1+1)*cmd|"/C calc"!A0';
const HOSTILE_DETAILS = '+7 (495) 123-45-67, "Альфа"\nСчёт 40817810';
const IBAN = 'DE89370400440532013000';

/** A reader of RFC 4180, as a spreadsheet reads the file: rows of cells by the header's names. */
function readCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') {
      rows.at(-1)!.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      rows.at(-1)!.push(cell);
      rows.push([]);
      cell = '';
      i++;
    } else cell += ch;
  }
  const [header, ...body] = rows.filter((r) => r.length > 0);
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

/** A partner (named `company`) with 2FA on, one account for `methodId`, 500 EUR available and a cash-out of each amount. */
async function partnerWithCashOuts(
  op: Operator,
  input: { email: string; company: string; methodId: string; details: Record<string, string>; amounts: string[] },
) {
  const { partnerId } = await unwrap(
    t.clientFor().v1.public.operators[':operatorId'].sign_up.$post({
      param: { operatorId: op.operator.id },
      json: {
        name: 'Owner',
        email: input.email,
        password: PASSWORD,
        country: 'DE',
        acceptTerms: true,
        company: input.company,
      },
    }),
  );
  await decideOnPartner(withTenant(t.deps, op.operator.id), { partnerId, decision: 'approve' });
  const { client } = await signedInClient(t, op.operator.id, input.email);
  const me = client.v1.partner;
  const code = async () => {
    t.clock.advance(30_000);
    return totpAt(t, secret);
  };
  const { secret } = await unwrap(me['2fa'].enrol.$post());
  await unwrap(me['2fa'].confirm.$post({ json: { code: await code() } }));
  const account = await unwrap(
    me.payment_accounts.$post({
      json: { methodId: input.methodId, details: input.details as never, code: await code() },
    }),
  );
  await unwrap(
    op.client.v1.partners[':partnerId'].wallet.corrections.$post({
      param: { partnerId },
      json: { action: 'add', amount: '500', currency: 'EUR', comment: 'Start', idempotencyKey: 'start' },
    }),
  );
  const ids: string[] = [];
  for (const amount of input.amounts) {
    const json = { currency: 'EUR', paymentAccountId: account.id, amount, code: await code(), idempotencyKey: amount };
    ids.push((await unwrap(me.wallet.cash_outs.$post({ json }))).id);
  }
  return { partnerId, ids, accountId: account.id, me, code };
}

const method = (op: Operator, name: string, kind: 'bank_transfer' | 'other') =>
  unwrap(
    op.client.v1.payment_methods.$post({
      json: { name, kind, limits: [{ currency: 'EUR', min: '10', max: '1000' }] },
    }),
  );
const download = (op: Operator, query: Record<string, string> = {}) =>
  op.client.v1.cash_outs.export.$get({ query: query as never });
const rowsOf = async (res: Response) => readCsv((await res.text()).replace(/^\uFEFF/, ''));

let hostile: Awaited<ReturnType<typeof partnerWithCashOuts>>;
let plain: Awaited<ReturnType<typeof partnerWithCashOuts>>;
let theirs: Awaited<ReturnType<typeof partnerWithCashOuts>>;

beforeAll(async () => {
  t = await createTestApp();
  a = await t.addOperator('Cash A');
  b = await t.addOperator('Cash B');
  const sepa = await method(a, 'SEPA', 'bank_transfer');
  const other = await method(a, 'Наличные', 'other');
  hostile = await partnerWithCashOuts(a, {
    email: 'hostile@example.com',
    company: HOSTILE_NAME,
    methodId: other.id,
    details: { kind: 'other', label: HOSTILE_LABEL, details: HOSTILE_DETAILS },
    amounts: ['25.50', '40'],
  });
  plain = await partnerWithCashOuts(a, {
    email: 'plain@example.com',
    company: 'Plain Media',
    methodId: sepa.id,
    details: {
      kind: 'bank_transfer',
      accountHolder: 'Plain Media GmbH',
      iban: IBAN,
      bic: 'COBADEFFXXX',
      bankName: 'Commerzbank',
    },
    amounts: ['120.00'],
  });
  theirs = await partnerWithCashOuts(b, {
    email: 'theirs@example.com',
    company: 'Their Partner',
    methodId: (await method(b, 'SEPA', 'bank_transfer')).id,
    details: { kind: 'bank_transfer', accountHolder: 'Their Holder', iban: IBAN, bic: 'COBADEFFXXX', bankName: 'Bank' },
    amounts: ['99.00'],
  });
  // One of A's is paid already: a pending run leaves it out.
  await unwrap(
    a.client.v1.cash_outs[':cashOutId'].success.$post({
      param: { cashOutId: hostile.ids[0]! },
      json: { reference: 'PAY-1' },
    }),
  );
}, 60_000);
afterAll(() => t.dispose());

describe('the cash-out export (the payment run)', () => {
  it('is a UTF-8 CSV attachment of the pending cash-outs with the payee details in full', async () => {
    const res = await download(a);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="cash-outs-2026-11-24.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const rows = await rowsOf(res);
    expect(rows.map((r) => r.cash_out_id)).toEqual([plain.ids[0], hostile.ids[1]]);
    expect(rows[0]).toMatchObject({
      partner_id: plain.partnerId,
      partner_name: 'Plain Media',
      partner_email: 'plain@example.com',
      currency: 'EUR',
      amount: '120.00',
      method_kind: 'bank_transfer',
      method_name: 'SEPA',
      payment_account_id: plain.accountId,
      account_deleted: 'no',
      payee_account_holder: 'Plain Media GmbH',
      payee_iban: IBAN,
      payee_bic: 'COBADEFFXXX',
      payee_bank_name: 'Commerzbank',
      payee_label: '',
      state: 'pending',
      reference: '',
    });
    expect(rows[0]!.requested_at).toMatch(/^2026-11-24T\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(rows[0]!.account_summary).toContain('3000');
  });

  it('neutralises a hostile partner name and payee details, and keeps commas, quotes and line breaks in their cell', async () => {
    const rows = await rowsOf(await download(a));
    const row = rows.find((r) => r.cash_out_id === hostile.ids[1])!;
    expect(row.partner_name).toBe(`'${HOSTILE_NAME}`);
    expect(row.payee_label).toBe(`'${HOSTILE_LABEL}`);
    expect(row.payee_details).toBe(`'${HOSTILE_DETAILS}`);
    expect(row.method_name).toBe('Наличные');
    expect(row.amount).toBe('40.00');
    // No cell of the file starts a formula.
    expect(rows.flatMap((r) => Object.values(r)).filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  it('filters by state (all included) and partner', async () => {
    const paid = await rowsOf(await download(a, { state: 'success' }));
    expect(paid.map((r) => [r.cash_out_id, r.state, r.reference])).toEqual([[hostile.ids[0], 'success', 'PAY-1']]);
    const all = await rowsOf(await download(a, { state: 'all' }));
    expect(all.map((r) => r.cash_out_id).sort()).toEqual([...hostile.ids, ...plain.ids].sort());
    const one = await rowsOf(await download(a, { state: 'all', partnerId: plain.partnerId }));
    expect(one.map((r) => r.cash_out_id)).toEqual(plain.ids);
    const bad = await download(a, { state: 'paid' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { errors: Array<{ path: string }> }).errors[0]!.path).toBe('query.state');
  });

  it('keeps operators apart: each key exports only its own cash-outs, another’s partner filter finds nothing', async () => {
    const mine = await rowsOf(await download(b, { state: 'all' }));
    expect(mine.map((r) => r.cash_out_id)).toEqual(theirs.ids);
    expect(mine[0]!.payee_account_holder).toBe('Their Holder');
    const reaching = await rowsOf(await download(b, { state: 'all', partnerId: plain.partnerId }));
    expect(reaching).toEqual([]);
    const fromA = await rowsOf(await download(a, { state: 'all', partnerId: theirs.partnerId }));
    expect(fromA).toEqual([]);
    expect((await t.fetchApp('http://kabinet.test/v1/cash_outs/export')).status).toBe(401);
  });

  it('pages through every match, and refuses rather than cuts short a run over its bound', async () => {
    const ctx = withTenant(t.deps, a.operator.id);
    const paged = await exportCashOuts(ctx, { state: 'all', maxRows: 3, pageSize: 1 });
    expect(paged.count).toBe(3);
    const whole = await exportCashOuts(ctx, { state: 'all' });
    expect(paged.csv).toBe(whole.csv);
    await expect(exportCashOuts(ctx, { state: 'all', maxRows: 2, pageSize: 1 })).rejects.toMatchObject({
      errors: [{ path: 'query.state', reason: 'too_many', params: { maximum: 2 } }],
    });
  });

  it('says so when the partner deleted the account after asking: the masked summary is all that is left', async () => {
    await unwrap(
      plain.me.payment_accounts[':accountId'].$delete({
        param: { accountId: plain.accountId },
        json: { code: await plain.code() },
      }),
    );
    const [row] = await rowsOf(await download(a, { partnerId: plain.partnerId }));
    expect(row).toMatchObject({
      cash_out_id: plain.ids[0],
      account_deleted: 'yes',
      payee_iban: '',
      method_kind: 'bank_transfer',
    });
    expect(row!.account_summary).toContain('3000');
  });
});
