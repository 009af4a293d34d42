/**
 * The period picker of the statistics widgets: a relative period (today … last month, resolved by
 * the server in the report's time zone on the day it runs) or custom dates, From and To inclusive.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../i18n.ts';
import { selectField, textField } from '../campaign/campaign-fields.ts';
import { campaignMessages } from '../campaign/campaign.messages.ts';
import { statisticsMessages } from './statistics.messages.ts';
import { RELATIVE_PERIODS, type Period, type ReportQuery } from './statistics-types.ts';

export interface PeriodChoice {
  period: Period;
  /** With `custom`: `YYYY-MM-DD` (empty until chosen). */
  from: string;
  to: string;
}

export const PERIODS: readonly Period[] = [...RELATIVE_PERIODS, 'custom'];
export const isPeriod = (value: string): value is Period => (PERIODS as readonly string[]).includes(value);

/** What is wrong with a custom choice (a date missing, the end before the start), or null. */
export function periodError(locale: Locale, choice: PeriodChoice): string | null {
  if (choice.period !== 'custom') return null;
  if (!choice.from || !choice.to) return statisticsMessages(locale, 'period.needDates');
  if (choice.to < choice.from) return campaignMessages(locale, 'toBeforeFrom');
  return null;
}

/** The choice as report query parameters (`period`, and `from`/`to` when custom). */
export function periodQuery(choice: PeriodChoice): Pick<ReportQuery, 'period' | 'from' | 'to'> {
  return choice.period === 'custom'
    ? { period: 'custom', from: choice.from, to: choice.to }
    : { period: choice.period };
}

export interface PeriodPickerOptions {
  /** Prefix of the controls' ids: `<id>-period`, `<id>-from`, `<id>-to`. */
  id: string;
  locale: Locale;
  value: PeriodChoice;
  /** Shown under To (a custom range's problem, or the server's words for a date). */
  error?: string | null;
  /** Field errors the server gave for the dates. */
  fromError?: string | null;
  /** What changed (the host merges it into its current choice: two quick edits must not undo each other). */
  onChange(change: Partial<PeriodChoice>): void;
}

/** The period select, and with "Custom dates" the From and To date inputs. */
export function renderPeriodPicker(o: PeriodPickerOptions): TemplateResult {
  const s = (key: `period.${Period}` | 'period') => statisticsMessages(o.locale, key);
  const c = (key: 'from' | 'to') => campaignMessages(o.locale, key);
  const { value } = o;
  return html`${selectField({
    id: `${o.id}-period`,
    name: 'period',
    label: s('period'),
    value: value.period,
    part: 'period-select',
    options: PERIODS.map((p) => [p, s(`period.${p}`)] as const),
    onChange: (period) => o.onChange({ period: isPeriod(period) ? period : 'last_30_days' }),
  })}
  ${
    value.period === 'custom'
      ? html`${textField({
          id: `${o.id}-from`,
          name: 'from',
          label: c('from'),
          type: 'date',
          value: value.from,
          error: o.fromError ?? null,
          onInput: (from) => o.onChange({ from }),
        })}
        ${textField({
          id: `${o.id}-to`,
          name: 'to',
          label: c('to'),
          type: 'date',
          value: value.to,
          error: o.error ?? null,
          alert: true,
          onInput: (to) => o.onChange({ to }),
        })}`
      : nothing
  }`;
}
