/** Strings of `<kb-creatives>`, English and Russian, with labels for formats, privacy and orientation. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Creatives',
  'intro': 'Banners and other media of the program. Pick one when you add a promo.',
  'title': 'Title',
  'language': 'Language',
  'format': 'Format',
  'privacy': 'Privacy',
  'size': 'Size',
  'sizeFormat': 'Use width x height, e.g. 300x250.',
  'tag': 'Tag',
  'orientation': 'Orientation',
  'pick': 'Choose a banner',
  'count': { one: '{count} creative.', other: '{count} creatives.' },
  'empty': 'No creatives match these filters.',
  'format.banner': 'Banner',
  'format.html5': 'HTML5',
  'format.video': 'Video',
  'format.text': 'Text',
  'format.email': 'Email',
  'privacy.public': 'Public',
  'privacy.private': 'Private',
  'orientation.landscape': 'Landscape',
  'orientation.portrait': 'Portrait',
  'orientation.square': 'Square',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Креативы',
  'intro': 'Баннеры и другие материалы программы. Выберите один при создании промо.',
  'title': 'Название',
  'language': 'Язык',
  'format': 'Формат',
  'privacy': 'Доступ',
  'size': 'Размер',
  'sizeFormat': 'Укажите ширину x высоту, например 300x250.',
  'tag': 'Тег',
  'orientation': 'Ориентация',
  'pick': 'Выберите баннер',
  'count': {
    one: '{count} креатив.',
    few: '{count} креатива.',
    many: '{count} креативов.',
    other: '{count} креатива.',
  },
  'empty': 'Нет креативов, подходящих под фильтры.',
  'format.banner': 'Баннер',
  'format.html5': 'HTML5',
  'format.video': 'Видео',
  'format.text': 'Текст',
  'format.email': 'Email',
  'privacy.public': 'Публичный',
  'privacy.private': 'Приватный',
  'orientation.landscape': 'Горизонтальная',
  'orientation.portrait': 'Вертикальная',
  'orientation.square': 'Квадратная',
};

export const creativesMessages = defineMessages({ en, ru });
export type CreativesKey = keyof typeof en;
