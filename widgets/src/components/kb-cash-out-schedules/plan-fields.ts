/**
 * The schedule form's fields: how often (a radio group), then the days of the week or the dates of
 * the month as checkboxes (the dates in a 7-column grid that fits a phone), each group with its
 * error; and the minimum and maximum with the method's limits for the currency.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatAmount } from '../../internal/money-format.ts';
import type { SchedulesKey } from './kb-cash-out-schedules.messages.ts';
import { KINDS, WEEKDAYS, type ScheduleKind, type Words } from './schedule-words.ts';

export interface PlanFieldsState {
  kind: ScheduleKind;
  weekdays: ReadonlySet<number>;
  dates: ReadonlySet<number>;
  errors: Record<string, string>;
  onKind(kind: ScheduleKind): void;
  onToggle(which: 'weekdays' | 'dates', value: number, on: boolean): void;
}

const DATES = Array.from({ length: 31 }, (_, i) => i + 1);

function group(
  o: { id: string; legend: string; hint?: string; error?: string | undefined; part: string },
  body: TemplateResult,
): TemplateResult {
  const described = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean).join(' ');
  return html`<fieldset part=${`fieldset ${o.part}`} id=${o.id} aria-describedby=${described || nothing}
    aria-invalid=${o.error ? 'true' : nothing}>
    <legend part="legend">${o.legend}</legend>
    ${o.hint ? html`<p part="hint" id=${`${o.id}-hint`}>${o.hint}</p>` : nothing}
    ${body}
    ${o.error ? html`<p part="field-error" id=${`${o.id}-error`}>${o.error}</p>` : nothing}
  </fieldset>`;
}

export function renderPlanFields(words: Words, s: PlanFieldsState): TemplateResult {
  const { m } = words;
  const kinds = html`<div part="kind-options">${KINDS.map(
    (kind) => html`<label part="choice kind-option" for=${`sch-kind-${kind}`}>
      <input type="radio" name="kind" id=${`sch-kind-${kind}`} value=${kind} .checked=${live(s.kind === kind)}
        @change=${() => s.onKind(kind)} />
      <span>${m(`kind.${kind}` as SchedulesKey)}</span>
    </label>`,
  )}</div>`;
  const box = (which: 'weekdays' | 'dates', value: number, label: string, part: string) =>
    html`<label part=${`choice ${part}`} for=${`sch-${which === 'weekdays' ? 'weekday' : 'date'}-${value}`}>
      <input type="checkbox" id=${`sch-${which === 'weekdays' ? 'weekday' : 'date'}-${value}`} value=${value}
        .checked=${live((which === 'weekdays' ? s.weekdays : s.dates).has(value))}
        @change=${(e: Event) => s.onToggle(which, value, (e.target as HTMLInputElement).checked)} />
      <span>${label}</span>
    </label>`;
  return html`${group({ id: 'sch-kind', legend: m('kind'), part: 'kind-group' }, kinds)}
    ${
      s.kind === 'weekly'
        ? group(
            { id: 'sch-weekdays', legend: m('weekdays'), error: s.errors.weekdays, part: 'weekday-group' },
            html`<div part="weekday-options">${WEEKDAYS.map((d) => box('weekdays', d, weekdayName(words, d), 'weekday-option'))}</div>`,
          )
        : nothing
    }
    ${
      s.kind === 'monthly'
        ? group(
            { id: 'sch-dates', legend: m('dates'), hint: m('datesHint'), error: s.errors.dates, part: 'date-group' },
            html`<div part="date-grid">${DATES.map((d) => box('dates', d, String(d), 'date-option'))}</div>`,
          )
        : nothing
    }`;
}

/** A weekday's own name ("Wednesday", "среда"): Intl's, from a week that began on a Monday. */
export function weekdayName(words: Words, isoDay: number): string {
  const monday = Date.UTC(2024, 0, 1);
  const name = new Intl.DateTimeFormat(words.locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(monday + (isoDay - 1) * 86_400_000),
  );
  return name.charAt(0).toLocaleUpperCase(words.locale) + name.slice(1);
}

export interface AmountFieldsState {
  currency: string;
  min: string;
  max: string;
  /** The method's limits for the currency, once an account and currency are chosen. */
  limit: { name: string; min: string; max: string } | null;
  errors: Record<string, string>;
  onInput(field: 'min' | 'max', value: string): void;
}

export function renderAmountFields(words: Words, s: AmountFieldsState): TemplateResult {
  const { m } = words;
  const money = (decimal: string) => formatAmount(words.locale, s.currency, decimal);
  const amount = (field: 'min' | 'max') => {
    const id = `sch-${field}`;
    const error = s.errors[field];
    const described = [`${id}-hint`, s.limit ? 'sch-limits' : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field amount-field">
      <label part="label" for=${id}>${m(field)}${s.currency ? ` (${s.currency})` : ''}</label>
      <input part="input amount-input" id=${id} name=${field} inputmode="decimal" autocomplete="off" maxlength="40"
        .value=${live(s[field])} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}
        @input=${(e: Event) => s.onInput(field, (e.target as HTMLInputElement).value)} />
      <p part="hint" id=${`${id}-hint`}>${m(field === 'min' ? 'minHint' : 'maxHint')}</p>
      ${error ? html`<p part="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  };
  const { limit } = s;
  return html`${
    limit
      ? html`<p part="method-limits" id="sch-limits">${m('limits', { method: limit.name, min: money(limit.min), max: money(limit.max) })}</p>`
      : nothing
  }
    <div part="amounts-row">${amount('min')}${amount('max')}</div>`;
}
