/**
 * Strings every bills surface shares (the partner's `<kb-bills>` and the operator's
 * `<kb-bills-console>`), English and Russian: states, the coin mark, what a bill not priced yet
 * waits for, and the list's count and totals lines. A section spreads these into its own catalog
 * (`{ ...billingWords.en, … }`), so its `m()` reads them as its own keys.
 */
import { defineMessages, type Message } from '../i18n.ts';

const en = {
  'state.pending': 'Pending',
  'state.approved': 'Approved',
  'state.on_hold': 'On hold',
  'state.cancelled': 'Cancelled',
  'state.paid': 'Paid',
  'coin': 'coin',
  'notPriced': 'Not priced yet',
  'waiting.exchange_rate': 'Waiting for the {currency} rate of {date}.',
  'waiting.previous_bill': 'Waiting for the previous bill ({bill}) to be priced.',
  'count': { one: '{count} bill shown', other: '{count} bills shown' },
  'totalLine': { one: 'to pay on {count} bill, issued {issued}', other: 'to pay on {count} bills, issued {issued}' },
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'state.pending': 'На проверке',
  'state.approved': 'Одобрен',
  'state.on_hold': 'Приостановлен',
  'state.cancelled': 'Отменён',
  'state.paid': 'Оплачен',
  'coin': 'крипто',
  'notPriced': 'Ещё не рассчитан',
  'waiting.exchange_rate': 'Ждём курс {currency} на {date}.',
  'waiting.previous_bill': 'Ждём расчёта предыдущего счёта ({bill}).',
  'count': {
    one: 'Показан {count} счёт',
    few: 'Показано {count} счёта',
    many: 'Показано {count} счетов',
    other: 'Показано {count} счёта',
  },
  'totalLine': {
    one: 'к выплате по {count} счёту, выставлено {issued}',
    few: 'к выплате по {count} счетам, выставлено {issued}',
    many: 'к выплате по {count} счетам, выставлено {issued}',
    other: 'к выплате по {count} счёта, выставлено {issued}',
  },
};

export type BillingKey = keyof typeof en;
export const billingWords = { en, ru } as const;
export const billingMessages = defineMessages({ en, ru });
