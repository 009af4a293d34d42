/** Strings of `<kb-campaign-detail>`, English and Russian. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'archive': 'Archive',
  'unarchive': 'Unarchive',
  'archivedNotice': 'The campaign is archived.',
  'unarchivedNotice': 'The campaign is active again.',
  'archivedNote': 'This campaign is archived: its links keep tracking; no new promos or edits.',
  'addPromo': 'Add promo',
  'noPromos': 'No promos yet.',
  'promoAdded': 'Promo added.',
  'rename': 'Rename',
  'renameLabel': 'Rename “{title}”',
  'renamed': 'Promo renamed.',
  'notSet': 'Not set',
  'choose': 'Choose…',
  'setSource': 'Set',
  'sourceSet': 'Traffic source set.',
  'postbacks': 'Postbacks',
  'postbacksNone': 'none',
  'postbacksShow': 'show',
  'postbacksLabel': 'Postbacks of “{title}”: {count}',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'archive': 'В архив',
  'unarchive': 'Вернуть из архива',
  'archivedNotice': 'Кампания перенесена в архив.',
  'unarchivedNotice': 'Кампания снова активна.',
  'archivedNote': 'Кампания в архиве: ссылки продолжают работать; новые промо и изменения недоступны.',
  'addPromo': 'Добавить промо',
  'noPromos': 'Промо пока нет.',
  'promoAdded': 'Промо добавлено.',
  'rename': 'Переименовать',
  'renameLabel': 'Переименовать «{title}»',
  'renamed': 'Промо переименовано.',
  'notSet': 'Не указан',
  'choose': 'Выберите…',
  'setSource': 'Задать',
  'sourceSet': 'Источник трафика задан.',
  'postbacks': 'Постбеки',
  'postbacksNone': 'нет',
  'postbacksShow': 'показать',
  'postbacksLabel': 'Постбеки промо «{title}»: {count}',
};

export const detailMessages = defineMessages({ en, ru });
export type DetailKey = keyof typeof en;
