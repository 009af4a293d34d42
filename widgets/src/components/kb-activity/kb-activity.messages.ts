/** Strings of `<kb-activity>`, English and Russian, with a human label for every audit event type. */
import { defineMessages, type Locale, type Message } from '../../internal/i18n.ts';
import type { ActivityEntry, ActivityType } from '../../internal/account/account-types.ts';

const en = {
  'heading': 'Events log',
  'intro': 'What happened in your partner account, newest first: sign-ins, security changes and team changes.',
  'filters': 'Filters',
  'type': 'Event',
  'allTypes': 'All events',
  'member': 'Team member',
  'allMembers': 'All members',
  'from': 'From',
  'to': 'To',
  'toBeforeFrom': 'The end date is before the start date.',
  'apply': 'Show events',
  'results': 'Events',
  'count': { one: 'Showing {count} event.', other: 'Showing {count} events.' },
  'col.time': 'Time',
  'col.event': 'Event',
  'col.actor': 'By',
  'col.subject': 'Account',
  'col.ip': 'IP address',
  'col.detail': 'Details',
  'actor.operator': 'Operator',
  'actor.system': 'System',
  'empty': 'No events match these filters.',
  'loadMore': 'Load more',
  'loadingMore': 'Loading…',
  'wrongCode.disable': 'Wrong 2FA code (turning 2FA off)',
  'wrongCode.financial': 'Wrong 2FA code (cash-out or payment settings)',
  'wrongCode.other': 'Wrong 2FA code',
  'filter.signInFailed': 'Failed sign-in or wrong 2FA code',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Журнал событий',
  'intro': 'Что происходило в вашем партнёрском аккаунте, сначала новые: входы, изменения безопасности и команды.',
  'filters': 'Фильтры',
  'type': 'Событие',
  'allTypes': 'Все события',
  'member': 'Участник команды',
  'allMembers': 'Все участники',
  'from': 'С',
  'to': 'По',
  'toBeforeFrom': 'Дата окончания раньше даты начала.',
  'apply': 'Показать',
  'results': 'События',
  'count': {
    one: 'Показано {count} событие.',
    few: 'Показано {count} события.',
    many: 'Показано {count} событий.',
    other: 'Показано {count} события.',
  },
  'col.time': 'Время',
  'col.event': 'Событие',
  'col.actor': 'Кто',
  'col.subject': 'Учётная запись',
  'col.ip': 'IP-адрес',
  'col.detail': 'Подробности',
  'actor.operator': 'Оператор',
  'actor.system': 'Система',
  'empty': 'Нет событий, подходящих под фильтры.',
  'loadMore': 'Показать ещё',
  'loadingMore': 'Загрузка…',
  'wrongCode.disable': 'Неверный код 2FA (отключение 2FA)',
  'wrongCode.financial': 'Неверный код 2FA (вывод средств или платёжные настройки)',
  'wrongCode.other': 'Неверный код 2FA',
  'filter.signInFailed': 'Неудачный вход или неверный код 2FA',
};

export const activityMessages = defineMessages({ en, ru });
export type ActivityKey = keyof typeof en;

/**
 * Labels of the server's ACTIVITY_TYPES. `satisfies Record<ActivityType, …>` makes a type the
 * server adds (or renames) a compile error here, without bundling the server's zod schemas.
 */
export const ACTIVITY_TYPE_LABELS = {
  en: {
    signed_up: 'Signed up',
    partner_approved: 'Partner approved',
    partner_rejected: 'Partner rejected',
    partner_blocked: 'Partner blocked',
    signed_in: 'Signed in',
    sign_in_failed: 'Failed sign-in',
    user_locked: 'Sign-in locked',
    user_unlocked: 'Sign-in unlocked',
    password_reset: 'Password reset',
    password_set: 'Password set',
    two_factor_enabled: 'Two-factor authentication enabled',
    two_factor_disabled: 'Two-factor authentication disabled',
    recovery_code_used: 'Recovery code used',
    session_terminated: 'Session terminated',
    statistic_token_rotated: 'Statistic token rotated',
    statistic_token_expired: 'Statistic token expired',
    member_invited: 'Member invited',
    member_blocked: 'Member blocked',
    member_unblocked: 'Member unblocked',
    member_role_changed: 'Member role changed',
    profile_updated: 'Profile updated',
  },
  ru: {
    signed_up: 'Регистрация',
    partner_approved: 'Партнёр одобрен',
    partner_rejected: 'Партнёр отклонён',
    partner_blocked: 'Партнёр заблокирован',
    signed_in: 'Вход',
    sign_in_failed: 'Неудачный вход',
    user_locked: 'Вход заблокирован',
    user_unlocked: 'Блокировка входа снята',
    password_reset: 'Сброс пароля',
    password_set: 'Пароль установлен',
    two_factor_enabled: 'Двухфакторная аутентификация включена',
    two_factor_disabled: 'Двухфакторная аутентификация отключена',
    recovery_code_used: 'Использован резервный код',
    session_terminated: 'Сеанс завершён',
    statistic_token_rotated: 'Токен статистики обновлён',
    statistic_token_expired: 'Токен статистики отозван',
    member_invited: 'Участник приглашён',
    member_blocked: 'Участник заблокирован',
    member_unblocked: 'Участник разблокирован',
    member_role_changed: 'Роль участника изменена',
    profile_updated: 'Профиль изменён',
  },
} satisfies Record<Locale, Record<ActivityType, string>>;

/** The event types in the server's order (signed_up, partner_approved, …), for the filter. */
export const ACTIVITY_TYPES = Object.keys(ACTIVITY_TYPE_LABELS.en) as ActivityType[];

/**
 * The label of one event in the table. A `sign_in_failed` with `detail.action` is a wrong 2FA code
 * outside sign-in (turning 2FA off, a financial action): it counts toward the same lockout, but
 * calling it a failed sign-in would mislead.
 */
export function activityLabel(locale: Locale, event: Pick<ActivityEntry, 'type' | 'detail'>): string {
  const action = event.detail.action;
  if (event.type === 'sign_in_failed' && action !== undefined && action !== null) {
    return activityMessages(
      locale,
      action === 'disable' ? 'wrongCode.disable' : action === 'financial' ? 'wrongCode.financial' : 'wrongCode.other',
    );
  }
  return ACTIVITY_TYPE_LABELS[locale][event.type] ?? event.type;
}

/** The label of a type in the filter, which matches every event of that type. */
export function activityTypeFilterLabel(locale: Locale, type: ActivityType): string {
  return type === 'sign_in_failed'
    ? activityMessages(locale, 'filter.signInFailed')
    : ACTIVITY_TYPE_LABELS[locale][type];
}
