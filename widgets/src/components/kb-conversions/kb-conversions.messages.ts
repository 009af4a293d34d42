/**
 * Strings of `<kb-conversions>`, English and Russian, with a label for every player event type and
 * attribution method, and for every status and source of the conversions trackers and networks report.
 */
import { defineMessages, type Locale, type Message } from '../../internal/i18n.ts';
import type { PlayerEventEntry } from '../../internal/campaign/campaign-types.ts';
import type { PartnerConversion } from './statuses-view.ts';

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
  'nothingYet': 'Events appear here when players who came through your tracking links register or deposit.',
  'getLink': 'Get a tracking link',
  'views': 'PlayerEventEntry views',
  'view.events': 'Player events',
  'view.statuses': 'Statuses from trackers and networks',
  'statuses.intro':
    "Conversions your operator's tracker and CPA networks reported on your clicks, with their status, latest change first.",
  'statuses.status': 'Status',
  'statuses.anyStatus': 'Any',
  'statuses.empty': 'No reported conversions match these filters.',
  'statuses.nothingYet': 'Conversions that the program’s trackers and networks report appear here with their status.',
  'col.updated': 'Updated',
  'col.payout': 'Payout',
  'col.externalId': 'Order / transaction ID',
  'col.source': 'Source',
  'col.reason': 'Reason',
  'reason.networkCode': 'Network reason code {code}',
  'reason.comment': '({comment})',
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
  'count': {
    one: 'Показана {count} конверсия.',
    few: 'Показано {count} конверсии.',
    many: 'Показано {count} конверсий.',
    other: 'Показано {count} конверсии.',
  },
  'limit': 'Показаны только последние {count}: сузьте фильтры, чтобы увидеть более ранние.',
  'empty': 'Нет конверсий, подходящих под фильтры.',
  'nothingYet':
    'События появятся здесь, когда игроки, пришедшие по вашим трекинговым ссылкам, зарегистрируются или внесут депозит.',
  'getLink': 'Получить трекинговую ссылку',
  'views': 'Разделы конверсий',
  'view.events': 'События игроков',
  'view.statuses': 'Статусы от трекеров и сетей',
  'statuses.intro':
    'Конверсии по вашим кликам, о которых сообщили трекер оператора и CPA-сети, со статусом; сначала недавно изменённые.',
  'statuses.status': 'Статус',
  'statuses.anyStatus': 'Любой',
  'statuses.empty': 'Нет конверсий от трекеров и сетей, подходящих под фильтры.',
  'statuses.nothingYet': 'Здесь появятся конверсии, о которых сообщают трекеры и сети программы, с их статусом.',
  'col.updated': 'Обновлено',
  'col.payout': 'Выплата',
  'col.externalId': 'ID заказа / транзакции',
  'col.source': 'Источник',
  'col.reason': 'Причина',
  'reason.networkCode': 'Код причины от сети: {code}',
  'reason.comment': '({comment})',
};

export const conversionsMessages = defineMessages({ en, ru });
export type ConversionsKey = keyof typeof en;

/** Labels of the server's PLAYER_EVENT_TYPES; a type the server adds becomes a compile error here. */
export const CONVERSION_TYPE_LABELS = {
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
    custom: 'Custom',
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
    custom: 'Другое',
  },
} satisfies Record<Locale, Record<PlayerEventEntry['type'], string>>;

/** How a conversion found its promo: the click's visit id, a promo code, or the player's earlier attribution. */
export const ATTRIBUTION_LABELS = {
  en: { visit_id: 'Click (visit ID)', promo_code: 'Promo code', player: 'Earlier player attribution' },
  ru: { visit_id: 'Клик (visit ID)', promo_code: 'Промокод', player: 'Ранее привязанный игрок' },
} satisfies Record<Locale, Record<NonNullable<PlayerEventEntry['attributedBy']>, string>>;

export const CONVERSION_TYPES = Object.keys(CONVERSION_TYPE_LABELS.en) as Array<PlayerEventEntry['type']>;

/** Labels of the server's CONVERSION_STATUSES (what a tracker or network reported); a new status becomes a compile error here. */
export const REPORTED_STATUS_LABELS = {
  en: { hold: 'On hold', approve: 'Approved', cancel: 'Cancelled', trash: 'Trash' },
  ru: { hold: 'В ожидании', approve: 'Одобрено', cancel: 'Отменено', trash: 'Треш' },
} satisfies Record<Locale, Record<PartnerConversion['status'], string>>;

/** Who reported a conversion: the operator's tracker, a CPA network, or the operator by hand. */
export const REPORTED_SOURCE_LABELS = {
  en: { tracker: 'Tracker', network: 'CPA network', operator: 'Operator' },
  ru: { tracker: 'Трекер', network: 'CPA-сеть', operator: 'Оператор' },
} satisfies Record<Locale, Record<PartnerConversion['source'], string>>;

export const REPORTED_STATUSES = Object.keys(REPORTED_STATUS_LABELS.en) as Array<PartnerConversion['status']>;
