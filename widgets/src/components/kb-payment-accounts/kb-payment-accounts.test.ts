import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { define } from '../../internal/base-element.ts';
import { afterEach, cleanupFixtures, describe, it, waitFor } from '../../internal/test-helpers.ts';
import { find, json, makeUser, problem, query, type ApiMock } from '../../internal/account/account-test-kit.ts';
import { KbPaymentAccounts } from './kb-payment-accounts.ts';
import {
  BANK,
  BANK_ACCOUNT,
  BANK_DETAILS,
  CRYPTO,
  detailsOf,
  focused,
  mountAccounts,
  paymentsApi,
  row,
  rowPart,
  SKRILL,
  SKRILL_ACCOUNT,
  text,
  type PaymentsState,
} from './payment-test-kit.ts';

define('kb-payment-accounts', KbPaymentAccounts);

const REVEAL = `POST /v1/partner/payment_accounts/${BANK_ACCOUNT.id}/reveal`;
const DELETE = `DELETE /v1/partner/payment_accounts/${BANK_ACCOUNT.id}`;
const state = (over: Partial<PaymentsState> = {}): PaymentsState => ({
  accounts: [BANK_ACCOUNT, SKRILL_ACCOUNT],
  methods: [BANK, CRYPTO, SKRILL],
  twoFactor: true,
  ...over,
});
const submit = (el: Element, selector: string) => query<HTMLFormElement>(el, selector)!.requestSubmit();
const type = (el: Element, selector: string, value: string) => {
  query<HTMLInputElement>(el, selector)!.value = value;
};

describe('<kb-payment-accounts>', () => {
  let api: ApiMock | null = null;
  afterEach(async () => {
    api?.restore();
    api = null;
    cleanupFixtures();
    await setViewport({ width: 800, height: 600 });
  });

  it('lists the accounts masked, with the kind, the limits per currency and the day added, under an h3', async () => {
    api = paymentsApi(state());
    const el = await mountAccounts();
    await find(el, '[part~="account-row"]');
    expect(query(el, 'h2'), 'no page heading of its own').to.equal(null);
    expect(text(query(el, 'h3'))).to.equal('Payment methods');
    expect(text(rowPart(el, BANK_ACCOUNT.id, 'method-name'))).to.equal('Bank transfer (SEPA)');
    expect(text(rowPart(el, BANK_ACCOUNT.id, 'kind'))).to.equal('Bank transfer');
    expect(detailsOf(el, BANK_ACCOUNT.id)).to.deep.equal({
      accountHolder: 'J••• D•••',
      iban: '•••• 3000',
      bic: 'COBADEFFXXX',
      bankName: 'Commerzbank',
    });
    const limits = [...row(el, BANK_ACCOUNT.id)!.querySelectorAll('[part~="limit"]')].map(text);
    expect(limits).to.deep.equal(['EUR: €50.00 – €10,000.00', 'USD: $100.00 – $5,000.00']);
    expect(text(rowPart(el, BANK_ACCOUNT.id, 'account-added'))).to.equal('Nov 20, 2026');
    expect(detailsOf(el, SKRILL_ACCOUNT.id)).to.deep.equal({ email: 'j•••@example.com' });
    expect(el.shadowRoot!.textContent).not.to.contain('DE89');
    expect(query(el, '[part~="tfa-off"]'), '2FA is on').to.equal(null);
  });

  it('shows the full details only with a code: a missing or wrong code stays beside the field; Hide masks them again', async () => {
    api = paymentsApi(state(), (r) => {
      if (`${r.method} ${r.path}` !== REVEAL) return undefined;
      if ((r.body as { code?: string }).code !== '654321')
        return problem(422, 'validation_failed', 'body.code: not correct', [
          { path: 'body.code', reason: 'wrong_code', message: 'not correct or already used' },
        ]);
      return json({ ...BANK_ACCOUNT, details: BANK_DETAILS });
    });
    const el = await mountAccounts();
    await find(el, '[part~="account-row"]');
    rowPart(el, BANK_ACCOUNT.id, 'reveal')!.click();
    const input = await find<HTMLInputElement>(el, `#pay-code-${BANK_ACCOUNT.id}`);
    await waitFor(() => focused(el) === input, 1000, 'the code field focused');
    expect(rowPart(el, BANK_ACCOUNT.id, 'reveal')!.getAttribute('aria-expanded')).to.equal('true');
    submit(el, '[part~="reveal-form"]');
    await find(el, `#pay-code-${BANK_ACCOUNT.id}-error`);
    expect(text(query(el, `#pay-code-${BANK_ACCOUNT.id}-error`))).to.equal(
      'Enter the 6-digit code from your authenticator app.',
    );
    expect(api.sent(REVEAL)).to.have.length(0);
    type(el, `#pay-code-${BANK_ACCOUNT.id}`, '123456');
    submit(el, '[part~="reveal-form"]');
    await waitFor(() => api!.sent(REVEAL).length === 1, 2000, 'the reveal call');
    await waitFor(() => text(query(el, `#pay-code-${BANK_ACCOUNT.id}-error`)).startsWith('The code is not correct'));
    type(el, `#pay-code-${BANK_ACCOUNT.id}`, '654321');
    submit(el, '[part~="reveal-form"]');
    await find(el, '[part~="details-revealed"]');
    expect(api.sent(REVEAL)[1]!.body).to.deep.equal({ code: '654321' });
    expect(detailsOf(el, BANK_ACCOUNT.id)).to.deep.equal({
      accountHolder: 'Jane Doe',
      iban: 'DE89 3704 0044 0532 0130 00',
      bic: 'COBADEFFXXX',
      bankName: 'Commerzbank',
    });
    await waitFor(() => focused(el)?.id === `pay-details-${BANK_ACCOUNT.id}`, 1000, 'the details focused');
    expect(query(el, '[part~="panel-row"]'), 'the panel closed').to.equal(null);
    rowPart(el, BANK_ACCOUNT.id, 'hide')!.click();
    await waitFor(() => detailsOf(el, BANK_ACCOUNT.id).iban === '•••• 3000', 1000, 'masked again');
  });

  it('with 2FA off, says so with a link to Security instead of asking for a code; the server’s 403 says the same', async () => {
    api = paymentsApi(state({ twoFactor: false }));
    const el = await mountAccounts({ user: makeUser({ twoFactorEnabled: false }) });
    await find(el, '[part~="account-row"]');
    const note = query(el, '[part~="tfa-off"]')!;
    expect(text(note)).to.contain('Two-factor authentication is off.');
    expect(note.querySelector('a')!.getAttribute('href')).to.equal('#/security');
    rowPart(el, BANK_ACCOUNT.id, 'reveal')!.click();
    const panel = await find(el, `#pay-off-${BANK_ACCOUNT.id}`);
    expect(text(panel)).to.equal(
      'Showing full details needs two-factor authentication, and it is off. ' +
        'Turn on two-factor authentication on the Security page',
    );
    expect(panel.querySelector('a')!.getAttribute('href')).to.equal('#/security');
    expect(query(el, `#pay-code-${BANK_ACCOUNT.id}`)).to.equal(null);
    expect(api.sent(REVEAL)).to.have.length(0);
    // The portal moves to Security on the event, whatever its routing; the test page stays where it is.
    const opened: string[] = [];
    const onOpen = (e: Event) => opened.push((e as CustomEvent<{ section: string }>).detail.section);
    document.addEventListener('kb-open-section', onOpen);
    const link = panel.querySelector('a')!;
    link.addEventListener('click', (e) => e.preventDefault());
    link.click();
    document.removeEventListener('kb-open-section', onOpen);
    expect(opened).to.deep.equal(['security']);
  });

  it('deletes after asking; Cancel keeps it; a code asked for by the server (2FA turned on meanwhile) gets its field', async () => {
    const s = state({ twoFactor: false });
    api = paymentsApi(s, (r) => {
      if (`${r.method} ${r.path}` !== DELETE) return undefined;
      if (!(r.body as { code?: string } | undefined)?.code)
        return problem(422, 'validation_failed', 'body.code: enter the code', [
          { path: 'body.code', reason: 'required', message: 'required for financial actions' },
        ]);
      s.accounts = [SKRILL_ACCOUNT];
      return json(BANK_ACCOUNT);
    });
    const el = await mountAccounts({ user: makeUser({ twoFactorEnabled: false }) });
    await find(el, '[part~="account-row"]');
    rowPart(el, BANK_ACCOUNT.id, 'delete')!.click();
    const question = await find(el, '[part~="confirm-text"]');
    expect(text(question)).to.equal(
      'Delete your Bank transfer (SEPA) account •••• 3000? Its details are erased; ' +
        'to be paid this way again you add them again.',
    );
    await waitFor(() => focused(el)?.matches('[part~="confirm-yes"]'), 1000, 'Delete account focused');
    query<HTMLButtonElement>(el, '[part~="confirm-no"]')!.click();
    await waitFor(() => focused(el) === rowPart(el, BANK_ACCOUNT.id, 'delete'), 1000, 'focus back on Delete');
    expect(query(el, '[part~="confirm-text"]')).to.equal(null);
    expect(api.sent(DELETE)).to.have.length(0);

    rowPart(el, BANK_ACCOUNT.id, 'delete')!.click();
    (await find<HTMLButtonElement>(el, '[part~="confirm-yes"]')).click();
    const error = await find(el, `#pay-code-${BANK_ACCOUNT.id}-error`);
    expect(text(error)).to.equal('Two-factor authentication is on: enter the code to continue.');
    expect(api.sent(DELETE)[0]!.body).to.deep.equal({});
    type(el, `#pay-code-${BANK_ACCOUNT.id}`, '123 456');
    submit(el, '[part~="delete-confirm"]');
    await waitFor(() => !row(el, BANK_ACCOUNT.id), 2000, 'the row gone');
    expect(api.sent(DELETE)[1]!.body).to.deep.equal({ code: '123 456' });
    expect(text(query(el, '[part~="success"]'))).to.equal('The Bank transfer (SEPA) account was deleted.');
    expect(row(el, SKRILL_ACCOUNT.id)).not.to.equal(null);
    expect(query(el, '[part~="tfa-off"]'), 'the page now knows 2FA is on').to.equal(null);
  });

  it('speaks Russian: heading, columns, kinds, field labels and buttons', async () => {
    api = paymentsApi(state());
    const el = await mountAccounts({ locale: 'ru' });
    await find(el, '[part~="account-row"]');
    expect(text(query(el, 'h3'))).to.equal('Платёжные реквизиты');
    const headers = [...el.shadowRoot!.querySelectorAll('[part~="header-cell"]')].map(text);
    expect(headers).to.deep.equal(['Способ', 'Реквизиты', 'Валюты и лимиты', 'Добавлен', 'Действия']);
    expect(text(rowPart(el, BANK_ACCOUNT.id, 'kind'))).to.equal('Банковский перевод');
    const labels = [...row(el, BANK_ACCOUNT.id)!.querySelectorAll('[part~="detail-label"]')].map(text);
    expect(labels).to.deep.equal(['Владелец счёта', 'IBAN', 'BIC / SWIFT', 'Название банка']);
    expect(text(rowPart(el, BANK_ACCOUNT.id, 'reveal'))).to.equal('Показать реквизиты');
    expect(text(rowPart(el, BANK_ACCOUNT.id, 'delete'))).to.equal('Удалить');
    expect(text(query(el, '[part~="add"]'))).to.equal('Добавить реквизиты');
  });

  it('says when the program offers no payment method, and offers nothing to add', async () => {
    api = paymentsApi(state({ accounts: [], methods: [] }));
    const el = await mountAccounts();
    const empty = await find(el, '[part~="empty"]');
    expect(text(empty.querySelector('[part~="empty-message"]'))).to.equal('The program offers no payment methods yet.');
    expect(query(el, '[part~="add"]')).to.equal(null);
  });

  it('an analyst sees the masked list without Add, Show or Delete', async () => {
    api = paymentsApi(state());
    const el = await mountAccounts({ user: makeUser({ role: 'analyst' }) });
    await find(el, '[part~="account-row"]');
    expect(text(query(el, '[part~="read-only"]'))).to.contain('Your role lets you see this list only');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
  });

  it('390 px: each account is a card, the open panel fits, nothing is wider than the phone', async () => {
    await setViewport({ width: 390, height: 844 });
    api = paymentsApi(state());
    const el = await mountAccounts();
    const first = await find(el, '[part~="account-row"]');
    expect(getComputedStyle(first).display).to.equal('grid');
    rowPart(el, BANK_ACCOUNT.id, 'delete')!.click();
    await find(el, '[part~="confirm-yes"]');
    expect(query(el, '[part~="table-wrap"]')!.scrollWidth).to.be.at.most(390);
    expect(el.scrollWidth).to.be.at.most(390);
  });
});
