/**
 * Template problems in the partner's language. The server answers each problem with a code and
 * its values (plus an English message); Russian wording lives here. A problem without a code
 * (a 422 read from `errors[]`) keeps the server's message.
 */
import type { Locale } from '../i18n.ts';
import type { TemplateProblem } from './postback-types.ts';

const m = (name: string | undefined) => `\${${name ?? ''}}`;

const HOST_REASONS_RU: Record<string, string> = {
  ip_literal: 'это IP-адрес: укажите доменное имя',
  ip_disguised: 'это замаскированный IP-адрес: укажите доменное имя',
  loopback: 'указывает на локальную машину',
  private_name: 'это имя из частной сети',
  metadata: 'это адрес облачных метаданных',
  not_public: 'это не публичное доменное имя',
};

/** Every code the server can answer (a new code without Russian words fails the type check). */
const RU: Record<NonNullable<TemplateProblem['code']>, (p: Record<string, string>) => string> = {
  unclosed_macro: (p) => `«\${${p.name}» не закрыт: напишите ${m(p.name)}`,
  invalid_macro_name: (p) => `«${p.text}» — не имя макроса: используйте латинские буквы, цифры и _`,
  macro_name_start: (p) => `${m(p.name)}: имя макроса начинается с буквы или _`,
  square_brackets: (p) => `«$[${p.name}]» в квадратных скобках: напишите ${m(p.name)}`,
  missing_braces: (p) => `«$${p.name}» без фигурных скобок: напишите ${m(p.name)}`,
  missing_dollar: (p) => `«{${p.name}}» без знака $: напишите ${m(p.name)}`,
  unknown_builtin: (p) =>
    `${m(p.name)} — не встроенный макрос, значение возьмётся из параметров клика: может быть, ${m(p.suggestion)}?`,
  scheme_not_allowed: (p) => `«${p.scheme}:» не подходит: URL должен начинаться с http:// или https://`,
  scheme_missing: () => 'URL должен начинаться с http:// или https://',
  invalid_url: () => 'Это не похоже на URL',
  forbidden_host: (p) => `Хост «${p.host}»: ${HOST_REASONS_RU[p.reason ?? ''] ?? p.reason}`,
  parameters_without_question_mark: (p) => `Параметры идут после пути без «?»: напишите «?${p.segment}»`,
  macro_in_host: (p) =>
    `${m(p.name)} стоит в схеме, хосте или порте: впишите адрес целиком, макросы — только в пути и параметрах`,
  whitespace: () => 'Пробел или перенос строки внутри URL: уберите его, а пробел в значении запишите как %20',
  account_postback_without_ids: () =>
    'Постбек на весь аккаунт без ${promo_id} или ${campaign_id} не отличит ваши промо и кампании',
};

export function problemText(locale: Locale, problem: TemplateProblem): string {
  if (locale !== 'ru' || !problem.code) return problem.message;
  const word = RU[problem.code] as ((p: Record<string, string>) => string) | undefined;
  return word ? word(problem.params ?? {}) : problem.message;
}
