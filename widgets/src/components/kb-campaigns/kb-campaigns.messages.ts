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
  'empty': 'No campaigns found.',
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
  'empty': 'Кампании не найдены.',
};

export const campaignsMessages = defineMessages({ en, ru });
export type CampaignsKey = keyof typeof en;
