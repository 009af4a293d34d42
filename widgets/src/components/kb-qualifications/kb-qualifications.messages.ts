/** Strings of `<kb-qualifications>`, English and Russian: the list, its filters and the empty states. */
import { qualificationWords } from '../../internal/billing/qualifications.ts';
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  ...qualificationWords.en,
  'heading': 'Qualified players',
  'intro':
    'A player qualifies once they meet every qualification rule of a CPA plan, and is counted once, ' +
    'on the CPA line of the bill for the period they qualified in. The amounts are what the player ' +
    'had reached by then, in the brand’s currency.',
  'filters': 'Filter qualified players',
  'from': 'Qualified from',
  'to': 'Qualified to',
  'brand': 'Brand',
  'anyBrand': 'All brands',
  'plan': 'Plan',
  'anyPlan': 'All plans',
  'apply': 'Apply',
  'clearFilters': 'Clear filters',
  'empty': 'No player has qualified yet.',
  'emptyHint':
    'A player shows here once they meet the qualification rules of your CPA plan. The program’s hourly ' +
    'billing run checks your players’ new activity.',
  'noMatchPeriod': 'No player has qualified in this period.',
  'noMatch': 'No qualified players match these filters.',
  'loadMore': 'Load more',
  'loadingMore': 'Loading…',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  ...qualificationWords.ru,
  'heading': 'Квалифицированные игроки',
  'intro':
    'Игрок квалифицируется, когда выполняет все условия квалификации CPA-плана, и учитывается один раз — ' +
    'в CPA-строке счёта за период, в котором он квалифицировался. Суммы — то, чего игрок достиг к этому ' +
    'моменту, в валюте бренда.',
  'filters': 'Фильтр квалифицированных игроков',
  'from': 'С даты',
  'to': 'По дату',
  'brand': 'Бренд',
  'anyBrand': 'Все бренды',
  'plan': 'План',
  'anyPlan': 'Все планы',
  'apply': 'Применить',
  'clearFilters': 'Сбросить фильтры',
  'empty': 'Пока ни один игрок не квалифицировался.',
  'emptyHint':
    'Игрок появится здесь, когда выполнит условия квалификации вашего CPA-плана. Ежечасный расчёт ' +
    'программы проверяет новую активность ваших игроков.',
  'noMatchPeriod': 'За этот период ни один игрок не квалифицировался.',
  'noMatch': 'Нет квалифицированных игроков, подходящих под фильтры.',
  'loadMore': 'Показать ещё',
  'loadingMore': 'Загружаем…',
};

export type QualificationsKey = keyof typeof en;
export const qualificationsMessages = defineMessages({ en, ru });
