/** Strings of `<kb-sign-up>` (en, ru): `ru` must list every key of `en`. */
import { defineMessages } from '../../internal/i18n.ts';

const en = {
  waiting: 'Waiting for the portal…',
  heading: 'Become a partner',
  intro: 'Create your partner account. The program’s team reviews every application before it is activated.',
  name: 'Your name',
  email: 'Email',
  password: 'Password',
  passwordRule: 'At least {min} characters.',
  company: 'Company (optional)',
  messenger: 'Messenger (optional)',
  messengerHint: 'Telegram, WhatsApp, Skype… so the team can reach you quickly.',
  country: 'Country',
  chooseCountry: 'Choose a country',
  terms: 'I accept the terms and conditions of the partner program',
  referralCode: 'Referral code (optional)',
  referralHint: 'Filled in from the link that brought you here; change it if someone gave you another one.',
  submit: 'Create account',
  busy: 'Creating your account…',
  nameRequired: 'Enter your name.',
  emailInvalid: 'Enter an email address like name@example.com.',
  passwordShort: 'The password must be at least {min} characters long.',
  countryRequired: 'Choose your country.',
  termsRequired: 'Accept the terms and conditions to continue.',
  fixFields: 'Please correct the highlighted fields.',
  network: 'The server could not be reached. Check your connection and try again.',
  doneHeading: 'Thank you for signing up!',
};

export type SignUpKey = keyof typeof en;

const ru: Record<SignUpKey, string> = {
  waiting: 'Ждём загрузки кабинета…',
  heading: 'Стать партнёром',
  intro: 'Создайте партнёрскую учётную запись. Команда программы проверяет каждую заявку перед активацией.',
  name: 'Ваше имя',
  email: 'Эл. почта',
  password: 'Пароль',
  passwordRule: 'Не короче {min} символов.',
  company: 'Компания (необязательно)',
  messenger: 'Мессенджер (необязательно)',
  messengerHint: 'Telegram, WhatsApp, Skype… чтобы команда могла быстро с вами связаться.',
  country: 'Страна',
  chooseCountry: 'Выберите страну',
  terms: 'Я принимаю условия партнёрской программы',
  referralCode: 'Реферальный код (необязательно)',
  referralHint: 'Подставлен из ссылки, по которой вы пришли; замените, если вам дали другой.',
  submit: 'Зарегистрироваться',
  busy: 'Создаём учётную запись…',
  nameRequired: 'Введите имя.',
  emailInvalid: 'Введите адрес эл. почты, например name@example.com.',
  passwordShort: 'Пароль должен быть не короче {min} символов.',
  countryRequired: 'Выберите страну.',
  termsRequired: 'Чтобы продолжить, примите условия программы.',
  fixFields: 'Исправьте отмеченные поля.',
  network: 'Сервер недоступен. Проверьте подключение и попробуйте ещё раз.',
  doneHeading: 'Спасибо за регистрацию!',
};

export const signUpMessages = defineMessages<SignUpKey>({ en, ru });
