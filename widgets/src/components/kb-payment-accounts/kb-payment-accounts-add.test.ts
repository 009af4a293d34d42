import { expect } from '@open-wc/testing';
import { define } from '../../internal/base-element.ts';
import { afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { fill, find, json, makeUser, problem, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { KbPaymentAccounts } from './kb-payment-accounts.ts';
import type { PaymentAccount } from './payment-kinds.ts';
import {
  BANK,
  BANK_ACCOUNT,
  CRYPTO,
  focused,
  mountAccounts,
  paymentsApi,
  row,
  SKRILL,
  SKRILL_ACCOUNT,
  text,
  type PaymentsState,
} from './payment-test-kit.ts';

define('kb-payment-accounts', KbPaymentAccounts);

const ADD = 'POST /v1/partner/payment_accounts';
const TRON = 'TJYeasTPa6gpEEfYqU6DBkXxJCbWp1Cm2J';
const input = (el: Element, id: string) => query<HTMLInputElement>(el, `#${id}`)!;
const type = (el: Element, values: Record<string, string>) => {
  for (const [id, value] of Object.entries(values)) fill(input(el, id), value);
};
const submit = (el: Element) => query<HTMLFormElement>(el, '[part~="add-form"]')!.requestSubmit();
const errorOf = (el: Element, id: string) => text(query(el, `#${id}-error`));
const options = (el: Element, id: string) => [...query<HTMLSelectElement>(el, `#${id}`)!.options].map((o) => o.text);

async function openForm(el: Element): Promise<void> {
  await find(el, '[part~="add"]');
  query<HTMLButtonElement>(el, '[part~="add"]')!.click();
  const select = await find<HTMLSelectElement>(el, '#pay-method');
  await waitFor(() => focused(el) === select, 1000, 'the method select focused');
}

describe('<kb-payment-accounts> adding an account', () => {
  let api: ApiMock | null = null;
  afterEach(() => {
    api?.restore();
    api = null;
    cleanupFixtures();
  });

  it('bank transfer: checks the IBAN here, puts the server’s BIC problem beside the BIC, sends the 2FA code', async () => {
    const s: PaymentsState = { accounts: [], methods: [BANK, SKRILL], twoFactor: true };
    const added: PaymentAccount = { ...BANK_ACCOUNT, id: 'pacc_new' };
    api = paymentsApi(s, (r) => {
      if (`${r.method} ${r.path}` !== ADD) return undefined;
      const { details } = r.body as { details: { bic: string } };
      if (details.bic === 'COBAXXFFXXX')
        return problem(422, 'validation_failed', 'body.details.bic: not a BIC', [
          { path: 'body.details.bic', reason: 'invalid_format', params: { format: 'bic' }, message: 'not a BIC' },
        ]);
      return json(added, 201);
    });
    const el = await mountAccounts();
    expect(text(await find(el, '[part~="empty-message"]'))).to.equal('No payment accounts yet.');
    await openForm(el);
    expect(options(el, 'pay-method')).to.deep.equal([
      'Choose a method',
      'Bank transfer (SEPA) — Bank transfer',
      'Skrill',
    ]);
    fill(query<HTMLSelectElement>(el, '#pay-method')!, BANK.id);
    await find(el, '#pay-iban');
    const limits = [
      ...el.shadowRoot!.querySelectorAll('[part~="method-limits"] :is([part~="label"], [part~="limit"])'),
    ];
    expect(limits.map(text)).to.deep.equal(['Pays out in', 'EUR: €50.00 – €10,000.00', 'USD: $100.00 – $5,000.00']);
    const wrongDigit = 'DE89 3704 0044 0532 0130 01';
    type(el, { 'pay-accountHolder': ' Jane Doe ', 'pay-iban': wrongDigit, 'pay-bic': 'cobaxxffxxx' });
    type(el, { 'pay-bankName': 'Commerzbank', 'pay-add-code': '123456' });
    submit(el);
    await find(el, '#pay-iban-error');
    expect(errorOf(el, 'pay-iban')).to.equal('Not a valid IBAN: check the country, the length and the digits.');
    expect(input(el, 'pay-iban').getAttribute('aria-invalid')).to.equal('true');
    await waitFor(() => focused(el) === input(el, 'pay-iban'), 1000, 'the IBAN focused');
    expect(api.sent(ADD), 'nothing sent').to.have.length(0);

    type(el, { 'pay-iban': 'de89 3704 0044 0532 0130 00' });
    submit(el);
    await waitFor(() => errorOf(el, 'pay-bic'), 2000, 'the BIC problem');
    expect(errorOf(el, 'pay-bic')).to.equal('Enter a BIC/SWIFT code of 8 or 11 characters like COBADEFFXXX.');
    expect(errorOf(el, 'pay-iban')).to.equal('');
    expect(text(query(el, '[part~="add-form"] [part~="error"]'))).to.equal('Check the highlighted fields.');
    expect(api.sent(ADD)[0]!.body).to.deep.equal({
      methodId: BANK.id,
      details: {
        kind: 'bank_transfer',
        accountHolder: 'Jane Doe',
        iban: 'DE89370400440532013000',
        bic: 'COBAXXFFXXX',
        bankName: 'Commerzbank',
      },
      code: '123456',
    });

    type(el, { 'pay-bic': 'COBADEFFXXX', 'pay-add-code': '654321' });
    submit(el);
    await find(el, '[data-account-id="pacc_new"]');
    expect(text(query(el, '[part~="success"]'))).to.equal('The Bank transfer (SEPA) account was added.');
    expect(query(el, '[part~="add-form"]'), 'the form closed').to.equal(null);
    await waitFor(() => focused(el)?.id === 'pay-row-pacc_new', 1000, 'the new row focused');
    await openForm(el);
    expect(options(el, 'pay-method'), 'one account per method').to.deep.equal(['Choose a method', 'Skrill']);
  });

  it('crypto wallet (ru): coin and address checked by the coin’s shape, the server’s address problem in Russian', async () => {
    const s: PaymentsState = { accounts: [], methods: [CRYPTO], twoFactor: false };
    api = paymentsApi(s, (r) =>
      `${r.method} ${r.path}` === ADD
        ? problem(422, 'validation_failed', 'body.details.address: not shaped like a TRX address', [
            {
              path: 'body.details.address',
              reason: 'invalid_format',
              params: { format: 'wallet_address', coin: 'TRX' },
              message: 'not shaped like a TRX address',
            },
          ])
        : undefined,
    );
    const el = await mountAccounts({ locale: 'ru', user: makeUser({ twoFactorEnabled: false }) });
    await openForm(el);
    // The only method left is chosen already.
    const labels = [...el.shadowRoot!.querySelectorAll('[part~="add-form"] [part~="label"]')].map(text);
    expect(labels).to.deep.equal(['Способ оплаты', 'Выплаты в валютах', 'Монета и сеть', 'Адрес кошелька']);
    expect(query(el, '#pay-add-code'), '2FA off: no code field').to.equal(null);
    expect(options(el, 'pay-coin')).to.include('Tether USDT в сети Tron (TRC-20)');
    fill(query<HTMLSelectElement>(el, '#pay-coin')!, 'TRX');
    type(el, { 'pay-address': '0x52908400098527886E0F7030069857D2E4169EE7' });
    submit(el);
    await find(el, '#pay-address-error');
    expect(errorOf(el, 'pay-address')).to.equal('Это не адрес выбранной монеты и сети.');
    expect(api.sent(ADD)).to.have.length(0);
    type(el, { 'pay-address': TRON });
    submit(el);
    await waitFor(() => errorOf(el, 'pay-address') === 'Введите адрес кошелька выбранной монеты и сети.', 2000, 'ru');
    expect(api.sent(ADD)[0]!.body).to.deep.equal({
      methodId: CRYPTO.id,
      details: { kind: 'crypto_wallet', coin: 'TRX', address: TRON },
    });
    expect(text(query(el, '[part~="add-form"] [part~="error"]'))).to.equal('Проверьте выделенные поля.');
  });

  it('one account per method: taken methods are not offered; a method taken meanwhile says so; all taken, no Add', async () => {
    const s: PaymentsState = { accounts: [BANK_ACCOUNT], methods: [BANK, SKRILL], twoFactor: false };
    api = paymentsApi(s, (r) => {
      if (`${r.method} ${r.path}` !== ADD) return undefined;
      s.accounts = [SKRILL_ACCOUNT, BANK_ACCOUNT]; // another team member was quicker
      return problem(409, 'conflict', 'You already have an account for "Skrill"', [
        { path: 'body.methodId', reason: 'already_exists', message: 'one account per payment method' },
      ]);
    });
    const el = await mountAccounts({ user: makeUser({ twoFactorEnabled: false }) });
    await openForm(el);
    expect(options(el, 'pay-method')).to.deep.equal(['Choose a method', 'Skrill']);
    expect(text(query(el, '#pay-method-hint'))).to.equal(
      'One account per method: the ones you already have are not listed.',
    );
    expect(query<HTMLSelectElement>(el, '#pay-method')!.value, 'the only one left is chosen').to.equal(SKRILL.id);
    type(el, { 'pay-email': 'Jane@Example.com' });
    submit(el);
    await find(el, '#pay-method-error');
    expect(errorOf(el, 'pay-method')).to.equal(
      'You already have an account for this method: delete it first to add another.',
    );
    expect(api.sent(ADD)[0]!.body).to.deep.equal({
      methodId: SKRILL.id,
      details: { kind: 'skrill', email: 'jane@example.com' },
    });
    await waitFor(() => row(el, SKRILL_ACCOUNT.id), 2000, 'the list reloaded');
    query<HTMLButtonElement>(el, '[part~="add-form"] [part~="cancel"]')!.click();
    await waitFor(() => query(el, '[part~="all-taken"]'), 1000, 'the all-taken note');
    expect(text(query(el, '[part~="all-taken"]'))).to.contain('You have an account for every payment method');
    expect(query(el, '[part~="add"]')).to.equal(null);
  });

  it('2FA turned on since the page loaded: the server asks for the code and the field appears', async () => {
    const s: PaymentsState = { accounts: [], methods: [SKRILL], twoFactor: false };
    api = paymentsApi(s, (r) => {
      if (`${r.method} ${r.path}` !== ADD) return undefined;
      if ((r.body as { code?: string }).code === '123456') return json({ ...SKRILL_ACCOUNT, id: 'pacc_s2' }, 201);
      return problem(422, 'validation_failed', 'body.code: enter the code', [
        { path: 'body.code', reason: 'required', message: 'required for financial actions' },
      ]);
    });
    const el = await mountAccounts({ user: makeUser({ twoFactorEnabled: false }) });
    await openForm(el);
    type(el, { 'pay-email': 'jane@example.com' });
    submit(el);
    await find(el, '#pay-add-code-error');
    expect(errorOf(el, 'pay-add-code')).to.equal('Two-factor authentication is on: enter the code to continue.');
    type(el, { 'pay-add-code': '123456' });
    submit(el);
    await find(el, '[data-account-id="pacc_s2"]');
    expect(api.sent(ADD)[1]!.body).to.deep.include({ code: '123456' });
  });
});
