/**
 * A plan's terms as the server words them (`summary`, one sentence per part in each locale): the
 * version in effect today, then each scheduled change under "From 1 January 2027:". The words
 * come from the API (core/modules/commissions/words.ts), so the portal never words terms itself.
 */
import { html, type TemplateResult } from 'lit';
import { defineMessages, type Locale } from '../i18n.ts';
import type { Plan } from './campaign-types.ts';

const planTermsMessages = defineMessages({
  en: { from: 'From {date}:', notSet: 'Terms not set up yet' },
  ru: { from: 'С {date}:', notSet: 'Условия ещё не заданы' },
});

/** "1 January 2027" / "1 января 2027 г.": a local date of the operator's, shown as written. */
export const localDateWords = (date: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

const lines = (summary: Record<Locale, string[]>, locale: Locale, part: string) =>
  html`<ul part=${part}>${summary[locale].map((line) => html`<li part="term">${line}</li>`)}</ul>`;

/** Today's terms, or "Terms not set up yet" before the plan's first day or while its terms are not set up (null). */
export function renderPlanTerms(plan: Plan, locale: Locale): TemplateResult {
  const t = (key: 'from' | 'notSet', date = '') => planTermsMessages(locale, key, { date });
  return html`${plan.current?.terms ? lines(plan.current.summary, locale, 'terms-lines') : html`<p part="hint">${t('notSet')}</p>`}
    ${plan.scheduled.map(
      (v) => html`<p part="scheduled-from">${t('from', localDateWords(v.effectiveFrom, locale))}</p>
        ${lines(v.summary, locale, 'terms-lines scheduled')}`,
    )}`;
}
