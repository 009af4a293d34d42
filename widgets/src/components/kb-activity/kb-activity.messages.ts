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
  'nothingYet': 'No account activity has been recorded yet.',
  'clearFilters': 'Clear filters',
  'loadMore': 'Load more',
  'loadingMore': 'Loading…',
  'wrongCode.disable': 'Wrong 2FA code (turning 2FA off)',
  'wrongCode.financial': 'Wrong 2FA code (cash-out or payment settings)',
  'wrongCode.other': 'Wrong 2FA code',
  'filter.signInFailed': 'Failed sign-in or wrong 2FA code',
  'status.pending': 'Pending',
  'status.active': 'Active',
  'status.rejected': 'Rejected',
  'status.blocked': 'Blocked',
  'role.owner': 'Owner',
  'role.admin': 'Admin',
  'role.analyst': 'Analyst',
  'role.finance': 'Finance',
  'field.name': 'name',
  'field.messenger': 'messenger',
  'field.phone': 'phone',
  'field.locale': 'language',
  'field.defaultCurrency': 'report currency',
  'field.emailPreferences': 'email preferences',
  'detail.country': 'Country: {country}.',
  'detail.termsAccepted': 'Accepted the program terms.',
  'detail.statusChanged': 'Status changed from {from} to {to}.',
  'detail.statusNow': 'Status is now {to}.',
  'detail.roleChanged': 'Role changed from {from} to {to}.',
  'detail.roleNow': 'Role is now {to}.',
  'detail.viaEmbed': "Signed in through the operator's website.",
  'detail.unknownEmail': 'No account has this email address.',
  'detail.wrongPassword': 'Wrong password.',
  'detail.wrongCode': 'Wrong two-factor code.',
  'detail.failures': {
    one: '{count} failed attempt in a row.',
    other: '{count} failed attempts in a row.',
  },
  'detail.locked': 'Sign-in is locked after too many failed attempts.',
  'detail.lockedAfter': {
    one: 'Sign-in is locked after {count} failed attempt in a row.',
    other: 'Sign-in is locked after {count} failed attempts in a row.',
  },
  'detail.unlockedByLink': 'Unlocked by the emailed link.',
  'detail.unlockedByOperator': 'Unlocked by the program team.',
  'detail.unlockedByTeam': 'Unlocked by an owner or admin of your team.',
  'detail.resetRequested': 'A reset link was requested and emailed.',
  'detail.resetCompleted': 'A new password was set from the reset link.',
  'detail.sessionsEnded': 'All sessions were signed out.',
  'detail.passwordFromInvite': 'Password set from the invitation link.',
  'detail.signedOut': 'Signed out of this session.',
  'detail.endedOtherSession': 'Signed out of another session.',
  'detail.signedOutOthers': {
    one: 'Signed out of {count} other session.',
    other: 'Signed out of all {count} other sessions.',
  },
  'detail.invitedAs': 'Invited as {role}.',
  'detail.profileFields': 'Changed: {fields}.',
  'detail.other': 'Other details were recorded.',
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
  'nothingYet': 'Действий в аккаунте пока не записано.',
  'clearFilters': 'Сбросить фильтры',
  'loadMore': 'Показать ещё',
  'loadingMore': 'Загрузка…',
  'wrongCode.disable': 'Неверный код 2FA (отключение 2FA)',
  'wrongCode.financial': 'Неверный код 2FA (вывод средств или платёжные настройки)',
  'wrongCode.other': 'Неверный код 2FA',
  'filter.signInFailed': 'Неудачный вход или неверный код 2FA',
  'status.pending': 'На рассмотрении',
  'status.active': 'Активен',
  'status.rejected': 'Отклонён',
  'status.blocked': 'Заблокирован',
  'role.owner': 'Владелец',
  'role.admin': 'Администратор',
  'role.analyst': 'Аналитик',
  'role.finance': 'Финансист',
  'field.name': 'имя',
  'field.messenger': 'мессенджер',
  'field.phone': 'телефон',
  'field.locale': 'язык',
  'field.defaultCurrency': 'валюта отчётов',
  'field.emailPreferences': 'настройки писем',
  'detail.country': 'Страна: {country}.',
  'detail.termsAccepted': 'Условия программы приняты.',
  'detail.statusChanged': 'Статус изменён: {from} → {to}.',
  'detail.statusNow': 'Новый статус: {to}.',
  'detail.roleChanged': 'Роль изменена: {from} → {to}.',
  'detail.roleNow': 'Новая роль: {to}.',
  'detail.viaEmbed': 'Вход через сайт оператора.',
  'detail.unknownEmail': 'Аккаунта с таким адресом нет.',
  'detail.wrongPassword': 'Неверный пароль.',
  'detail.wrongCode': 'Неверный код двухфакторной аутентификации.',
  'detail.failures': {
    one: '{count} неудачная попытка подряд.',
    few: '{count} неудачные попытки подряд.',
    many: '{count} неудачных попыток подряд.',
    other: '{count} неудачной попытки подряд.',
  },
  'detail.locked': 'Вход заблокирован после слишком многих неудачных попыток.',
  'detail.lockedAfter': {
    one: 'Вход заблокирован после {count} неудачной попытки подряд.',
    few: 'Вход заблокирован после {count} неудачных попыток подряд.',
    many: 'Вход заблокирован после {count} неудачных попыток подряд.',
    other: 'Вход заблокирован после {count} неудачной попытки подряд.',
  },
  'detail.unlockedByLink': 'Разблокировано по ссылке из письма.',
  'detail.unlockedByOperator': 'Разблокировано командой программы.',
  'detail.unlockedByTeam': 'Разблокировано владельцем или администратором вашей команды.',
  'detail.resetRequested': 'Запрошена ссылка для сброса, она отправлена на почту.',
  'detail.resetCompleted': 'Новый пароль задан по ссылке для сброса.',
  'detail.sessionsEnded': 'Все сеансы завершены.',
  'detail.passwordFromInvite': 'Пароль задан по ссылке из приглашения.',
  'detail.signedOut': 'Выход из этого сеанса.',
  'detail.endedOtherSession': 'Завершён другой сеанс.',
  'detail.signedOutOthers': {
    one: 'Завершён {count} другой сеанс.',
    few: 'Завершены все {count} других сеанса.',
    many: 'Завершены все {count} других сеансов.',
    other: 'Завершены все {count} других сеанса.',
  },
  'detail.invitedAs': 'Приглашён с ролью «{role}».',
  'detail.profileFields': 'Изменено: {fields}.',
  'detail.other': 'Записаны дополнительные сведения.',
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
