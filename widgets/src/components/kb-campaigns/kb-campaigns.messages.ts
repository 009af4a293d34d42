/** Strings of `<kb-campaigns>`, English and Russian. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Campaigns',
  'intro': 'Each campaign ties a brand to a commission plan; its promos are your tracking links.',
  'create': 'Create campaign',
  'tabs': 'Campaign status',
  'search': 'Name',
  'col.name': 'Campaign',
  'col.actions': 'Actions',
  'addPromo': 'Add promo',
  'addPromoTo': 'Add promo to {name}',
  'count': { one: '{count} campaign.', other: '{count} campaigns.' },
  'empty': 'You have no campaigns yet. A campaign gives you tracking links for a brand.',
  'emptyReadOnly': 'The account owner or an admin can create one.',
  'createFirst': 'Create your first campaign',
  'emptyArchived': 'No archived campaigns.',
  'noMatch': 'No campaigns match these filters.',
  'noMatchArchived': 'No archived campaigns match these filters.',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Кампании',
  'intro': 'Кампания связывает бренд с планом комиссий; её промо — это ваши трекинговые ссылки.',
  'create': 'Создать кампанию',
  'tabs': 'Статус кампаний',
  'search': 'Название',
  'col.name': 'Кампания',
  'col.actions': 'Действия',
  'addPromo': 'Добавить промо',
  'addPromoTo': 'Добавить промо в кампанию «{name}»',
  'count': {
    one: '{count} кампания.',
    few: '{count} кампании.',
    many: '{count} кампаний.',
    other: '{count} кампании.',
  },
  'empty': 'У вас пока нет кампаний. Кампания даёт трекинговые ссылки на бренд.',
  'emptyReadOnly': 'Создать её может владелец аккаунта или администратор.',
  'createFirst': 'Создать первую кампанию',
  'emptyArchived': 'Архивных кампаний нет.',
  'noMatch': 'Нет кампаний, подходящих под эти фильтры.',
  'noMatchArchived': 'Нет архивных кампаний, подходящих под эти фильтры.',
};

export const campaignsMessages = defineMessages({ en, ru });
export type CampaignsKey = keyof typeof en;
