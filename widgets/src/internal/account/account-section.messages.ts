/** Strings shared by the account sections (profile, security, team, events): states, copy, roles, sessions. */
import { defineMessages, type Message } from '../i18n.ts';

const en = {
  'waiting': 'Sign in to the partner portal to see this section.',
  'loading': 'Loading…',
  'retry': 'Try again',
  'error.network': 'The server could not be reached. Check your connection and try again.',
  'error.generic': 'Something went wrong. Please try again.',
  'copy': 'Copy',
  'copied': 'Copied',
  'copyFailed': 'Could not copy: select the text and copy it manually.',
  'cancel': 'Cancel',
  'none': '—',
  'role.owner': 'Owner',
  'role.admin': 'Admin',
  'role.analyst': 'Analyst',
  'role.finance': 'Finance',
  'sessions.device': 'Device',
  'sessions.ip': 'IP address',
  'sessions.created': 'Signed in',
  'sessions.lastSeen': 'Last active',
  'sessions.actions': 'Actions',
  'sessions.current': 'This device',
  'sessions.embedded': 'embedded portal',
  'sessions.terminate': 'Terminate',
  'sessions.terminateLabel': 'Terminate the session on {device}',
  'sessions.empty': 'No active sessions.',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'waiting': 'Войдите в партнёрский кабинет, чтобы открыть этот раздел.',
  'loading': 'Загрузка…',
  'retry': 'Повторить',
  'error.network': 'Сервер недоступен. Проверьте подключение и попробуйте ещё раз.',
  'error.generic': 'Что-то пошло не так. Попробуйте ещё раз.',
  'copy': 'Копировать',
  'copied': 'Скопировано',
  'copyFailed': 'Не удалось скопировать: выделите текст и скопируйте его вручную.',
  'cancel': 'Отмена',
  'none': '—',
  'role.owner': 'Владелец',
  'role.admin': 'Администратор',
  'role.analyst': 'Аналитик',
  'role.finance': 'Финансист',
  'sessions.device': 'Устройство',
  'sessions.ip': 'IP-адрес',
  'sessions.created': 'Вход',
  'sessions.lastSeen': 'Последняя активность',
  'sessions.actions': 'Действия',
  'sessions.current': 'Это устройство',
  'sessions.embedded': 'встроенный кабинет',
  'sessions.terminate': 'Завершить',
  'sessions.terminateLabel': 'Завершить сеанс на устройстве {device}',
  'sessions.empty': 'Активных сеансов нет.',
};

export const commonMessages = defineMessages({ en, ru });
export type CommonKey = keyof typeof en;
