/** Strings of `<kb-operator-sign-in>` and `<kb-operator-account>` (the console's staff sign-in), English and Russian. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Staff sign-in',
  'intro':
    'Sign in with your console account: your e-mail and password, then the 6-digit code from your authenticator app.',
  'email': 'E-mail',
  'password': 'Password',
  'signIn': 'Sign in',
  'signingIn': 'Signing in…',
  'missing': 'Enter your e-mail and password.',
  'wrongCredentials': 'The e-mail or password is not correct.',
  'missingOperator': 'The sign-in has no operator: set the "operator-id" attribute.',
  'network': 'No answer from the server. Check the connection and try again.',
  'locked': {
    one: 'Too many wrong passwords or codes: the account is locked. Try again in {count} minute, or ask an owner to unlock it.',
    other:
      'Too many wrong passwords or codes: the account is locked. Try again in {count} minutes, or ask an owner to unlock it.',
  },
  'codeHeading': 'Enter the code',
  'codeIntro': 'Open your authenticator app and enter the current 6-digit code for {email}.',
  'code': '6-digit code',
  'codeInvalid': 'Enter the 6 digits your authenticator app shows.',
  'verify': 'Verify',
  'verifying': 'Checking…',
  'expired': 'The sign-in took too long: enter your password again.',
  'back': 'Use another account',
  'enrolHeading': 'Set up two-factor authentication',
  'enrolIntro':
    'Every console sign-in needs a code from an authenticator app, and your account has none yet. Set it up once:',
  'preparing': 'Preparing your key…',
  'scan': 'Scan the QR code with an authenticator app (Google Authenticator, 1Password, Aegis…).',
  'qrAlt': 'QR code for your authenticator app',
  'manual': 'Or type this key into the app:',
  'enterCode': 'Enter the 6-digit code the app shows.',
  'confirm': 'Turn on and sign in',
  'retry': 'Try again',
  'account': 'Staff account',
  'signedInAs': 'Signed in as {name}',
  'roleOf': '{role} at {operator}',
  'role.owner': 'Owner',
  'role.manager': 'Manager',
  'role.finance': 'Finance',
  'role.viewer': 'Viewer',
  'signOut': 'Sign out',
  'signingOut': 'Signing out…',
} satisfies Record<string, Message>;

export type OperatorSignInKey = keyof typeof en;

const ru: Record<OperatorSignInKey, Message> = {
  'heading': 'Вход для сотрудников',
  'intro': 'Войдите в учётную запись консоли: e-mail и пароль, затем 6-значный код из приложения-аутентификатора.',
  'email': 'E-mail',
  'password': 'Пароль',
  'signIn': 'Войти',
  'signingIn': 'Входим…',
  'missing': 'Введите e-mail и пароль.',
  'wrongCredentials': 'Неверный e-mail или пароль.',
  'missingOperator': 'У формы входа нет оператора: задайте атрибут "operator-id".',
  'network': 'Сервер не отвечает. Проверьте соединение и попробуйте ещё раз.',
  'locked': {
    one: 'Слишком много неверных паролей или кодов: учётная запись заблокирована. Попробуйте через {count} минуту или попросите владельца разблокировать её.',
    few: 'Слишком много неверных паролей или кодов: учётная запись заблокирована. Попробуйте через {count} минуты или попросите владельца разблокировать её.',
    many: 'Слишком много неверных паролей или кодов: учётная запись заблокирована. Попробуйте через {count} минут или попросите владельца разблокировать её.',
    other:
      'Слишком много неверных паролей или кодов: учётная запись заблокирована. Попробуйте через {count} минуты или попросите владельца разблокировать её.',
  },
  'codeHeading': 'Введите код',
  'codeIntro': 'Откройте приложение-аутентификатор и введите текущий 6-значный код для {email}.',
  'code': '6-значный код',
  'codeInvalid': 'Введите 6 цифр, которые показывает приложение-аутентификатор.',
  'verify': 'Проверить',
  'verifying': 'Проверяем…',
  'expired': 'Вход занял слишком много времени: введите пароль ещё раз.',
  'back': 'Войти в другую учётную запись',
  'enrolHeading': 'Настройте двухфакторную аутентификацию',
  'enrolIntro':
    'Для каждого входа в консоль нужен код из приложения-аутентификатора, а у вашей учётной записи его ещё нет. Настройте один раз:',
  'preparing': 'Готовим ключ…',
  'scan': 'Отсканируйте QR-код приложением-аутентификатором (Google Authenticator, 1Password, Aegis…).',
  'qrAlt': 'QR-код для приложения-аутентификатора',
  'manual': 'Или введите этот ключ в приложение вручную:',
  'enterCode': 'Введите 6-значный код, который показывает приложение.',
  'confirm': 'Включить и войти',
  'retry': 'Повторить',
  'account': 'Учётная запись сотрудника',
  'signedInAs': 'Вы вошли как {name}',
  'roleOf': '{role}, {operator}',
  'role.owner': 'Владелец',
  'role.manager': 'Менеджер',
  'role.finance': 'Финансы',
  'role.viewer': 'Наблюдатель',
  'signOut': 'Выйти',
  'signingOut': 'Выходим…',
};

export const operatorSignInMessages = defineMessages<OperatorSignInKey>({ en, ru });
