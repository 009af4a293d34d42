/** Strings of `<kb-api-docs>` (the Report API page), English and Russian. */
import { defineMessages, type Message } from '../../internal/i18n.ts';

/**
 * The Report API's calls per minute per token: REPORT_API_CALLS_PER_MINUTE of
 * core/modules/statistics/report-api-rate.ts, which the API does not announce
 * (core/modules/statistics/report-api-scope.test.ts keeps the two equal).
 */
export const CALLS_PER_MINUTE = 60;

const en = {
  'heading': 'Report API',
  'intro':
    'Read your report from scripts, spreadsheets and BI tools: the same numbers, filters, grouping and metrics as ' +
    'the Reports section, as JSON. Each request carries your personal statistic token.',
  'try.heading': 'Try it',
  'try.token': 'Your statistic token',
  'try.show': 'Show token',
  'try.hide': 'Hide token',
  'try.copyToken': 'Copy token',
  'try.command': 'Command',
  'try.copyCommand': 'Copy command',
  'try.masked': 'The token is hidden above; “Copy command” copies it in full.',
  'try.keep':
    'Anyone with this token can read your statistics. If it leaks, rotate it in Security: the old one stops working at once.',
  'try.none': 'You have no statistic token yet.',
  'try.create': 'Create one in Security',
  'try.unavailable': 'This portal does not show your statistic token: the command has YOUR_TOKEN in its place.',
  'auth.heading': 'Authentication',
  'auth.text':
    'Send the token in the Authorization header, as it is or as “Bearer <token>”. Each team member has their own ' +
    'token; it reads your account’s statistics and nothing else.',
  'report.heading': 'The report',
  'report.text': 'The performance report. Lists are comma-separated; every parameter is optional.',
  'attributes.heading': 'Report attributes',
  'attributes.text':
    'What you may ask the report for: the metrics and groupings, the currencies, and the ids and names of your ' +
    'brands, plans, campaigns, promos, landing pages and traffic sources. No parameters.',
  'param.period': 'The period. Default last_30_days.',
  'param.fromTo': 'With period=custom: the first and the last day, inclusive (YYYY-MM-DD).',
  'param.timeZone': 'Time zone the days are cut in (IANA, e.g. Europe/Berlin). Default {zone}.',
  'param.groupBy': 'Up to 4 groupings, in order. Without it, totals only.',
  'param.parameter': 'With groupBy=parameter: the click parameter to group by.',
  'param.metrics': 'The metrics to show. Default all of them.',
  'param.currency': 'Convert every amount to this currency. Without it each currency is shown on its own.',
  'param.ratesDate': 'The date of the exchange rates used to convert (YYYY-MM-DD). Default today.',
  'param.filter': 'Only these {what} (ids from the attributes).',
  'param.filterValues': 'Only these values.',
  'param.promoCode': 'Only the promo with this code.',
  'param.sort': 'A metric or a grouping to sort by; order: asc or desc.',
  'param.paging': 'Rows per page (1–1000, default 100) and the rows to skip.',
  'values': 'Values:',
  'more': { one: 'and {count} more', other: 'and {count} more' },
  'what.brandId': 'brands',
  'what.planId': 'plans',
  'what.campaignId': 'campaigns',
  'what.promoId': 'promos',
  'what.landingId': 'landing pages',
  'what.creativeId': 'creatives',
  'what.trafficSourceId': 'traffic sources',
  'limits.heading': 'Rate limit',
  'limits.text': {
    one: 'At most {count} request a minute per token. Past it the answer is 429 with a Retry-After header: the seconds until you may call again.',
    other:
      'At most {count} requests a minute per token. Past it the answer is 429 with a Retry-After header: the seconds until you may call again.',
  },
  'errors.heading': 'Errors',
  'errors.text': 'Errors come as application/problem+json with a code:',
  'error.unauthorized': 'No token, an unknown one, or your account is not active.',
  'error.rotated': 'The token was replaced by a newer one: copy the current token from Security.',
  'error.expired': 'The token was expired: create a new one in Security.',
  'error.invalid': 'A parameter is wrong: errors[].path names it (e.g. query.metrics).',
  'error.limited': 'Too many requests: wait the seconds in Retry-After.',
  'openapi': 'The full description, for code generators and API tools:',
  'loadError': 'The report attributes could not be loaded.',
};

const ru: Record<keyof typeof en, Message> = {
  'heading': 'API отчётов',
  'intro':
    'Получайте отчёт в скрипты, таблицы и BI-системы: те же цифры, фильтры, группировки и метрики, что в разделе ' +
    '«Отчёты», в формате JSON. Каждый запрос несёт ваш личный статистический токен.',
  'try.heading': 'Попробуйте',
  'try.token': 'Ваш статистический токен',
  'try.show': 'Показать токен',
  'try.hide': 'Скрыть токен',
  'try.copyToken': 'Копировать токен',
  'try.command': 'Команда',
  'try.copyCommand': 'Копировать команду',
  'try.masked': 'Выше токен скрыт; «Копировать команду» копирует его целиком.',
  'try.keep':
    'С этим токеном любой может читать вашу статистику. Если он попал в чужие руки, обновите его в разделе ' +
    '«Безопасность»: старый сразу перестанет действовать.',
  'try.none': 'У вас ещё нет статистического токена.',
  'try.create': 'Создайте его в разделе «Безопасность»',
  'try.unavailable': 'Этот кабинет не показывает ваш статистический токен: в команде вместо него стоит YOUR_TOKEN.',
  'auth.heading': 'Авторизация',
  'auth.text':
    'Передавайте токен в заголовке Authorization как есть или как «Bearer <токен>». У каждого участника команды ' +
    'свой токен; он даёт читать статистику вашего аккаунта и ничего больше.',
  'report.heading': 'Отчёт',
  'report.text': 'Отчёт по эффективности. Списки — через запятую; все параметры необязательны.',
  'attributes.heading': 'Атрибуты отчёта',
  'attributes.text':
    'Что можно запросить в отчёте: метрики и группировки, валюты, а также id и названия ваших брендов, планов, ' +
    'кампаний, промо, лендингов и источников трафика. Без параметров.',
  'param.period': 'Период. По умолчанию last_30_days.',
  'param.fromTo': 'При period=custom: первый и последний день включительно (ГГГГ-ММ-ДД).',
  'param.timeZone': 'Часовой пояс, по которому режутся дни (IANA, например Europe/Moscow). По умолчанию {zone}.',
  'param.groupBy': 'До 4 группировок по порядку. Без них — только итоги.',
  'param.parameter': 'При groupBy=parameter: параметр клика для группировки.',
  'param.metrics': 'Какие метрики показать. По умолчанию все.',
  'param.currency': 'Пересчитать все суммы в эту валюту. Без него каждая валюта показана отдельно.',
  'param.ratesDate': 'Дата курсов для пересчёта (ГГГГ-ММ-ДД). По умолчанию сегодня.',
  'param.filter': 'Только эти {what} (id из атрибутов).',
  'param.filterValues': 'Только эти значения.',
  'param.promoCode': 'Только промо с этим кодом.',
  'param.sort': 'Метрика или группировка для сортировки; order: asc или desc.',
  'param.paging': 'Строк на странице (1–1000, по умолчанию 100) и сколько строк пропустить.',
  'values': 'Значения:',
  'more': { one: 'и ещё {count}', few: 'и ещё {count}', many: 'и ещё {count}', other: 'и ещё {count}' },
  'what.brandId': 'бренды',
  'what.planId': 'планы',
  'what.campaignId': 'кампании',
  'what.promoId': 'промо',
  'what.landingId': 'лендинги',
  'what.creativeId': 'креативы',
  'what.trafficSourceId': 'источники трафика',
  'limits.heading': 'Ограничение частоты',
  'limits.text': {
    one: 'Не больше {count} запроса в минуту на токен. Сверх этого ответ — 429 с заголовком Retry-After: через сколько секунд можно снова.',
    few: 'Не больше {count} запросов в минуту на токен. Сверх этого ответ — 429 с заголовком Retry-After: через сколько секунд можно снова.',
    many: 'Не больше {count} запросов в минуту на токен. Сверх этого ответ — 429 с заголовком Retry-After: через сколько секунд можно снова.',
    other:
      'Не больше {count} запроса в минуту на токен. Сверх этого ответ — 429 с заголовком Retry-After: через сколько секунд можно снова.',
  },
  'errors.heading': 'Ошибки',
  'errors.text': 'Ошибки приходят как application/problem+json с кодом:',
  'error.unauthorized': 'Токена нет, он неизвестен, или ваш аккаунт не активен.',
  'error.rotated': 'Токен заменён новым: скопируйте действующий в разделе «Безопасность».',
  'error.expired': 'Токен отозван: создайте новый в разделе «Безопасность».',
  'error.invalid': 'Неверный параметр: его называет errors[].path (например, query.metrics).',
  'error.limited': 'Слишком много запросов: подождите столько секунд, сколько в Retry-After.',
  'openapi': 'Полное описание для генераторов кода и API-инструментов:',
  'loadError': 'Не удалось загрузить атрибуты отчёта.',
};

export const apiDocsMessages = defineMessages({ en, ru });
export type ApiDocsKey = keyof typeof en;
