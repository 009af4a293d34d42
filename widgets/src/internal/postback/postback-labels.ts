/**
 * Labels shared by the postback widgets, English and Russian: every action (what triggers a
 * postback), with a one-line hint where the name alone does not say when it fires, and the scopes.
 * An action or scope the server adds becomes a compile error here.
 */
import type { Locale } from '../i18n.ts';
import type { PostbackAction, PostbackScope } from './postback-types.ts';

export const ACTION_LABELS = {
  en: {
    registration: 'Registration',
    first_deposit: 'First deposit',
    deposit: 'Deposit',
    withdrawal: 'Withdrawal',
    wager: 'Wager',
    ngr: 'NGR',
    chargeback: 'Chargeback',
    lead: 'Lead',
    sale: 'Sale',
    rejected: 'Rejected',
    custom: 'Custom event',
    qualification: 'Qualification',
  },
  ru: {
    registration: 'Регистрация',
    first_deposit: 'Первый депозит',
    deposit: 'Депозит',
    withdrawal: 'Вывод средств',
    wager: 'Ставка',
    ngr: 'NGR',
    chargeback: 'Чарджбэк',
    lead: 'Лид',
    sale: 'Продажа',
    rejected: 'Отклонено',
    custom: 'Другое событие',
    qualification: 'Квалификация',
  },
} satisfies Record<Locale, Record<PostbackAction, string>>;

/** When the less obvious actions fire. */
export const ACTION_HINTS = {
  en: {
    lead: 'Fires when a conversion is created on hold.',
    sale: 'Fires when a conversion is approved.',
    rejected: 'Fires when a conversion is cancelled or rejected.',
    qualification: 'Fires when a player qualifies under your commission plan.',
  },
  ru: {
    lead: 'Срабатывает, когда конверсия создана и ожидает проверки.',
    sale: 'Срабатывает, когда конверсия подтверждена.',
    rejected: 'Срабатывает, когда конверсия отменена или отклонена.',
    qualification: 'Срабатывает, когда игрок проходит квалификацию по вашему плану комиссий.',
  },
} satisfies Record<Locale, Partial<Record<PostbackAction, string>>>;

export const SCOPE_LABELS = {
  en: { account: 'Whole account', campaign: 'Campaign', promo: 'Promo' },
  ru: { account: 'Весь аккаунт', campaign: 'Кампания', promo: 'Промо' },
} satisfies Record<Locale, Record<PostbackScope, string>>;

export const actionLabel = (locale: Locale, action: PostbackAction): string => ACTION_LABELS[locale][action] ?? action;
export const actionHint = (locale: Locale, action: PostbackAction): string | undefined =>
  (ACTION_HINTS[locale] as Partial<Record<PostbackAction, string>>)[action];
