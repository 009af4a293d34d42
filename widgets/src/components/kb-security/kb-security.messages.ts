/** Strings of `<kb-security>` (2FA, sessions, statistic token), English and Russian. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

const en = {
  'heading': 'Security',
  'tfa.heading': 'Two-factor authentication',
  'tfa.on': 'On',
  'tfa.off': 'Off',
  'tfa.status': 'Status:',
  'tfa.explain': 'Sign-in asks for a code from an authenticator app on your phone.',
  'tfa.enable': 'Enable 2FA',
  'tfa.disable': 'Disable 2FA',
  'tfa.scan': 'Scan this QR code with an authenticator app (Google Authenticator, 1Password, Authy…).',
  'tfa.qrAlt': 'QR code for your authenticator app',
  'tfa.manual': 'Can’t scan it? Enter this key in the app instead:',
  'tfa.copyKey': 'Copy key',
  'tfa.enterCode': 'Then enter the 6-digit code the app shows. Check that the clocks of both devices are right.',
  'tfa.code': '6-digit code from your authenticator app',
  'tfa.codeMissing': 'Enter the 6-digit code from your authenticator app.',
  'tfa.confirm': 'Confirm',
  'tfa.disableExplain':
    'To turn two-factor authentication off, enter a current code from your authenticator ' +
    'app or one of your unused recovery codes. Too many wrong codes lock your account.',
  'tfa.codeWrong':
    'This code is not correct or was already used. Enter the code your authenticator app ' +
    'shows now, and check that your phone’s clock is right.',
  'tfa.codeWrongDisable':
    'This code is not correct or was already used. Enter the code your authenticator app ' +
    'shows now, or an unused recovery code. Too many wrong codes lock your account.',
  'tfa.lockedHeading': 'Your account is locked',
  'tfa.lockedText':
    'After too many wrong passwords or 2FA codes in a row we locked the account to keep ' +
    'it safe, so codes are not accepted for now. Two-factor authentication stays on.',
  'tfa.lockedEmail':
    'We’ve emailed you a link to unlock it. The program’s support team or your account’s ' +
    'owner or admin can also unlock it, and resetting your password unlocks it too.',
  'tfa.lockedCheck': 'Check whether it is unlocked',
  'tfa.stillLocked': 'Your account is still locked. Open the link from the email, then check again.',
  'tfa.unlockedNotice': 'Your account is unlocked. You can turn two-factor authentication off with a code again.',
  'tfa.disableConfirm': 'Disable 2FA',
  'tfa.recoveryHeading': 'Save your recovery codes',
  'tfa.recoveryExplain':
    'Each code signs you in once if you lose your phone. They are shown only now: copy ' +
    'or download them and keep them somewhere safe.',
  'tfa.copyCodes': 'Copy codes',
  'tfa.download': 'Download as .txt',
  'tfa.fileTitle': 'Recovery codes for {email}. Each code works once.',
  'tfa.saved': 'I saved them',
  'tfa.enabledNotice': 'Two-factor authentication is on.',
  'tfa.disabledNotice': 'Two-factor authentication is off.',
  'sessions.heading': 'Active sessions',
  'sessions.explain':
    'Devices signed in to your account. If you don’t recognise one, terminate it: that device is signed out at once.',
  'sessions.terminateOthers': 'Terminate all other sessions',
  'sessions.terminated': { one: '{count} session terminated.', other: '{count} sessions terminated.' },
  'token.heading': 'Statistic token',
  'token.explain':
    'Your personal statistic token: a secret that identifies you without your password, ' +
    'so keep it private. Every team member has their own token; yours stops working when ' +
    'you rotate or expire it.',
  'token.label': 'Your statistic token',
  'token.created': 'Created {date}',
  'token.none': 'You have no active statistic token.',
  'token.show': 'Show',
  'token.hide': 'Hide',
  'token.copy': 'Copy token',
  'token.create': 'Create token',
  'token.rotate': 'Rotate',
  'token.expire': 'Expire',
  'token.confirmRotate': 'Issue a new token? The current one stops working at once: update your scripts and feed URLs.',
  'token.confirmExpire': 'Expire the token? Anything that uses it stops working until you create a new one.',
  'token.yesRotate': 'Yes, rotate',
  'token.yesExpire': 'Yes, expire',
  'token.rotated': 'A new token is issued.',
  'token.expired': 'The token has expired.',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'heading': 'Безопасность',
  'tfa.heading': 'Двухфакторная аутентификация',
  'tfa.on': 'Включена',
  'tfa.off': 'Выключена',
  'tfa.status': 'Статус:',
  'tfa.explain': 'При входе нужен код из приложения-аутентификатора на телефоне.',
  'tfa.enable': 'Включить 2FA',
  'tfa.disable': 'Отключить 2FA',
  'tfa.scan': 'Отсканируйте QR-код приложением-аутентификатором (Google Authenticator, 1Password, Authy…).',
  'tfa.qrAlt': 'QR-код для приложения-аутентификатора',
  'tfa.manual': 'Не получается отсканировать? Введите в приложении этот ключ:',
  'tfa.copyKey': 'Копировать ключ',
  'tfa.enterCode': 'Затем введите 6-значный код из приложения. Проверьте, что время на обоих устройствах совпадает.',
  'tfa.code': '6-значный код из приложения-аутентификатора',
  'tfa.codeMissing': 'Введите 6-значный код из приложения-аутентификатора.',
  'tfa.confirm': 'Подтвердить',
  'tfa.disableExplain':
    'Чтобы отключить двухфакторную аутентификацию, введите текущий код из ' +
    'приложения-аутентификатора или один из неиспользованных резервных кодов. После ' +
    'слишком многих неверных кодов учётная запись блокируется.',
  'tfa.codeWrong':
    'Код неверен или уже использован. Введите код, который приложение-аутентификатор ' +
    'показывает сейчас, и проверьте время на телефоне.',
  'tfa.codeWrongDisable':
    'Код неверен или уже использован. Введите код, который приложение-аутентификатор ' +
    'показывает сейчас, или неиспользованный резервный код. После слишком многих ' +
    'неверных кодов учётная запись блокируется.',
  'tfa.lockedHeading': 'Учётная запись заблокирована',
  'tfa.lockedText':
    'После слишком многих неверных паролей или кодов 2FA подряд мы заблокировали учётную ' +
    'запись, чтобы защитить её, поэтому коды сейчас не принимаются. Двухфакторная ' +
    'аутентификация остаётся включённой.',
  'tfa.lockedEmail':
    'Мы отправили вам письмо со ссылкой для разблокировки. Разблокировать учётную запись ' +
    'могут также служба поддержки программы, владелец или администратор вашего аккаунта; ' +
    'сброс пароля тоже снимает блокировку.',
  'tfa.lockedCheck': 'Проверить, снята ли блокировка',
  'tfa.stillLocked': 'Учётная запись всё ещё заблокирована. Откройте ссылку из письма и проверьте снова.',
  'tfa.unlockedNotice': 'Блокировка снята. Теперь двухфакторную аутентификацию снова можно отключить с помощью кода.',
  'tfa.disableConfirm': 'Отключить 2FA',
  'tfa.recoveryHeading': 'Сохраните резервные коды',
  'tfa.recoveryExplain':
    'Каждый код позволяет войти один раз, если вы потеряете телефон. Коды показываются ' +
    'только сейчас: скопируйте или скачайте их и храните в надёжном месте.',
  'tfa.copyCodes': 'Копировать коды',
  'tfa.download': 'Скачать .txt',
  'tfa.fileTitle': 'Резервные коды для {email}. Каждый код действует один раз.',
  'tfa.saved': 'Коды сохранены',
  'tfa.enabledNotice': 'Двухфакторная аутентификация включена.',
  'tfa.disabledNotice': 'Двухфакторная аутентификация отключена.',
  'sessions.heading': 'Активные сеансы',
  'sessions.explain':
    'Устройства, с которых выполнен вход в ваш аккаунт. Если какое-то вам незнакомо, ' +
    'завершите сеанс — на этом устройстве сразу произойдёт выход.',
  'sessions.terminateOthers': 'Завершить все другие сеансы',
  'sessions.terminated': {
    one: 'Завершён {count} сеанс.',
    few: 'Завершено {count} сеанса.',
    many: 'Завершено {count} сеансов.',
    other: 'Завершено {count} сеанса.',
  },
  'token.heading': 'Токен статистики',
  'token.explain':
    'Ваш личный токен статистики: секрет, который подтверждает, что это вы, без пароля, ' +
    'поэтому не передавайте его другим. У каждого участника команды свой токен; ваш ' +
    'перестаёт действовать, когда вы его обновляете или отзываете.',
  'token.label': 'Ваш токен статистики',
  'token.created': 'Создан {date}',
  'token.none': 'У вас нет действующего токена статистики.',
  'token.show': 'Показать',
  'token.hide': 'Скрыть',
  'token.copy': 'Копировать токен',
  'token.create': 'Создать токен',
  'token.rotate': 'Обновить',
  'token.expire': 'Отозвать',
  'token.confirmRotate':
    'Выпустить новый токен? Текущий сразу перестанет действовать: обновите скрипты и ссылки на фиды.',
  'token.confirmExpire': 'Отозвать токен? Всё, что его использует, перестанет работать, пока вы не создадите новый.',
  'token.yesRotate': 'Да, обновить',
  'token.yesExpire': 'Да, отозвать',
  'token.rotated': 'Выпущен новый токен.',
  'token.expired': 'Токен отозван.',
};

export const securityMessages = defineMessages({ en, ru });
export type SecurityKey = keyof typeof en;
