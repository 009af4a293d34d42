/** Strings of `<kb-subaffiliate-report>`, English and Russian. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Sub-affiliates report',
  'intro':
    'Results of the partners who joined the program through you, by level, and the sub-affiliate commission you ' +
    'earned from them.',
  'timeZone': 'Days are in the program’s time zone ({timeZone}).',
  'form': 'Report period',
  'show': 'Show',
  'loading': 'Loading the report…',
  'period': 'Period: {dates}',
  'overall': 'All levels',
  'levelN': 'Level {level}',
  'levelTotal': 'Level {level} total',
  'total': 'Total',
  'subAffiliates': 'Sub-affiliates',
  'subAffiliateCount': { one: '{count} sub-affiliate', other: '{count} sub-affiliates' },
  'earned': 'Earned',
  'earnedNote':
    'Earned: the sub-affiliate commission on your bills whose period starts in these dates (bills not yet priced ' +
    'or cancelled do not count; corrections to a bill are not split by sub-affiliate and are left out).',
  'shownOf': 'The {shown} most active of {count} are listed; the level’s total covers all of them.',
  'incomplete':
    'Your sub-affiliate tree is larger than this report reads: the numbers cover the first {cap} sub-affiliates ' +
    '(nearest levels and newest sign-ups first).',
  'col.partner': 'Sub-affiliate',
  'col.status': 'Status',
  'col.signedUp': 'Signed up',
  'status.pending': 'Awaiting approval',
  'status.active': 'Active',
  'status.rejected': 'Rejected',
  'status.blocked': 'Blocked',
  'empty': 'You have no sub-affiliates yet.',
  'emptyHint':
    'Partners who sign up with your referral code or link become your sub-affiliates; their results and your ' +
    'commission from them show here.',
  'emptyAction': 'Get your referral link',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Отчёт по субпартнёрам',
  'intro':
    'Результаты партнёров, пришедших в программу через вас, по уровням, и комиссия за субпартнёров, которую вы ' +
    'от них получили.',
  'timeZone': 'Дни — в часовом поясе программы ({timeZone}).',
  'form': 'Период отчёта',
  'show': 'Показать',
  'loading': 'Загрузка отчёта…',
  'period': 'Период: {dates}',
  'overall': 'Все уровни',
  'levelN': 'Уровень {level}',
  'levelTotal': 'Итого по уровню {level}',
  'total': 'Итого',
  'subAffiliates': 'Субпартнёры',
  'subAffiliateCount': {
    one: '{count} субпартнёр',
    few: '{count} субпартнёра',
    many: '{count} субпартнёров',
    other: '{count} субпартнёра',
  },
  'earned': 'Заработано',
  'earnedNote':
    'Заработано: комиссия за субпартнёров в ваших счетах, период которых начинается в эти даты (счета, ещё не ' +
    'рассчитанные или отменённые, не учитываются; корректировки счёта не делятся по субпартнёрам и не включены).',
  'shownOf': 'Показаны {shown} самых активных из {count}; итог уровня учитывает всех.',
  'incomplete':
    'Ваше дерево субпартнёров больше, чем читает этот отчёт: цифры учитывают первых {cap} субпартнёров ' +
    '(сначала ближние уровни и новые регистрации).',
  'col.partner': 'Субпартнёр',
  'col.status': 'Статус',
  'col.signedUp': 'Дата регистрации',
  'status.pending': 'Ожидает одобрения',
  'status.active': 'Активен',
  'status.rejected': 'Отклонён',
  'status.blocked': 'Заблокирован',
  'empty': 'У вас пока нет субпартнёров.',
  'emptyHint':
    'Партнёры, зарегистрировавшиеся по вашему реферальному коду или ссылке, становятся вашими субпартнёрами; ' +
    'их результаты и ваша комиссия за них появятся здесь.',
  'emptyAction': 'Получить реферальную ссылку',
};

export const subAffiliateReportMessages = defineMessages({ en, ru });
export type SubAffiliateReportKey = keyof typeof en;
