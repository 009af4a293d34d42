/** Strings of `<kb-news>` (the program's news for partners), English and Russian. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'News',
  'unreadCount': '{count} unread',
  'allRead': 'All read',
  'markAllRead': 'Mark all as read',
  'markedAllRead': 'All news marked as read.',
  'unread': 'Unread',
  'showMore': 'Show more',
  'showMoreAbout': 'Show more: {title}',
  'older': 'Older news',
  'loadingOlder': 'Loading…',
  'shownOf': '{shown} of {total}',
  'empty': 'No news yet.',
  'emptyHint': 'The program’s announcements (new brands, promotions, payout changes) will appear here.',
  'back': 'Back to news',
  'missing': 'This news item is not available: it may have been withdrawn.',
  'forBrand': 'Brand: {brand}',
  'publishedOn': 'Published {date}',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Новости',
  'unreadCount': {
    one: '{count} непрочитанная',
    few: '{count} непрочитанные',
    many: '{count} непрочитанных',
    other: '{count} непрочитанной',
  },
  'allRead': 'Всё прочитано',
  'markAllRead': 'Отметить все как прочитанные',
  'markedAllRead': 'Все новости отмечены как прочитанные.',
  'unread': 'Не прочитано',
  'showMore': 'Подробнее',
  'showMoreAbout': 'Подробнее: {title}',
  'older': 'Более ранние новости',
  'loadingOlder': 'Загрузка…',
  'shownOf': '{shown} из {total}',
  'empty': 'Новостей пока нет.',
  'emptyHint': 'Здесь появятся объявления программы: новые бренды, акции, изменения выплат.',
  'back': 'Назад к новостям',
  'missing': 'Эта новость недоступна: возможно, её сняли с публикации.',
  'forBrand': 'Бренд: {brand}',
  'publishedOn': 'Опубликовано {date}',
};

export const newsMessages = defineMessages({ en, ru });
export type NewsKey = keyof typeof en;
