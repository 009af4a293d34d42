/** Strings of `<kb-notification-bell>` and `<kb-notifications>`, English and Russian, and the words per kind. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'bell': 'Notifications',
  'bellUnread': {
    one: 'Notifications: {count} unread notification',
    other: 'Notifications: {count} unread notifications',
  },
  'heading': 'Notifications',
  'markAll': 'Mark all as read',
  'seeAll': 'See all',
  'close': 'Close',
  'empty': 'No notifications yet.',
  'emptyHint':
    'You will hear here when a bill is approved, a cash-out is paid, news or new terms are published, or a document is reviewed.',
  'loading': 'Loading notifications…',
  'loadFailed': 'Notifications could not be loaded: {error}',
  'retry': 'Retry',
  'more': 'Show older',
  'unread': 'Unread',
  'unreadCount': { one: '{count} unread', other: '{count} unread' },
  'allRead': 'Everything is read.',
  'news_published': 'News: {title}',
  'terms_published': 'New terms published — please read and accept',
  'terms_published_titled': 'New terms published: {title} — please read and accept',
  'document_approved': 'Your document {name} was approved',
  'document_declined': 'Your document {name} was declined',
  'document_reviewed': 'Your document {name} was reviewed',
  'bill_approved': 'Bill for {period} approved: {amount}',
  'cash_out_paid': 'Cash-out paid: {amount}',
  'cash_out_paid_method': 'Cash-out paid: {amount} via {method}',
  'document': 'document',
};

const ru: Record<keyof typeof en, Message> = {
  'bell': 'Уведомления',
  'bellUnread': {
    one: 'Уведомления: {count} непрочитанное',
    few: 'Уведомления: {count} непрочитанных',
    many: 'Уведомления: {count} непрочитанных',
    other: 'Уведомления: {count} непрочитанного',
  },
  'heading': 'Уведомления',
  'markAll': 'Отметить все как прочитанные',
  'seeAll': 'Все уведомления',
  'close': 'Закрыть',
  'empty': 'Уведомлений пока нет.',
  'emptyHint':
    'Здесь появится, когда счёт одобрен, вывод средств выплачен, опубликованы новости или новые условия, или проверен документ.',
  'loading': 'Загружаем уведомления…',
  'loadFailed': 'Не удалось загрузить уведомления: {error}',
  'retry': 'Повторить',
  'more': 'Показать более ранние',
  'unread': 'Не прочитано',
  'unreadCount': {
    one: '{count} непрочитанное',
    few: '{count} непрочитанных',
    many: '{count} непрочитанных',
    other: '{count} непрочитанного',
  },
  'allRead': 'Всё прочитано.',
  'news_published': 'Новость: {title}',
  'terms_published': 'Опубликованы новые условия — прочитайте и примите их',
  'terms_published_titled': 'Опубликованы новые условия: {title} — прочитайте и примите их',
  'document_approved': 'Ваш документ {name} одобрен',
  'document_declined': 'Ваш документ {name} отклонён',
  'document_reviewed': 'Ваш документ {name} проверен',
  'bill_approved': 'Счёт за {period} одобрен: {amount}',
  'cash_out_paid': 'Вывод средств выплачен: {amount}',
  'cash_out_paid_method': 'Вывод средств выплачен: {amount} ({method})',
  'document': 'документ',
};

export type NotificationsKey = keyof typeof en;
export const notificationsMessages = defineMessages<NotificationsKey>({ en, ru });
