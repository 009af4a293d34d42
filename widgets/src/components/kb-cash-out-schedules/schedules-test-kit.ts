/**
 * Test-only: the method, account and schedule the `<kb-cash-out-schedules>` tests share, a fetch
 * stub answering the lists and the profile from a mutable state, and the mount inside a stand-in
 * portal. Nothing outside *.test.ts imports this.
 */
import {
  json,
  makeUser,
  mockApi,
  mountSection,
  query,
  type RecordedRequest,
} from '../../internal/account/account-test-kit.ts';
import type { Locale } from '../../internal/i18n.ts';
import type { KbCashOutSchedules } from './kb-cash-out-schedules.ts';
import type { CashOutSchedule, OfferedMethod, PaymentAccount } from './schedule-words.ts';

export const SEPA: OfferedMethod = {
  id: 'pm_sepa',
  name: 'SEPA',
  kind: 'bank_transfer',
  currencies: ['EUR', 'USD'],
  limits: [
    { currency: 'EUR', min: '10.00', max: '10000.00' },
    { currency: 'USD', min: '20.00', max: '5000.00' },
  ],
  coins: [],
};
export const ACCOUNT: PaymentAccount = {
  id: 'pacc_sepa',
  method: { id: SEPA.id, name: SEPA.name, kind: 'bank_transfer', enabled: true },
  masked: { iban: '•••• 3000' },
  summary: '•••• 3000',
  createdAt: '2026-11-20T10:00:00.000Z',
};
export const WEEKLY: CashOutSchedule = {
  id: 'csch_weekly',
  partnerId: 'prt_1',
  paymentAccount: { id: ACCOUNT.id, summary: '•••• 3000', method: { id: SEPA.id, name: 'SEPA', enabled: true } },
  currency: 'EUR',
  kind: 'weekly',
  weekdays: [3],
  dates: [],
  min: '50.00',
  max: '10000.00',
  methodLimits: { min: '10.00', max: '10000.00' },
  enabled: true,
  timeZone: 'Europe/Berlin',
  nextSlot: '2026-12-09',
  lastRun: {
    slot: '2026-12-02',
    outcome: 'skipped',
    reason: 'below_minimum',
    amount: '3.20',
    minimum: '50.00',
    cashOutId: null,
    at: '2026-12-01T23:05:00.000Z',
  },
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
};

export interface State {
  schedules: CashOutSchedule[];
  twoFactor: boolean;
}
export const PUT = 'PUT /v1/partner/wallet/schedules';
export const DELETE = `DELETE /v1/partner/wallet/schedules/${WEEKLY.id}`;
export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const rowPart = (el: Element, id: string, part: string) =>
  text(query(el, `[data-schedule-id="${id}"] [part~="${part}"]`));

/** Answers the lists and the profile from `state`; `on` answers everything else first (unanswered: 404). */
export function schedulesApi(state: State, on: (r: RecordedRequest) => Response | undefined = () => undefined) {
  return mockApi((request) => {
    const answer = on(request);
    if (answer) return answer;
    const route = `${request.method} ${request.path}`;
    if (route === 'GET /v1/partner/wallet/schedules') return json({ data: state.schedules });
    if (route === 'GET /v1/partner/payment_accounts') return json({ data: [ACCOUNT] });
    if (route === 'GET /v1/partner/payment_methods') return json({ data: [SEPA] });
    if (route === 'GET /v1/partner/profile')
      return json({ user: makeUser({ twoFactorEnabled: state.twoFactor }), partner: { id: 'prt_1' } });
    return undefined;
  });
}

export async function mounted(options: { locale?: Locale; role?: 'owner' | 'analyst' } = {}) {
  const { el } = await mountSection<KbCashOutSchedules>('kb-cash-out-schedules', {
    locale: options.locale ?? 'en',
    user: makeUser({ role: options.role ?? 'owner', twoFactorEnabled: true }),
  });
  return el;
}
export const submit = (el: Element, selector: string) => query<HTMLFormElement>(el, selector)!.requestSubmit();
/** Sets a checkbox or radio as a user's click would. */
export const check = (el: Element, id: string, on = true) => {
  const box = query<HTMLInputElement>(el, id)!;
  if (box.checked !== on) box.click();
};
