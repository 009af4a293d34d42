/**
 * Test-only: the payment methods and accounts the `<kb-payment-accounts>` tests share, a fetch stub
 * answering the lists and the profile from a mutable state, and a mount inside a stand-in portal
 * that also provides the program's brands. Nothing outside *.test.ts imports this.
 */
import { ContextProvider } from '@lit/context';
import type { PortalConfig } from '../../internal/api-client.ts';
import { brandingContext } from '../../internal/contexts.ts';
import type { Locale } from '../../internal/i18n.ts';
import {
  json,
  makeUser,
  mockApi,
  mountSection,
  query,
  type ApiMock,
  type RecordedRequest,
} from '../../internal/account/account-test-kit.ts';
import type { SessionUser } from '../../internal/contexts.ts';
import type { KbPaymentAccounts } from './kb-payment-accounts.ts';
import type { OfferedMethod, PaymentAccount } from './payment-kinds.ts';

export const BANK: OfferedMethod = {
  id: 'pm_bank',
  name: 'Bank transfer (SEPA)',
  kind: 'bank_transfer',
  currencies: ['EUR', 'USD'],
  limits: [
    { currency: 'EUR', min: '50.00', max: '10000.00' },
    { currency: 'USD', min: '100.00', max: '5000.00' },
  ],
  coins: [],
};
export const SKRILL: OfferedMethod = {
  id: 'pm_skrill',
  name: 'Skrill',
  kind: 'skrill',
  currencies: ['EUR'],
  limits: [{ currency: 'EUR', min: '20.00', max: '2000.00' }],
  coins: [],
};
export const CRYPTO: OfferedMethod = {
  id: 'pm_crypto',
  name: 'Crypto payouts',
  kind: 'crypto_wallet',
  currencies: ['USDT'],
  limits: [{ currency: 'USDT', min: '10.00', max: '5000.00' }],
  coins: ['BTC', 'ETH', 'USDT-ERC20', 'TRX', 'USDT-TRC20'],
};

const methodOf = (m: OfferedMethod) => ({ id: m.id, name: m.name, kind: m.kind, enabled: true });
export const BANK_ACCOUNT: PaymentAccount = {
  id: 'pacc_bank',
  method: methodOf(BANK),
  masked: { accountHolder: 'J••• D•••', iban: '•••• 3000', bic: 'COBADEFFXXX', bankName: 'Commerzbank' },
  summary: '•••• 3000',
  createdAt: '2026-11-20T10:00:00.000Z',
};
export const SKRILL_ACCOUNT: PaymentAccount = {
  id: 'pacc_skrill',
  method: methodOf(SKRILL),
  masked: { email: 'j•••@example.com' },
  summary: 'j•••@example.com',
  createdAt: '2026-11-02T10:00:00.000Z',
};
export const BANK_DETAILS = {
  kind: 'bank_transfer',
  accountHolder: 'Jane Doe',
  iban: 'DE89370400440532013000',
  bic: 'COBADEFFXXX',
  bankName: 'Commerzbank',
} as const;

export interface PaymentsState {
  accounts: PaymentAccount[];
  methods: OfferedMethod[];
  twoFactor: boolean;
}

/**
 * Answers the two lists and the profile from `state`; `on` answers everything else first (and may
 * change `state`, as the server would). Unanswered routes get a 404, so a stray call fails loudly.
 */
export function paymentsApi(
  state: PaymentsState,
  on: (request: RecordedRequest) => Response | undefined = () => undefined,
): ApiMock {
  return mockApi((request) => {
    const answer = on(request);
    if (answer) return answer;
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /v1/partner/payment_accounts') return json({ data: state.accounts });
    if (route === 'GET /v1/partner/payment_methods') return json({ data: state.methods });
    if (route === 'GET /v1/partner/profile')
      return json({ user: makeUser({ twoFactorEnabled: state.twoFactor }), partner: { id: 'prt_1' } });
    return undefined;
  });
}

const brandingProviders = new WeakMap<Element, unknown>();

export async function mountAccounts(options: { locale?: Locale; user?: SessionUser } = {}) {
  const { el, host } = await mountSection<KbPaymentAccounts>('kb-payment-accounts', options);
  const config = {
    brands: [{ id: 'br_1', name: 'LuckySpin Casino', currency: 'EUR', websiteUrl: 'https://luckyspin.test' }],
  };
  // Kept with the element: the provider answers for as long as the element lives.
  brandingProviders.set(
    el,
    new ContextProvider(host, { context: brandingContext, initialValue: config as unknown as PortalConfig }),
  );
  // The portal provides branding before its sections connect; reconnecting asks for it again.
  el.remove();
  host.append(el);
  await el.updateComplete;
  return el;
}

export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const row = (el: Element, id: string) => query(el, `[part~="account-row"][data-account-id="${id}"]`);
export const rowPart = (el: Element, id: string, part: string) =>
  query<HTMLElement>(el, `[data-account-id="${id}"] [part~="${part}"]`);
/** The details list's values by field (`iban` → "•••• 3000"). */
export function detailsOf(el: Element, id: string): Record<string, string> {
  const pairs = [...(row(el, id)?.querySelectorAll('[part~="detail"]') ?? [])];
  return Object.fromEntries(pairs.map((p) => [(p as HTMLElement).dataset.field!, text(p.querySelector('dd'))]));
}
export const focused = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
