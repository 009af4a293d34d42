/** Strings of `<kb-conversions>`, English and Russian, with a label for every player event type and attribution method. */
import { defineMessages, type Locale, type Message } from '../../internal/i18n.ts';
import type { Conversion } from '../kb-campaigns/campaign-types.ts';

const en = {
  'heading': 'Conversions',
  'intro': 'Player events attributed to your links, newest first.',
  'type': 'Event',
  'allTypes': 'All events',
  'campaign': 'Campaign',
  'allCampaigns': 'All campaigns',
  'clickId': 'Click ID',
  'col.time': 'Time',
  'col.player': 'Player',
  'col.amount': 'Amount',
  'col.promo': 'Promo',
  'col.by': 'Attributed by',
  'count': { one: 'Showing {count} conversion.', other: 'Showing {count} conversions.' },
  'limit': 'Only the latest {count} are shown: narrow the filters to see older ones.',
  'empty': 'No conversions match these filters.',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Конверсии',
  'intro': 'События игроков, привязанные к вашим ссылкам, сначала новые.',
  'type': 'Событие',
  'allTypes': 'Все события',
  'campaign': 'Кампания',
  'allCampaigns': 'Все кампании',
  'clickId': 'ID клика',
  'col.time': 'Время',
  'col.player': 'Игрок',
  'col.amount': 'Сумма',
  'col.promo': 'Промо',
  'col.by': 'Привязка',
  'count': { one: 'Показана {count} конверсия.', few: 'Показано {count} конверсии.', many: 'Показано {count} конверсий.', other: 'Показано {count} конверсии.' },
  'limit': 'Показаны только последние {count}: сузьте фильтры, чтобы увидеть более ранние.',
  'empty': 'Нет конверсий, подходящих под фильтры.',
};

export const conversionsMessages = defineMessages({ en, ru });
export type ConversionsKey = keyof typeof en;

/** Labels of the server's PLAYER_EVENT_TYPES; a type the server adds becomes a compile error here. */
export const CONVERSION_TYPE_LABELS = {
  en: {
    registration: 'Registration', first_deposit: 'First deposit', deposit: 'Deposit', withdrawal: 'Withdrawal', wager: 'Wager',
    ngr: 'NGR', chargeback: 'Chargeback', lead: 'Lead', sale: 'Sale', custom: 'Custom',
  },
  ru: {
    registration: 'Регистрация', first_deposit: 'Первый депозит', deposit: 'Депозит', withdrawal: 'Вывод средств', wager: 'Ставка',
    ngr: 'NGR', chargeback: 'Чарджбэк', lead: 'Лид', sale: 'Продажа', custom: 'Другое',
  },
} satisfies Record<Locale, Record<Conversion['type'], string>>;

/** How a conversion found its promo: the click's visit id, a promo code, or the player's earlier attribution. */
export const ATTRIBUTION_LABELS = {
  en: { visit_id: 'Click (visit ID)', promo_code: 'Promo code', player: 'Earlier player attribution' },
  ru: { visit_id: 'Клик (visit ID)', promo_code: 'Промокод', player: 'Ранее привязанный игрок' },
} satisfies Record<Locale, Record<NonNullable<Conversion['attributedBy']>, string>>;

export const CONVERSION_TYPES = Object.keys(CONVERSION_TYPE_LABELS.en) as Array<Conversion['type']>;
