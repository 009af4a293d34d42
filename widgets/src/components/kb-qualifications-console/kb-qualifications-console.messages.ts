/** Strings of `<kb-qualifications-console>`, English and Russian: the list over all partners, its filters and states. */
import { qualificationWords } from '../../internal/billing/qualifications.ts';
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  ...qualificationWords.en,
  'heading': 'Qualified players',
  'intro':
    'Players who met every qualification rule of a CPA plan, over all partners. Each counts once, on ' +
    'the CPA line of its partner’s bill for the period it qualified in. The amounts are what the ' +
    'player had reached by then, in the brand’s currency.',
  'missingApiBase': 'The console has no api-base: set it to your backend’s prefix that forwards to Kabinet.',
  'networkError': 'Kabinet could not be reached. Check the connection and try again.',
  'loading': 'Loading qualified players…',
  'retry': 'Retry',
  'filters': 'Filter qualified players',
  'from': 'Qualified from',
  'to': 'Qualified to',
  'partner': 'Partner',
  'brand': 'Brand',
  'plan': 'Plan',
  'player': 'Player ID',
  'playerHint': 'The exact ID your platform sends.',
  'any': 'All',
  'apply': 'Apply',
  'clearFilters': 'Clear filters',
  'empty':
    'No player has qualified yet. The hourly billing run checks players against the CPA plans’ ' +
    'qualification rules (Run billing now in the bills panel does it at once).',
  'noMatchPeriod': 'No player has qualified in this period.',
  'noMatch': 'No qualified players match these filters.',
  'loadMore': 'Load more',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  ...qualificationWords.ru,
  'heading': 'Квалифицированные игроки',
  'intro':
    'Игроки, выполнившие все условия квалификации CPA-плана, по всем партнёрам. Каждый учитывается один ' +
    'раз — в CPA-строке счёта своего партнёра за период, в котором он квалифицировался. Суммы — то, ' +
    'чего игрок достиг к этому моменту, в валюте бренда.',
  'missingApiBase': 'У консоли нет api-base: укажите префикс вашего бэкенда, который передаёт запросы в Kabinet.',
  'networkError': 'Kabinet недоступен. Проверьте подключение и попробуйте ещё раз.',
  'loading': 'Загружаем квалифицированных игроков…',
  'retry': 'Повторить',
  'filters': 'Фильтр квалифицированных игроков',
  'from': 'С даты',
  'to': 'По дату',
  'partner': 'Партнёр',
  'brand': 'Бренд',
  'plan': 'План',
  'player': 'ID игрока',
  'playerHint': 'Точный ID, который передаёт ваша платформа.',
  'any': 'Все',
  'apply': 'Применить',
  'clearFilters': 'Сбросить фильтры',
  'empty':
    'Пока ни один игрок не квалифицировался. Ежечасный расчёт проверяет игроков по условиям квалификации ' +
    'CPA-планов («Запустить расчёт» в панели счетов делает это сразу).',
  'noMatchPeriod': 'За этот период ни один игрок не квалифицировался.',
  'noMatch': 'Нет квалифицированных игроков, подходящих под фильтры.',
  'loadMore': 'Показать ещё',
};

export type QualificationsConsoleKey = keyof typeof en;
export const qualificationsConsoleMessages = defineMessages({ en, ru });
