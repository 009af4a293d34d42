/**
 * Test-only fixtures of `<kb-wallet>`'s browser tests: balances, payment methods and accounts,
 * cash-outs, a fetch stub answering the wallet's routes, and a stand-in portal that also provides
 * the route context (so the views have addresses). Only *.test.ts files import this.
 */
import { html } from 'lit';
import { ContextProvider } from '@lit/context';
import { createApiClient } from '../../internal/api-client.ts';
import {
  anonymousSession,
  apiContext,
  localeContext,
  routeContext,
  sessionContext,
  type SessionUser,
} from '../../internal/contexts.ts';
import { createLocaleState, type Locale } from '../../internal/i18n.ts';
import type { SectionRoute } from '../../internal/router.ts';
import { fixture } from '../../internal/test-helpers.ts';
import {
  API,
  json,
  makeUser,
  mockApi,
  type ApiMock,
  type RecordedRequest,
} from '../../internal/account/account-test-kit.ts';
import type { Balance, CashOut, OfferedMethod, PaymentAccount } from './wallet-format.ts';

export const BALANCES = 'GET /v1/partner/wallet/balances';
export const TRANSACTIONS = 'GET /v1/partner/wallet/transactions';
export const CASH_OUTS = 'GET /v1/partner/wallet/cash_outs';
export const WITHDRAW = 'POST /v1/partner/wallet/cash_outs';
export const PROFILE = 'GET /v1/partner/profile';
export const ACCOUNTS = 'GET /v1/partner/payment_accounts';
export const METHODS = 'GET /v1/partner/payment_methods';

export const EUR: Balance = { currency: 'EUR', coin: false, available: '1175.50', pending: '0.00' };
export const BTC: Balance = { currency: 'BTC', coin: true, available: '0.01500000', pending: '0.00000000' };
/** Money available, but no account of the partner pays in it. */
export const GBP: Balance = { currency: 'GBP', coin: false, available: '40.00', pending: '0.00' };
/** Nothing available. */
export const USD: Balance = { currency: 'USD', coin: false, available: '0.00', pending: '12.00' };

export const SEPA: OfferedMethod = {
  id: 'pm_sepa',
  name: 'Bank transfer (SEPA)',
  kind: 'bank_transfer',
  currencies: ['EUR', 'USD'],
  limits: [
    { currency: 'EUR', min: '10.00', max: '5000.00' },
    { currency: 'USD', min: '20.00', max: '3000.00' },
  ],
  coins: [],
};
export const BITCOIN: OfferedMethod = {
  id: 'pm_btc',
  name: 'Bitcoin',
  kind: 'crypto_wallet',
  currencies: ['BTC'],
  limits: [{ currency: 'BTC', min: '0.00100000', max: '1.00000000' }],
  coins: ['BTC'],
};
const account = (id: string, method: OfferedMethod, summary: string): PaymentAccount => ({
  id,
  method: { id: method.id, name: method.name, kind: method.kind, enabled: true },
  masked: {},
  summary,
  createdAt: '2026-11-01T10:00:00.000Z',
});
export const SEPA_ACCOUNT = account('pa_sepa', SEPA, '•••• 3000');
export const BTC_ACCOUNT = account('pa_btc', BITCOIN, 'BTC •••• x0wlh');

export const cashOut = (over: Partial<CashOut> = {}): CashOut => ({
  id: 'cout_1',
  partnerId: 'prt_1',
  state: 'pending',
  amount: '250.00',
  currency: 'EUR',
  paymentAccount: { id: SEPA_ACCOUNT.id, summary: SEPA_ACCOUNT.summary, method: { id: SEPA.id, name: SEPA.name } },
  idempotencyKey: 'key-1',
  reference: null,
  cancelledBy: null,
  createdAt: '2026-12-02T10:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
  ...over,
});

type Answer = (request: RecordedRequest) => Response | Promise<Response>;

/** The wallet's routes with these answers; `routes` (by `METHOD /path`) answer first. */
export function walletApi(
  o: {
    balances?: Balance[];
    twoFactor?: boolean;
    cashOuts?: CashOut[];
    accounts?: PaymentAccount[];
    routes?: Record<string, Answer>;
  } = {},
): ApiMock {
  const answers: Record<string, Answer> = {
    [BALANCES]: () => json({ data: o.balances ?? [EUR, BTC, GBP, USD] }),
    [TRANSACTIONS]: () => json({ data: [], nextBefore: null }),
    [CASH_OUTS]: () => json({ data: o.cashOuts ?? [], nextBefore: null }),
    [PROFILE]: () => json({ user: makeUser({ twoFactorEnabled: o.twoFactor ?? true }) }),
    [ACCOUNTS]: () => json({ data: o.accounts ?? [SEPA_ACCOUNT, BTC_ACCOUNT] }),
    [METHODS]: () => json({ data: [SEPA, BITCOIN] }),
    ...o.routes,
  };
  return mockApi((request) => answers[`${request.method} ${request.path}`]?.(request));
}

/**
 * Mounts `<kb-wallet>` inside a stand-in portal at `#/wallet/<path…>`; `gone` records each move
 * the section asked for (the portal's answer, the new route, comes back at once).
 */
export async function mountWallet(o: { path?: string[]; user?: SessionUser; locale?: Locale } = {}) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const gone: (readonly string[])[] = [];
  const route = (path: readonly string[]): SectionRoute => ({
    route: { section: 'wallet', path, query: '' },
    go: (next) => {
      gone.push(next);
      routes.setValue(route(next));
    },
  });
  const routes = new ContextProvider(host, { context: routeContext, initialValue: route(o.path ?? []) });
  const providers = [
    new ContextProvider(host, { context: apiContext, initialValue: createApiClient(API) }),
    new ContextProvider(host, {
      context: sessionContext,
      initialValue: {
        ...anonymousSession(),
        status: 'signed_in',
        user: o.user ?? makeUser({ twoFactorEnabled: true }),
        expiresAt: '2099-01-01T00:00:00.000Z',
      },
    }),
    new ContextProvider(host, { context: localeContext, initialValue: createLocaleState(o.locale ?? 'en') }),
  ];
  const el = document.createElement('kb-wallet') as HTMLElement & { updateComplete: Promise<unknown> };
  host.append(el);
  await el.updateComplete;
  return { el, gone, providers };
}

export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
