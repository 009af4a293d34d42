/** Strings of `<kb-portal>`'s phone menu, header balance and section loading, English and Russian (the rest are in i18n.ts). */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'menu': 'Menu',
  'loadingSection': 'Loading {section}…',
  'sectionFailedTitle': 'This section didn’t load',
  'sectionFailedDetail': 'Check your connection and try again.',
  'balance': 'Balance',
  'balanceLabel': 'Available balance: {amounts}. Open the wallet',
  'balanceMore': '+{count}',
  'termsBanner': 'The program has published new terms.',
  'termsBannerLink': 'Read the terms',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'menu': 'Меню',
  'loadingSection': 'Загружаем раздел «{section}»…',
  'sectionFailedTitle': 'Раздел не загрузился',
  'sectionFailedDetail': 'Проверьте подключение и попробуйте ещё раз.',
  'balance': 'Баланс',
  'balanceLabel': 'Доступный баланс: {amounts}. Открыть кошелёк',
  'balanceMore': '+{count}',
  'termsBanner': 'Программа опубликовала новые условия.',
  'termsBannerLink': 'Прочитать условия',
};

export type PortalKey = keyof typeof en;
export const portalMessages = defineMessages({ en, ru });
