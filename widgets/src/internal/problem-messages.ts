/**
 * Every problem the API can answer, worded in the user's language. The server sends a `code`
 * (DOMAIN_ERROR_CODES) with `params`, and for each bad field a `reason` (FIELD_PROBLEM_REASONS)
 * with `params`; its English `detail` and `message` are for developers and logs, never shown in
 * the Russian UI. The catalogs are typed from core/lib/errors.ts's closed lists, so a new code,
 * reason, format, resource or state without words in both languages fails type checking (and
 * tests/problem-messages.test.ts). Components with better words of their own keep them (sign-in's
 * 423, the postback editor's template codes, which invalid_template reuses from problem-text.ts).
 */
import type {
  DomainErrorCode,
  FieldProblemReason,
  ProblemFormat,
  ProblemParams,
  ProblemResource,
  ProblemState,
} from '../../../core/lib/errors.ts';
import type { Locale } from './i18n.ts';
import { problemText as templateProblemText } from './postback/problem-text.ts';
import type { TemplateProblem } from './postback/postback-types.ts';

export type { ProblemParams };

/** What a sentence gets besides the params: number, list and plural helpers for its locale. */
export interface Wording {
  locale: Locale;
  /** The top-level code the sentence is for (a state reads differently under forbidden and conflict). */
  code: string;
  num(value: string | number | string[] | undefined): string;
  /** "a, b or c" in the locale. */
  or(value: string | number | string[] | undefined): string;
  /** The plural form for `count`: `plural(n, { one, few, many, other })`, `{count}` replaced. */
  plural(count: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string;
  size(bytes: number): string;
}

type Sentence = (p: ProblemParams, w: Wording) => string;
interface Noun {
  name: string;
  /** English: the article; Russian: the grammatical gender (m, f, n) the sentence agrees with. */
  form: 'a' | 'an' | 'm' | 'f' | 'n';
}

export interface ProblemCatalog {
  codes: Record<DomainErrorCode, Sentence>;
  reasons: Record<FieldProblemReason, Sentence>;
  formats: Record<ProblemFormat, string>;
  resources: Record<ProblemResource, Noun>;
  states: Record<ProblemState, Sentence>;
  roles: Record<string, string>;
  statuses: Record<string, string>;
}

const str = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : String(value ?? ''));
/** The roles a `forbidden_for_role` problem allows, in the catalogue's words. */
const roleList = (words: { roles: Record<string, string> }, allowed: unknown): string =>
  (Array.isArray(allowed) ? allowed : [allowed]).map((r) => words.roles[String(r)] ?? String(r)).join(', ');

const en: ProblemCatalog = {
  codes: {
    bad_request: () => 'The request could not be read. Reload the page and try again.',
    unauthorized: (p) =>
      p.purpose === 'unlock'
        ? 'This unlock link is not valid: it was already used or has expired.'
        : p.purpose === 'password_reset'
          ? 'This password link is not valid: it was already used or has expired. Ask for a new one.'
          : p.purpose === 'invite'
            ? 'This invitation link is not valid: it was already used or has expired. Ask for a new invitation.'
            : p.purpose === 'embed'
              ? 'This portal link was already used or has expired. Reload the page to continue.'
              : 'The email or password is not correct, or your session has ended.',
    two_factor_required: () => 'Enter the 6-digit code from your authenticator app.',
    statistic_token_rotated: () =>
      'This statistic token was replaced by a newer one: copy the current token from the Security section.',
    statistic_token_expired: () => 'This statistic token was expired: create a new one in the Security section.',
    forbidden: (p) =>
      p.role
        ? `Your role (${en.roles[str(p.role)] ?? str(p.role)}) may not do this.`
        : p.component
          ? 'This embedded portal may not use this section.'
          : p.origin
            ? `This website (${str(p.origin)}) is not allowed to use the partner portal.`
            : 'You are not allowed to do this.',
    forbidden_for_role: (p) =>
      p.role && p.allowed
        ? `Your role (${en.roles[str(p.role)] ?? str(p.role)}) may not do this; it needs ${roleList(en, p.allowed)}.`
        : 'Your role may not do this.',
    account_inactive: () => 'This account is not active.',
    terms_not_accepted: () => 'The program has new terms: read and accept them to continue.',
    not_found: (p) => {
      const noun = en.resources[p.resource as ProblemResource];
      return noun ? `The ${noun.name} was not found.` : 'Not found.';
    },
    method_not_allowed: () => 'This action is not available.',
    conflict: () => 'This conflicts with a change made meanwhile. Reload and try again.',
    gone: () => 'This is no longer available.',
    payload_too_large: (p, w) =>
      typeof p.maximum === 'number' ? `Too much data: at most ${w.size(p.maximum)}.` : 'Too much data.',
    unsupported_media_type: () => 'The request was sent in a format the server does not take.',
    validation_failed: () => 'Check the highlighted fields.',
    account_locked: () =>
      'Your account is locked after too many wrong passwords or codes. Use the unlock link ' +
      'we emailed you, or ask the program team or your account owner to unlock it.',
    rate_limited: (p, w) =>
      typeof p.limit === 'number'
        ? w.plural(p.limit, {
            one: 'At most {count} try a minute: wait a moment and try again.',
            other: 'At most {count} tries a minute: wait a moment and try again.',
          })
        : typeof p.minutes === 'number'
          ? w.plural(p.minutes, {
              one: 'Too many attempts: wait {count} minute and try again.',
              other: 'Too many attempts: wait {count} minutes and try again.',
            })
          : 'Too many attempts: wait a moment and try again.',
    internal: () => 'Something went wrong on our side. Try again; if it keeps happening, contact support.',
    unavailable: () => 'The service is unavailable right now. Try again in a few minutes.',
  },
  reasons: {
    required: () => 'Required.',
    required_one_of: (p, w) => `Give at least one of: ${w.or(p.fields)}.`,
    requires_field: (p) => `Only together with ${str(p.field)}.`,
    not_applicable: () => 'Not used with this choice.',
    invalid_type: (p) => {
      const kinds: Record<string, string> = {
        string: 'Must be text.',
        number: 'Must be a number.',
        integer: 'Must be a whole number.',
        boolean: 'Must be yes or no.',
        array: 'Must be a list.',
        object: 'Must be a set of fields.',
      };
      return kinds[str(p.expected)] ?? 'This kind of value is not accepted.';
    },
    too_short: (p, w) =>
      w.plural(Number(p.minimum), { one: 'At least {count} character.', other: 'At least {count} characters.' }),
    too_long: (p, w) =>
      w.plural(Number(p.maximum), { one: 'At most {count} character.', other: 'At most {count} characters.' }),
    too_small: (p, w) => `Must be at least ${w.num(p.minimum)}.`,
    too_big: (p, w) => (p.maximum === undefined ? 'Too big.' : `Must be at most ${w.num(p.maximum)}.`),
    too_few: (p, w) =>
      w.plural(Number(p.minimum), { one: 'Choose at least {count}.', other: 'Choose at least {count}.' }),
    too_many: (p, w) => w.plural(Number(p.maximum), { one: 'At most {count} item.', other: 'At most {count} items.' }),
    too_large: (p, w) => (typeof p.maximum === 'number' ? `Too large: at most ${w.size(p.maximum)}.` : 'Too large.'),
    invalid_format: (p) => en.formats[p.format as ProblemFormat] ?? 'This is not in the expected format.',
    invalid_choice: (p, w) => `Choose one of: ${w.or(p.allowed)}.`,
    must_accept: () => 'Tick this to continue.',
    outdated: () => 'This changed while the page was open: reload the page, read the new version and accept it.',
    unknown_field: () => 'This field is not taken here.',
    money_format: (p, w) =>
      typeof p.decimals === 'number'
        ? w.plural(p.decimals, {
            one: 'At most {count} decimal place in this currency.',
            other: 'At most {count} decimal places in this currency.',
          })
        : 'Enter an amount like 12.50.',
    unknown_currency: () => 'Not a supported currency.',
    not_found_reference: (p) => {
      const noun = en.resources[p.resource as ProblemResource];
      return noun ? `No such ${noun.name}.` : 'Not found.';
    },
    already_exists: () => 'Already taken.',
    immutable: () => 'Cannot change once set.',
    weak_password: (p) =>
      p.rule === 'contains_email'
        ? 'Must not contain the name of your email address.'
        : 'This is one of the most common passwords: choose something less guessable.',
    wrong_code: () => 'The code is not correct or was already used.',
    invalid_template: (p, w) => `The URL has a mistake at character ${w.num(Number(p.position ?? 0) + 1)}.`,
    invalid_value: () => 'This value is not accepted.',
  },
  formats: {
    email: 'Enter an email address like name@example.com.',
    url: 'Enter a web address starting with https://.',
    date: 'Enter a date like 2026-11-24.',
    datetime: 'Enter a time like 2026-11-24T10:00:00Z.',
    json: 'The data is not valid JSON.',
    origin: 'Enter a site address like https://partners.example.com (no path, no trailing slash).',
    hex_colour: 'Enter a colour like #1a2b3c.',
    country_code: 'Choose a country (a two-letter code like DE).',
    time_zone: 'Choose a time zone like Europe/Malta.',
    exchange_rate: 'Enter a rate above zero like 1.0842 (units per euro).',
    percentage: 'Enter a percentage from 0 to 100 like 35 or 12.5.',
    language_code: 'Enter a two-letter language code like en.',
    phone: 'Enter a phone number like +49 30 1234567.',
    totp_code: 'Enter the 6-digit code from your authenticator app.',
    second_factor_code: 'Enter the 6-digit code from your authenticator app, or a recovery code.',
    promo_code: 'Use 3 to 40 Latin letters, digits, _ or -.',
    parameter_name: 'Start with a Latin letter, then letters, digits or _ (up to 32).',
    field_key: 'Start with a lower-case Latin letter, then lower-case letters, digits or _ (up to 40).',
    size: 'Enter a size like 300x250.',
    http_status_filter: 'Enter an HTTP code like 200, a class like 5xx, or none.',
    bill_states: 'Choose states from pending, approved, on_hold, cancelled and paid, separated by commas.',
    iban: 'Enter a valid IBAN like DE89 3704 0044 0532 0130 00 (check the country, length and check digits).',
    bic: 'Enter a BIC/SWIFT code of 8 or 11 characters like COBADEFFXXX.',
    wallet_address: 'Enter a wallet address of the chosen coin and network.',
    webmoney_purse: 'Enter a WebMoney purse: a letter and 12 digits, like Z123456789012.',
    capitalist_account: 'Enter a Capitalist account: a letter and 7 to 12 digits, like U1234567.',
    telegram_username: 'Enter a Telegram username like @lucky_manager (5 to 32 Latin letters, digits or _).',
    skype_name: 'Enter a Skype name (6 to 32 characters starting with a letter) or a live: id.',
    header_name: 'Enter an HTTP header name: Latin letters, digits and - only, like X-Api-Key.',
    api_template: 'Fix the template: see the message for the variable or brace that is wrong.',
    json_path: 'Enter a JSONPath that starts with $, like $.data[*] or $.order.id.',
    ip_address: 'Enter an IPv4 or IPv6 address, like 203.0.113.7.',
  },
  resources: {
    bill: { name: 'bill', form: 'a' },
    brand: { name: 'brand', form: 'a' },
    campaign: { name: 'campaign', form: 'a' },
    cash_out: { name: 'cash-out', form: 'a' },
    cash_out_schedule: { name: 'cash-out schedule', form: 'a' },
    connection: { name: 'connection', form: 'a' },
    network_adapter: { name: 'network API adapter', form: 'a' },
    lead: { name: 'lead', form: 'a' },
    conversion: { name: 'conversion', form: 'a' },
    creative: { name: 'creative', form: 'a' },
    document: { name: 'document', form: 'a' },
    landing: { name: 'landing page', form: 'a' },
    manager: { name: 'manager', form: 'a' },
    news_article: { name: 'news article', form: 'a' },
    network: { name: 'network', form: 'a' },
    notification: { name: 'notification', form: 'a' },
    offer: { name: 'offer', form: 'an' },
    operator: { name: 'partner program', form: 'a' },
    partner: { name: 'partner', form: 'a' },
    payment_account: { name: 'payment account', form: 'a' },
    payment_method: { name: 'payment method', form: 'a' },
    plan: { name: 'commission plan', form: 'a' },
    postback: { name: 'postback', form: 'a' },
    promo: { name: 'promo', form: 'a' },
    referral_code: { name: 'referral code', form: 'a' },
    registration_field: { name: 'registration field', form: 'a' },
    requested_report: { name: 'requested report', form: 'a' },
    session: { name: 'session', form: 'a' },
    team_member: { name: 'team member', form: 'a' },
    terms_version: { name: 'terms version', form: 'a' },
    traffic_source: { name: 'traffic source', form: 'a' },
    two_factor: { name: 'two-factor authentication', form: 'a' },
    staff_user: { name: 'staff user', form: 'a' },
    api_key: { name: 'API key', form: 'an' },
    user: { name: 'user', form: 'a' },
  },
  states: {
    exists: (p) => {
      if (p.resource === 'user') return 'An account with this email already exists: sign in or reset the password.';
      if (p.resource === 'promo') return 'This promo code is taken.';
      if (p.resource === 'payment_account')
        return 'You already have an account for this payment method: delete it first to add another.';
      const noun = en.resources[p.resource as ProblemResource];
      return noun
        ? `${noun.form === 'an' ? 'An' : 'A'} ${noun.name} with this name already exists.`
        : 'Already exists.';
    },
    archived: (p) =>
      `The ${en.resources[p.resource as ProblemResource]?.name ?? 'campaign'} is archived: unarchive it first.`,
    immutable: (p) => `The ${en.resources[p.resource as ProblemResource]?.name ?? 'value'} cannot change once set.`,
    changed: () => 'It changed while your request was applied: send it again.',
    status: (p) =>
      p.resource === 'conversion'
        ? `The conversion is “${en.statuses[str(p.status)] ?? str(p.status)}”: it cannot become “${en.statuses[str(p.to)] ?? str(p.to)}”.`
        : `Not possible while the ${en.resources[p.resource as ProblemResource]?.name ?? 'item'} is “${en.statuses[str(p.status)] ?? str(p.status)}”.`,
    on: () => 'Two-factor authentication is already on.',
    off: (_p, w) =>
      w.code === 'forbidden'
        ? 'Turn on two-factor authentication (Security page) first.'
        : 'Two-factor authentication is not on.',
    not_started: () => 'Start the set-up first (scan the QR code), then confirm with a code.',
    tracker: () => 'A tracker connection has no network settings, offer parameters or API.',
    running: () => 'A sync of this connection is running now: wait for it to finish.',
    not_configured: () => 'Set up this part of the connection’s API adapter first.',
    self: () => 'You cannot do this to your own user here: use your Profile and Security pages.',
    owner: () => 'The account owner is out of reach of team actions.',
    pending: () => 'Your partner account is waiting for approval by the program team.',
    rejected: () => 'Your partner account was not approved.',
    blocked: (p) =>
      p.resource === 'user'
        ? 'Your user is blocked by your account owner.'
        : 'Your partner account is blocked by the program team.',
    wrong_code: () => 'The code is not correct or was already used: enter the current code.',
    not_ready: () => 'The report is still being built: we will email you when it is ready.',
    failed: () => 'The report could not be built: see the reason, then request it again.',
    expired: () => 'The report’s file was kept for its time and is deleted: request the report again.',
  },
  roles: {
    owner: 'owner',
    admin: 'admin',
    analyst: 'analyst',
    finance: 'finance',
    manager: 'manager',
    viewer: 'viewer',
  },
  statuses: {
    hold: 'on hold',
    approve: 'approved',
    cancel: 'cancelled',
    trash: 'trash',
    pending: 'waiting for approval',
    active: 'active',
    rejected: 'rejected',
    blocked: 'blocked',
    approved: 'approved',
    declined: 'declined',
  },
};

/** Russian adjective and past-participle endings by gender: найден / найдена / найдено. */
const ending = (noun: Noun | undefined, m: string, f: string, n: string) =>
  noun?.form === 'f' ? f : noun?.form === 'n' ? n : m;

const ru: ProblemCatalog = {
  codes: {
    bad_request: () => 'Не удалось прочитать запрос. Обновите страницу и попробуйте ещё раз.',
    unauthorized: (p) =>
      p.purpose === 'unlock'
        ? 'Ссылка для разблокировки недействительна: ею уже воспользовались или её срок истёк.'
        : p.purpose === 'password_reset'
          ? 'Ссылка для пароля недействительна: ею уже воспользовались или её срок истёк. Запросите новую.'
          : p.purpose === 'invite'
            ? 'Ссылка-приглашение недействительна: ею уже воспользовались или её срок истёк. ' +
              'Попросите новое приглашение.'
            : p.purpose === 'embed'
              ? 'Ссылкой на кабинет уже воспользовались, или её срок истёк. Обновите страницу, чтобы продолжить.'
              : 'Неверный адрес почты или пароль, либо сеанс завершён.',
    two_factor_required: () => 'Введите 6-значный код из приложения-аутентификатора.',
    statistic_token_rotated: () =>
      'Этот статистический токен заменён новым: скопируйте действующий токен в разделе «Безопасность».',
    statistic_token_expired: () =>
      'Срок действия этого статистического токена прекращён: создайте новый в разделе «Безопасность».',
    forbidden: (p) =>
      p.role
        ? `Вашей роли («${ru.roles[str(p.role)] ?? str(p.role)}») это недоступно.`
        : p.component
          ? 'Этот встроенный кабинет не может открыть этот раздел.'
          : p.origin
            ? `Сайту ${str(p.origin)} не разрешено открывать партнёрский кабинет.`
            : 'У вас нет прав на это действие.',
    forbidden_for_role: (p) =>
      p.role && p.allowed
        ? `Вашей роли («${ru.roles[str(p.role)] ?? str(p.role)}») это недоступно; нужна роль: ${roleList(ru, p.allowed)}.`
        : 'Вашей роли это недоступно.',
    account_inactive: () => 'Эта учётная запись не активна.',
    terms_not_accepted: () => 'В программе новые условия: прочитайте и примите их, чтобы продолжить.',
    not_found: (p) => {
      const noun = ru.resources[p.resource as ProblemResource];
      return noun ? `${noun.name} не найден${ending(noun, '', 'а', 'о')}.` : 'Не найдено.';
    },
    method_not_allowed: () => 'Это действие недоступно.',
    conflict: () => 'Данные изменились. Обновите страницу и попробуйте ещё раз.',
    gone: () => 'Это больше недоступно.',
    payload_too_large: (p, w) =>
      typeof p.maximum === 'number' ? `Слишком много данных: не больше ${w.size(p.maximum)}.` : 'Слишком много данных.',
    unsupported_media_type: () => 'Запрос отправлен в формате, который сервер не принимает.',
    validation_failed: () => 'Проверьте отмеченные поля.',
    account_locked: () =>
      'Учётная запись заблокирована после слишком многих неверных паролей или кодов. ' +
      'Воспользуйтесь ссылкой для разблокировки из письма или попросите команду программы ' +
      'либо владельца аккаунта разблокировать её.',
    rate_limited: (p, w) =>
      typeof p.limit === 'number'
        ? w.plural(p.limit, {
            one: 'Не больше {count} попытки в минуту: подождите немного и попробуйте снова.',
            few: 'Не больше {count} попыток в минуту: подождите немного и попробуйте снова.',
            many: 'Не больше {count} попыток в минуту: подождите немного и попробуйте снова.',
            other: 'Не больше {count} попытки в минуту: подождите немного и попробуйте снова.',
          })
        : typeof p.minutes === 'number'
          ? w.plural(p.minutes, {
              one: 'Слишком много попыток: подождите {count} минуту и попробуйте снова.',
              few: 'Слишком много попыток: подождите {count} минуты и попробуйте снова.',
              many: 'Слишком много попыток: подождите {count} минут и попробуйте снова.',
              other: 'Слишком много попыток: подождите {count} минуты и попробуйте снова.',
            })
          : 'Слишком много попыток: подождите немного и попробуйте снова.',
    internal: () =>
      'На нашей стороне что-то пошло не так. Попробуйте ещё раз; если ошибка повторится, напишите в поддержку.',
    unavailable: () => 'Сервис сейчас недоступен. Попробуйте через несколько минут.',
  },
  reasons: {
    required: () => 'Обязательное поле.',
    required_one_of: (p, w) => `Укажите хотя бы одно из полей: ${w.or(p.fields)}.`,
    requires_field: (p) => `Только вместе с полем «${str(p.field)}».`,
    not_applicable: () => 'Не используется при таком выборе.',
    invalid_type: (p) => {
      const kinds: Record<string, string> = {
        string: 'Должно быть текстом.',
        number: 'Должно быть числом.',
        integer: 'Должно быть целым числом.',
        boolean: 'Должно быть «да» или «нет».',
        array: 'Должно быть списком.',
        object: 'Должно быть набором полей.',
      };
      return kinds[str(p.expected)] ?? 'Значение такого типа не подходит.';
    },
    too_short: (p, w) =>
      w.plural(Number(p.minimum), {
        one: 'Минимум {count} символ.',
        few: 'Минимум {count} символа.',
        many: 'Минимум {count} символов.',
        other: 'Минимум {count} символа.',
      }),
    too_long: (p, w) =>
      w.plural(Number(p.maximum), {
        one: 'Максимум {count} символ.',
        few: 'Максимум {count} символа.',
        many: 'Максимум {count} символов.',
        other: 'Максимум {count} символа.',
      }),
    too_small: (p, w) => `Не меньше ${w.num(p.minimum)}.`,
    too_big: (p, w) => (p.maximum === undefined ? 'Слишком большое значение.' : `Не больше ${w.num(p.maximum)}.`),
    too_few: (p, w) =>
      w.plural(Number(p.minimum), {
        one: 'Выберите хотя бы {count} элемент.',
        few: 'Выберите хотя бы {count} элемента.',
        many: 'Выберите хотя бы {count} элементов.',
        other: 'Выберите хотя бы {count} элемента.',
      }),
    too_many: (p, w) =>
      w.plural(Number(p.maximum), {
        one: 'Максимум {count} элемент.',
        few: 'Максимум {count} элемента.',
        many: 'Максимум {count} элементов.',
        other: 'Максимум {count} элемента.',
      }),
    too_large: (p, w) =>
      typeof p.maximum === 'number'
        ? `Слишком большой объём: не больше ${w.size(p.maximum)}.`
        : 'Слишком большой объём.',
    invalid_format: (p) => ru.formats[p.format as ProblemFormat] ?? 'Значение не в том формате.',
    invalid_choice: (p, w) => `Выберите одно из значений: ${w.or(p.allowed)}.`,
    must_accept: () => 'Отметьте, чтобы продолжить.',
    outdated: () =>
      'Пока страница была открыта, условия изменились: обновите страницу, прочитайте новую версию и примите её.',
    unknown_field: () => 'Такого поля здесь нет.',
    money_format: (p, w) =>
      typeof p.decimals === 'number'
        ? w.plural(p.decimals, {
            one: 'В этой валюте не больше {count} знака после точки.',
            few: 'В этой валюте не больше {count} знаков после точки.',
            many: 'В этой валюте не больше {count} знаков после точки.',
            other: 'В этой валюте не больше {count} знака после точки.',
          })
        : 'Введите сумму, например 12.50.',
    unknown_currency: () => 'Эта валюта не поддерживается.',
    not_found_reference: (p) => {
      const noun = ru.resources[p.resource as ProblemResource];
      return noun ? `${noun.name} не найден${ending(noun, '', 'а', 'о')}.` : 'Не найдено.';
    },
    already_exists: () => 'Уже занято.',
    immutable: () => 'После выбора не меняется.',
    weak_password: (p) =>
      p.rule === 'contains_email'
        ? 'Пароль не должен содержать имя из вашего адреса почты.'
        : 'Это один из самых распространённых паролей: придумайте менее предсказуемый.',
    wrong_code: () => 'Код неверный или уже использован.',
    invalid_template: (p, w) => `В URL ошибка в символе ${w.num(Number(p.position ?? 0) + 1)}.`,
    invalid_value: () => 'Это значение не подходит.',
  },
  formats: {
    email: 'Введите адрес почты, например name@example.com.',
    url: 'Введите веб-адрес, начинающийся с https://.',
    date: 'Введите дату в виде 2026-11-24.',
    datetime: 'Введите время в виде 2026-11-24T10:00:00Z.',
    json: 'Данные — не корректный JSON.',
    origin: 'Введите адрес сайта вида https://partners.example.com (без пути и косой черты в конце).',
    hex_colour: 'Введите цвет в виде #1a2b3c.',
    country_code: 'Выберите страну (двухбуквенный код, например DE).',
    time_zone: 'Выберите часовой пояс, например Europe/Malta.',
    exchange_rate: 'Введите курс больше нуля, например 1.0842 (единиц за евро).',
    percentage: 'Введите процент от 0 до 100, например 35 или 12.5.',
    language_code: 'Введите двухбуквенный код языка, например ru.',
    phone: 'Введите номер телефона, например +7 495 1234567.',
    totp_code: 'Введите 6-значный код из приложения-аутентификатора.',
    second_factor_code: 'Введите 6-значный код из приложения-аутентификатора или резервный код.',
    promo_code: 'От 3 до 40 латинских букв, цифр, _ или -.',
    parameter_name: 'Латинская буква, затем буквы, цифры или _ (до 32 символов).',
    field_key: 'Строчная латинская буква, затем строчные буквы, цифры или _ (до 40 символов).',
    size: 'Введите размер в виде 300x250.',
    http_status_filter: 'Введите HTTP-код, например 200, класс, например 5xx, или none.',
    bill_states: 'Выберите статусы из pending, approved, on_hold, cancelled и paid через запятую.',
    iban: 'Введите корректный IBAN, например DE89 3704 0044 0532 0130 00 (проверьте страну, длину и контрольные цифры).',
    bic: 'Введите BIC/SWIFT-код из 8 или 11 символов, например COBADEFFXXX.',
    wallet_address: 'Введите адрес кошелька выбранной монеты и сети.',
    webmoney_purse: 'Введите кошелёк WebMoney: буква и 12 цифр, например Z123456789012.',
    capitalist_account: 'Введите счёт Capitalist: буква и от 7 до 12 цифр, например U1234567.',
    telegram_username:
      'Введите имя пользователя Telegram, например @lucky_manager (от 5 до 32 латинских букв, цифр или _).',
    skype_name: 'Введите имя Skype (от 6 до 32 символов, начиная с буквы) или идентификатор live:.',
    header_name: 'Введите имя HTTP-заголовка: латинские буквы, цифры и -, например X-Api-Key.',
    api_template: 'Исправьте шаблон: в сообщении указана неверная переменная или скобка.',
    json_path: 'Введите JSONPath, начинающийся с $, например $.data[*] или $.order.id.',
    ip_address: 'Введите адрес IPv4 или IPv6, например 203.0.113.7.',
  },
  resources: {
    bill: { name: 'Счёт', form: 'm' },
    brand: { name: 'Бренд', form: 'm' },
    campaign: { name: 'Кампания', form: 'f' },
    cash_out: { name: 'Вывод средств', form: 'm' },
    cash_out_schedule: { name: 'Расписание вывода средств', form: 'n' },
    connection: { name: 'Подключение', form: 'n' },
    network_adapter: { name: 'API-адаптер сети', form: 'm' },
    lead: { name: 'Лид', form: 'm' },
    conversion: { name: 'Конверсия', form: 'f' },
    creative: { name: 'Креатив', form: 'm' },
    document: { name: 'Документ', form: 'm' },
    landing: { name: 'Лендинг', form: 'm' },
    manager: { name: 'Менеджер', form: 'm' },
    news_article: { name: 'Новость', form: 'f' },
    network: { name: 'Партнёрская сеть', form: 'f' },
    notification: { name: 'Уведомление', form: 'n' },
    offer: { name: 'Оффер', form: 'm' },
    operator: { name: 'Партнёрская программа', form: 'f' },
    partner: { name: 'Партнёр', form: 'm' },
    payment_account: { name: 'Платёжный счёт', form: 'm' },
    payment_method: { name: 'Способ выплаты', form: 'm' },
    plan: { name: 'Тариф', form: 'm' },
    postback: { name: 'Постбек', form: 'm' },
    promo: { name: 'Промо', form: 'n' },
    referral_code: { name: 'Реферальный код', form: 'm' },
    registration_field: { name: 'Поле регистрации', form: 'n' },
    requested_report: { name: 'Запрошенный отчёт', form: 'm' },
    session: { name: 'Сеанс', form: 'm' },
    team_member: { name: 'Участник команды', form: 'm' },
    terms_version: { name: 'Версия условий', form: 'f' },
    traffic_source: { name: 'Источник трафика', form: 'm' },
    two_factor: { name: 'Двухфакторная аутентификация', form: 'f' },
    staff_user: { name: 'Сотрудник', form: 'm' },
    api_key: { name: 'API-ключ', form: 'm' },
    user: { name: 'Пользователь', form: 'm' },
  },
  states: {
    exists: (p) => {
      if (p.resource === 'user') return 'Учётная запись с этой почтой уже есть: войдите или восстановите пароль.';
      if (p.resource === 'promo') return 'Этот промокод уже занят.';
      if (p.resource === 'payment_account')
        return 'Для этого способа выплаты у вас уже есть реквизиты: удалите их, чтобы добавить другие.';
      const noun = ru.resources[p.resource as ProblemResource];
      return noun ? `${noun.name} с таким названием уже есть.` : 'Уже существует.';
    },
    archived: (p) => {
      const noun = ru.resources[p.resource as ProblemResource] ?? ru.resources.campaign;
      return `${noun.name} в архиве: сначала верните ${ending(noun, 'его', 'её', 'его')} из архива.`;
    },
    immutable: (p) => {
      const noun = ru.resources[p.resource as ProblemResource];
      return noun ? `${noun.name} после выбора не меняется.` : 'После выбора не меняется.';
    },
    changed: () => 'Данные изменились, пока запрос выполнялся: отправьте его ещё раз.',
    status: (p) =>
      p.resource === 'conversion'
        ? `Конверсия в статусе «${ru.statuses[str(p.status)] ?? str(p.status)}»: перевести её в «${ru.statuses[str(p.to)] ?? str(p.to)}» нельзя.`
        : `Недоступно в статусе «${ru.statuses[str(p.status)] ?? str(p.status)}».`,
    on: () => 'Двухфакторная аутентификация уже включена.',
    off: (_p, w) =>
      w.code === 'forbidden'
        ? 'Сначала включите двухфакторную аутентификацию (раздел «Безопасность»).'
        : 'Двухфакторная аутентификация не включена.',
    not_started: () => 'Сначала начните подключение (отсканируйте QR-код), затем подтвердите его кодом.',
    tracker: () => 'У подключения трекера нет настроек сети, параметров оффера и API.',
    running: () => 'Синхронизация этого подключения уже идёт: дождитесь её окончания.',
    not_configured: () => 'Сначала настройте эту часть API-адаптера подключения.',
    self: () => 'Со своим пользователем здесь этого сделать нельзя: используйте разделы «Профиль» и «Безопасность».',
    owner: () => 'Действия команды не распространяются на владельца аккаунта.',
    pending: () => 'Ваш партнёрский аккаунт ждёт одобрения командой программы.',
    rejected: () => 'Ваш партнёрский аккаунт не одобрен.',
    blocked: (p) =>
      p.resource === 'user'
        ? 'Ваш пользователь заблокирован владельцем аккаунта.'
        : 'Ваш партнёрский аккаунт заблокирован командой программы.',
    wrong_code: () => 'Код неверный или уже использован: введите текущий код.',
    not_ready: () => 'Отчёт ещё формируется: мы пришлём письмо, когда он будет готов.',
    failed: () => 'Отчёт не удалось сформировать: посмотрите причину и запросите его заново.',
    expired: () => 'Срок хранения файла отчёта истёк, файл удалён: запросите отчёт заново.',
  },
  roles: {
    owner: 'Владелец',
    admin: 'Администратор',
    analyst: 'Аналитик',
    finance: 'Финансист',
    manager: 'Менеджер',
    viewer: 'Наблюдатель',
  },
  statuses: {
    hold: 'В ожидании',
    approve: 'Одобрено',
    cancel: 'Отменено',
    trash: 'Треш',
    pending: 'ожидает одобрения',
    active: 'активен',
    rejected: 'отклонён',
    blocked: 'заблокирован',
    approved: 'одобрен',
    declined: 'отклонён',
  },
};

export const PROBLEM_MESSAGES: Record<Locale, ProblemCatalog> = { en, ru };

function wording(locale: Locale, code: string): Wording {
  const num = (value: string | number | string[] | undefined) =>
    typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : str(value);
  return {
    locale,
    code,
    num,
    or: (value) =>
      new Intl.ListFormat(locale, { type: 'disjunction' }).format(
        (Array.isArray(value) ? value : value === undefined ? [] : [String(value)]).map(String),
      ),
    plural: (count, forms) =>
      (forms[new Intl.PluralRules(locale).select(count)] ?? forms.other).replace(/\{count\}/g, num(count)),
    size: (bytes) =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte',
        unitDisplay: 'short',
        maximumFractionDigits: 1,
      }).format(bytes / (bytes >= 1024 * 1024 ? 1024 * 1024 : 1024)),
  };
}

const has = <T extends object>(record: T, key: unknown): key is keyof T =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(record, key);

/** A problem as the widgets hold it (ApiError, or a problem+json body). */
export interface ProblemLike {
  code: string;
  params?: ProblemParams;
  detail?: string;
  status?: number;
}

/** A field problem as the server sends it (`reason` and `params` may be missing from an older server). */
export interface FieldProblemLike {
  path: string;
  reason?: string;
  params?: ProblemParams;
  message: string;
}

/**
 * The sentence for a problem's code (and its state, when params name one). A code this client
 * does not know shows the server's detail in English and the generic sentence otherwise.
 */
export function problemMessage(locale: Locale, problem: ProblemLike): string {
  const catalog = PROBLEM_MESSAGES[locale];
  const params = problem.params ?? {};
  const w = wording(locale, problem.code);
  // `internal` below 500 is no Kabinet answer: an operator backend's own `{ error }` (its admin login), in its words.
  const foreign = problem.code === 'internal' && problem.status !== undefined && problem.status < 500;
  if (foreign && locale === 'en' && problem.detail) return problem.detail;
  if (has(catalog.states, params.state)) return catalog.states[params.state](params, w);
  if (has(catalog.codes, problem.code)) return catalog.codes[problem.code](params, w);
  return locale === 'en' && problem.detail ? problem.detail : catalog.codes.internal(params, w);
}

/** The sentence for one field problem, without its field's name (it is shown beside its field). */
export function fieldProblemMessage(locale: Locale, problem: FieldProblemLike): string {
  const catalog = PROBLEM_MESSAGES[locale];
  const params = problem.params ?? {};
  if (problem.reason === 'invalid_template' && typeof params.problem === 'string') {
    // The postback editor's own words for template codes (English: the server's message is already that).
    return templateProblemText(locale, templateProblemOf(problem));
  }
  if (has(catalog.reasons, problem.reason)) return catalog.reasons[problem.reason](params, wording(locale, ''));
  return locale === 'en' ? problem.message : catalog.reasons.invalid_value(params, wording(locale, ''));
}

/** An `invalid_template` field problem as the postback editor's TemplateProblem (code, position, values). */
export function templateProblemOf(problem: FieldProblemLike): TemplateProblem {
  const { problem: code, position, ...rest } = problem.params ?? {};
  return {
    position: Number(position ?? 0),
    severity: 'error',
    code: code as TemplateProblem['code'],
    params: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, str(v)])),
    message: problem.message.replace(/^at \d+:\s*/, ''),
  };
}

/**
 * The alert for a failure: for a 422, each field problem no input shows (`shown` says which are),
 * worded after its field's name; otherwise (or when every one is shown) the code's sentence.
 */
export function alertMessage(
  locale: Locale,
  problem: ProblemLike & { errors?: readonly FieldProblemLike[] },
  shown: (path: string) => boolean = () => false,
): string {
  const unplaced = (problem.errors ?? []).filter((e) => !shown(e.path));
  if (problem.code !== 'validation_failed' || !unplaced.length) return problemMessage(locale, problem);
  return unplaced
    .map((e) => `${e.path.replace(/^(?:body|query|path)\./, '')}: ${fieldProblemMessage(locale, e)}`)
    .join(' ');
}
