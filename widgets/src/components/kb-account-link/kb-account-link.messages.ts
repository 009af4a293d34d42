/** Strings of `<kb-account-link>` (en, ru): `ru` must list every key of `en`. */
import { defineMessages } from '../../internal/i18n.ts';

const en = {
  waiting: 'Waiting for the portal…',
  unlockHeading: 'Unlock your account',
  unlockIntro: 'Your account was locked after too many failed sign-in attempts. Unlock it to sign in again.',
  unlock: 'Unlock my account',
  unlocking: 'Unlocking…',
  resetHeading: 'Choose a new password',
  resetIntro: 'Every device signed in with the old password will be signed out.',
  inviteHeading: 'Welcome aboard',
  inviteIntro: 'You were invited to a partner account. Choose a password to activate yours.',
  password: 'New password',
  confirm: 'Repeat the new password',
  passwordRule: 'At least {min} characters.',
  passwordShort: 'The password must be at least {min} characters long.',
  mismatch: 'The two passwords do not match.',
  save: 'Save the password',
  saving: 'Saving…',
  network: 'The server could not be reached. Check your connection and try again.',
};

export type AccountLinkKey = keyof typeof en;

const ru: Record<AccountLinkKey, string> = {
  waiting: 'Ждём загрузки кабинета…',
  unlockHeading: 'Разблокировка учётной записи',
  unlockIntro:
    'Учётная запись заблокирована после слишком многих неудачных попыток входа. Разблокируйте её, чтобы снова войти.',
  unlock: 'Разблокировать учётную запись',
  unlocking: 'Разблокируем…',
  resetHeading: 'Новый пароль',
  resetIntro: 'На всех устройствах, где выполнен вход со старым паролем, сеанс будет завершён.',
  inviteHeading: 'Добро пожаловать',
  inviteIntro: 'Вас пригласили в партнёрскую учётную запись. Задайте пароль, чтобы активировать свою.',
  password: 'Новый пароль',
  confirm: 'Повторите новый пароль',
  passwordRule: 'Не короче {min} символов.',
  passwordShort: 'Пароль должен быть не короче {min} символов.',
  mismatch: 'Пароли не совпадают.',
  save: 'Сохранить пароль',
  saving: 'Сохраняем…',
  network: 'Сервер недоступен. Проверьте подключение и попробуйте ещё раз.',
};

export const accountLinkMessages = defineMessages<AccountLinkKey>({ en, ru });
