/** Strings of `<kb-sign-in>` (en, ru): `ru` must list every key of `en`. */
import { defineMessages } from '../../internal/i18n.ts';

const en = {
  waiting: 'Waiting for the portal…',
  heading: 'Sign in to your partner account',
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  busy: 'Signing in…',
  forgot: 'Forgot password?',
  missing: 'Enter your email and password.',
  network: 'The server could not be reached. Check your connection and try again.',
  codeHeading: 'Two-step verification',
  codeIntro: 'Open your authenticator app and enter the 6-digit code for this account.',
  code: 'Verification code',
  codeHint: '6 digits, for example 123 456',
  codeInvalid: 'Enter the 6 digits your authenticator app shows.',
  codeWrong: 'That code is not correct or was already used. Enter the current code from your authenticator app.',
  useRecoveryCode: 'Lost your phone? Use a recovery code',
  useAppCode: 'Use the code from your authenticator app',
  recoveryIntro:
    'Enter one of the recovery codes you saved when you turned on two-step verification. Each code works once.',
  recoveryCode: 'Recovery code',
  recoveryHint: 'Recovery code, e.g. abcde-fghij',
  recoveryInvalid: 'A recovery code is 10 letters and digits with a hyphen in the middle, e.g. abcde-fghij.',
  recoveryWrong: 'That recovery code is not correct or was already used. Check it, or enter another of your codes.',
  rateLimited: 'Too many failed sign-ins from your network. Wait up to 15 minutes and try again.',
  verify: 'Verify and sign in',
  otherAccount: 'Use another account',
  lockedHeading: 'Your account is locked',
  lockedText: 'After too many failed sign-in attempts we locked the account to keep it safe.',
  lockedEmail: 'We’ve emailed you a link to unlock it. The program’s support team can also unlock it for you.',
  backToSignIn: 'Back to sign in',
  forgotHeading: 'Reset your password',
  forgotIntro: 'Enter the email of your account and we’ll send you a link to choose a new password.',
  sendLink: 'Send the link',
  sending: 'Sending…',
  emailInvalid: 'Enter an email address like name@example.com.',
  resetSent: 'If an account exists for {email}, we’ve sent it a link to reset the password. Check your inbox.',
};

export type SignInKey = keyof typeof en;

const ru: Record<SignInKey, string> = {
  waiting: 'Ждём загрузки кабинета…',
  heading: 'Вход в партнёрский кабинет',
  email: 'Эл. почта',
  password: 'Пароль',
  submit: 'Войти',
  busy: 'Входим…',
  forgot: 'Забыли пароль?',
  missing: 'Введите эл. почту и пароль.',
  network: 'Сервер недоступен. Проверьте подключение и попробуйте ещё раз.',
  codeHeading: 'Двухэтапная проверка',
  codeIntro: 'Откройте приложение-аутентификатор и введите 6-значный код для этой учётной записи.',
  code: 'Код подтверждения',
  codeHint: '6 цифр, например 123 456',
  codeInvalid: 'Введите 6 цифр из приложения-аутентификатора.',
  codeWrong: 'Код неверный или уже использован. Введите текущий код из приложения-аутентификатора.',
  useRecoveryCode: 'Потеряли телефон? Войти с резервным кодом',
  useAppCode: 'Ввести код из приложения-аутентификатора',
  recoveryIntro:
    'Введите один из резервных кодов, которые вы сохранили при включении двухэтапной ' +
    'проверки. Каждый код действует один раз.',
  recoveryCode: 'Резервный код',
  recoveryHint: 'Резервный код, например abcde-fghij',
  recoveryInvalid: 'Резервный код — это 10 латинских букв и цифр с дефисом посередине, например abcde-fghij.',
  recoveryWrong: 'Резервный код неверный или уже использован. Проверьте его или введите другой из ваших кодов.',
  rateLimited: 'Слишком много неудачных попыток входа из вашей сети. Подождите до 15 минут и попробуйте ещё раз.',
  verify: 'Подтвердить и войти',
  otherAccount: 'Войти в другую учётную запись',
  lockedHeading: 'Учётная запись заблокирована',
  lockedText: 'После слишком многих неудачных попыток входа мы заблокировали учётную запись, чтобы защитить её.',
  lockedEmail:
    'Мы отправили вам письмо со ссылкой для разблокировки. Разблокировать учётную запись ' +
    'может и служба поддержки программы.',
  backToSignIn: 'Вернуться ко входу',
  forgotHeading: 'Восстановление пароля',
  forgotIntro: 'Укажите эл. почту учётной записи, и мы пришлём ссылку для выбора нового пароля.',
  sendLink: 'Отправить ссылку',
  sending: 'Отправляем…',
  emailInvalid: 'Введите адрес эл. почты, например name@example.com.',
  resetSent:
    'Если учётная запись с адресом {email} существует, мы отправили на него ссылку для сброса пароля. Проверьте почту.',
};

export const signInMessages = defineMessages<SignInKey>({ en, ru });
