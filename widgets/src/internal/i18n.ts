/**
 * Message catalogs (en, ru) and the helpers elements use through the locale context.
 * Keys are typed from the English catalog; `ru` must list every key, so a missing
 * translation fails type checking rather than showing an English string to a Russian user.
 */
export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** A message is plain text, or plural forms chosen by Intl.PluralRules on `params.count`. */
type Message = string | ({ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);

const en = {
  'portal.loading': 'Loading your partner portal…',
  'portal.errorTitle': 'We couldn’t load the partner portal',
  'portal.networkError': 'The server could not be reached. Check your connection and try again.',
  'portal.missingOperator': 'The portal has no operator: set the "operator" attribute.',
  'portal.retry': 'Retry',
  'portal.nav': 'Portal sections',
  'portal.language': 'Language',
  'portal.logoAlt': '{name} logo',
  'portal.themeToDark': 'Switch to dark theme',
  'portal.themeToLight': 'Switch to light theme',
  'portal.account': 'Your account',
  'portal.signOut': 'Sign out',
  'portal.checkingSession': 'Checking your session…',
  'portal.sessionErrorTitle': 'We couldn’t open your partner account',
  'portal.sessionEnded': 'Your session has ended. Please sign in again.',
  'portal.embedExpired': 'Your session has expired. Reload the page to continue.',
  'portal.authArea': 'Sign in or create an account',
  'portal.noAccount': 'New to the program?',
  'portal.createAccount': 'Create an account',
  'portal.haveAccount': 'Already have an account?',
  'portal.signIn': 'Sign in',
  'portal.unlocked': 'Your account is unlocked. You can sign in now.',
  'portal.passwordChanged': 'Your password has been changed. Sign in with the new password.',
  'portal.passwordSet': 'Your password is set. Sign in to get started.',
  'nav.program': 'Program',
  'nav.dashboard': 'Dashboard',
  'nav.reports': 'Reports',
  'nav.profile': 'Profile',
  'nav.campaigns': 'Campaigns',
  'nav.creatives': 'Creatives',
  'nav.plans': 'Plans',
  'nav.subAffiliates': 'Sub-affiliates',
  'nav.conversions': 'Conversions',
  'nav.bills': 'Bills',
  'nav.wallet': 'Wallet',
  'nav.postbacks': 'Postbacks',
  'nav.postbackLog': 'Postback log',
  'nav.security': 'Security',
  'nav.api': 'Report API',
  'nav.team': 'Team',
  'nav.activity': 'Activity',
  'nav.notifications': 'Notifications',
  'nav.contacts': 'Contacts',
  'nav.news': 'News',
  'nav.terms': 'Terms',
  'nav.documents': 'Documents',
  'program.waiting': 'Waiting for the portal to load the program…',
  'program.welcome': 'Welcome to the {name} partner program',
  'program.brandsHeading': 'Brands',
  'program.brandCount': { one: 'You can promote {count} brand.', other: 'You can promote {count} brands.' },
  'program.noBrands': 'The operator has not published any brands yet.',
  'program.colName': 'Brand',
  'program.colCurrency': 'Base currency',
  'program.colWebsite': 'Website',
  'program.newTab': '(opens in a new tab)',
  'program.support': 'Questions about the program? Write to {email}.',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;

const ru: Record<MessageKey, Message> = {
  'portal.loading': 'Загружаем партнёрский кабинет…',
  'portal.errorTitle': 'Не удалось загрузить партнёрский кабинет',
  'portal.networkError': 'Сервер недоступен. Проверьте подключение и попробуйте ещё раз.',
  'portal.missingOperator': 'Не указан оператор: задайте атрибут «operator».',
  'portal.retry': 'Повторить',
  'portal.nav': 'Разделы кабинета',
  'portal.language': 'Язык',
  'portal.logoAlt': 'Логотип {name}',
  'portal.themeToDark': 'Включить тёмную тему',
  'portal.themeToLight': 'Включить светлую тему',
  'portal.account': 'Ваша учётная запись',
  'portal.signOut': 'Выйти',
  'portal.checkingSession': 'Проверяем вход…',
  'portal.sessionErrorTitle': 'Не удалось открыть ваш партнёрский кабинет',
  'portal.sessionEnded': 'Сеанс завершён. Войдите снова.',
  'portal.embedExpired': 'Сеанс истёк. Обновите страницу, чтобы продолжить.',
  'portal.authArea': 'Вход или регистрация',
  'portal.noAccount': 'Впервые в программе?',
  'portal.createAccount': 'Зарегистрироваться',
  'portal.haveAccount': 'Уже есть учётная запись?',
  'portal.signIn': 'Войти',
  'portal.unlocked': 'Учётная запись разблокирована. Теперь можно войти.',
  'portal.passwordChanged': 'Пароль изменён. Войдите с новым паролем.',
  'portal.passwordSet': 'Пароль задан. Войдите, чтобы начать работу.',
  'nav.program': 'Программа',
  'nav.dashboard': 'Сводка',
  'nav.reports': 'Отчёты',
  'nav.profile': 'Профиль',
  'nav.campaigns': 'Кампании',
  'nav.creatives': 'Креативы',
  'nav.plans': 'Планы',
  'nav.subAffiliates': 'Субпартнёры',
  'nav.conversions': 'Конверсии',
  'nav.bills': 'Счета',
  'nav.wallet': 'Кошелёк',
  'nav.postbacks': 'Постбеки',
  'nav.postbackLog': 'Лог постбеков',
  'nav.security': 'Безопасность',
  'nav.api': 'API отчётов',
  'nav.team': 'Команда',
  'nav.activity': 'Журнал',
  'nav.notifications': 'Уведомления',
  'nav.contacts': 'Контакты',
  'nav.news': 'Новости',
  'nav.terms': 'Условия',
  'nav.documents': 'Документы',
  'program.waiting': 'Ждём, пока кабинет загрузит программу…',
  'program.welcome': 'Добро пожаловать в партнёрскую программу {name}',
  'program.brandsHeading': 'Бренды',
  'program.brandCount': {
    one: 'Вы можете продвигать {count} бренд.',
    few: 'Вы можете продвигать {count} бренда.',
    many: 'Вы можете продвигать {count} брендов.',
    other: 'Вы можете продвигать {count} бренда.',
  },
  'program.noBrands': 'Оператор пока не опубликовал ни одного бренда.',
  'program.colName': 'Бренд',
  'program.colCurrency': 'Базовая валюта',
  'program.colWebsite': 'Сайт',
  'program.newTab': '(откроется в новой вкладке)',
  'program.support': 'Вопросы по программе? Пишите на {email}.',
};

const CATALOGS: Record<Locale, Record<MessageKey, Message>> = { en, ru };

/** Language names in their own language: a switcher must be readable by someone who can't read the current one. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', ru: 'Русский' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the first supported locale from the element's attribute, then the browser's
 * preferences (`ru-RU` counts as `ru`), then English.
 */
export function negotiateLocale(
  requested: string | null | undefined,
  preferred: readonly string[] = browserLanguages(),
): Locale {
  for (const candidate of [requested, ...preferred]) {
    const base = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(locale, CATALOGS[locale][key] ?? en[key], params);
}

/**
 * Each section keeps its own catalog beside it (`kb-<name>.messages.ts`, typed from its `en`
 * object with `ru` required to list every key) and gets a translator from this.
 */
export function defineMessages<K extends string>(catalogs: { en: Record<K, Message>; ru: Record<K, Message> }) {
  return (locale: Locale, key: K, params: MessageParams = {}): string =>
    formatMessage(locale, catalogs[locale][key] ?? catalogs.en[key], params);
}

export type { Message };

function formatMessage(locale: Locale, message: Message, params: MessageParams): string {
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    const count = Number(params.count ?? 0);
    text = message[new Intl.PluralRules(locale).select(count)] ?? message.other;
  }
  // `{name}` placeholders; unknown ones stay visible so a missing param is noticed, not hidden.
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** What elements receive through `localeContext`: everything they need to speak the user's language. */
export interface LocaleState {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  formatDate: (value: Date | number | string, options?: Intl.DateTimeFormatOptions) => string;
}

export function createLocaleState(locale: Locale): LocaleState {
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    formatNumber: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    formatDate: (value, options = { dateStyle: 'medium' }) =>
      new Intl.DateTimeFormat(locale, options).format(new Date(value)),
  };
}
