/** Strings of `<kb-subaffiliates>`, English and Russian: the referral panel, the table, the filter and the empty state. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Sub-affiliates',
  'intro':
    'Partners who joined the program through you, down to five levels: level 1 signed up with your ' +
    'referral code or link, level 2 with a level-1 partner’s, and so on.',
  'invite': 'Invite partners',
  'referralCode': 'Your referral code',
  'referralLink': 'Your referral link',
  'copyCode': 'Copy code',
  'copyLink': 'Copy link',
  'inviteHint':
    'Partners who sign up with your code are linked to you. If the program has a landing for ' +
    'sub-affiliates, a promo on it (Campaigns) gives you a tracking link that also records which ' +
    'campaign and promo brought each partner.',
  'results': 'Your sub-affiliates',
  'filters': 'Filter sub-affiliates',
  'level': 'Level',
  'allLevels': 'All levels',
  'levelN': 'Level {level}',
  'apply': 'Apply',
  'count': '{count} shown',
  'col.name': 'Partner',
  'col.level': 'Level',
  'col.campaign': 'Campaign',
  'col.promo': 'Promo',
  'col.signedUp': 'Signed up',
  'col.status': 'Status',
  'col.deal': 'Your commission',
  'status.pending': 'Awaiting approval',
  'status.active': 'Active',
  'status.rejected': 'Rejected',
  'status.blocked': 'Blocked',
  // No click of yours brought them: they signed up with your referral code or link.
  'unknownSource': 'Code or link',
  'noPromo': 'No promo',
  'noDeal': 'No sub-affiliate commission at this level',
  'deal': '{plan}: sub-affiliate {percent} (level {level})',
  'nothingYet': 'No sub-affiliates yet.',
  'nothingYetHint':
    'Share your referral link or code above: partners who sign up with it appear here, with the campaign that brought them when they came by a tracking link.',
  'nothingYetHintCode': 'Share your referral code above: partners who sign up with it appear here.',
  'nothingYetHintProfile': 'Partners who sign up with your referral code (see your profile) appear here.',
  'empty': 'No sub-affiliates at this level.',
  'clearFilters': 'Show all levels',
  'loadMore': 'Load more',
  'loadingMore': 'Loading…',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Субпартнёры',
  'intro':
    'Партнёры, пришедшие в программу через вас, до пяти уровней: уровень 1 зарегистрировался с вашим ' +
    'реферальным кодом или ссылкой, уровень 2 — с кодом партнёра уровня 1 и так далее.',
  'invite': 'Пригласить партнёров',
  'referralCode': 'Ваш реферальный код',
  'referralLink': 'Ваша реферальная ссылка',
  'copyCode': 'Копировать код',
  'copyLink': 'Копировать ссылку',
  'inviteHint':
    'Партнёры, зарегистрировавшиеся с вашим кодом, привязываются к вам. Если в программе есть ' +
    'лендинг для субпартнёров, промо на нём (раздел «Кампании») даст трекинговую ссылку, по которой ' +
    'видно, какая кампания и промо привели каждого партнёра.',
  'results': 'Ваши субпартнёры',
  'filters': 'Фильтр субпартнёров',
  'level': 'Уровень',
  'allLevels': 'Все уровни',
  'levelN': 'Уровень {level}',
  'apply': 'Применить',
  'count': 'Показано: {count}',
  'col.name': 'Партнёр',
  'col.level': 'Уровень',
  'col.campaign': 'Кампания',
  'col.promo': 'Промо',
  'col.signedUp': 'Регистрация',
  'col.status': 'Статус',
  'col.deal': 'Ваше вознаграждение',
  'status.pending': 'Ожидает одобрения',
  'status.active': 'Активен',
  'status.rejected': 'Отклонён',
  'status.blocked': 'Заблокирован',
  'unknownSource': 'Код или ссылка',
  'noPromo': 'Без промо',
  'noDeal': 'На этом уровне вознаграждения за субпартнёров нет',
  'deal': '{plan}: за субпартнёров {percent} (уровень {level})',
  'nothingYet': 'Субпартнёров пока нет.',
  'nothingYetHint':
    'Поделитесь реферальной ссылкой или кодом выше: зарегистрировавшиеся по ним партнёры появятся ' +
    'здесь, а если они пришли по трекинговой ссылке — и кампания, которая их привела.',
  'nothingYetHintCode': 'Поделитесь реферальным кодом выше: зарегистрировавшиеся с ним партнёры появятся здесь.',
  'nothingYetHintProfile':
    'Партнёры, зарегистрировавшиеся с вашим реферальным кодом (он есть в профиле), появятся здесь.',
  'empty': 'На этом уровне субпартнёров нет.',
  'clearFilters': 'Показать все уровни',
  'loadMore': 'Показать ещё',
  'loadingMore': 'Загрузка…',
};

export const subAffiliatesMessages = defineMessages({ en, ru });
export type SubAffiliatesKey = keyof typeof en;
