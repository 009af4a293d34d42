/**
 * Qualified players as a responsive table, the same for the partner's `<kb-qualifications>` and
 * the operator's `<kb-qualifications-console>` (which adds the partner column): when the player
 * qualified (on the program's calendar, the one the date filters use), the player, brand, plan,
 * country and the values they had reached then, in the brand's currency.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { defineMessages, type Locale, type Message } from '../i18n.ts';
import { cell, columns, headerCells, scrollRegion } from '../responsive-table.ts';
import { countryName, formatCount } from '../statistics/format.ts';
import { money } from './bill-format.ts';

/** One row as both qualification lists send it (`partner` only on the operator's). */
export interface QualificationRow {
  plan: { id: string; name: string | null };
  brand: { id: string; name: string | null };
  partner?: { id: string; name: string | null };
  playerId: string;
  qualifiedAt: string;
  country: string | null;
  currency: string;
  firstDeposit: string | null;
  deposits: number;
  wager: string;
  ngr: string;
}

const en = {
  'q.col.qualified': 'Qualified',
  'q.col.player': 'Player',
  'q.col.partner': 'Partner',
  'q.col.brand': 'Brand',
  'q.col.plan': 'Plan',
  'q.col.country': 'Country',
  'q.col.firstDeposit': 'First deposit',
  'q.col.deposits': 'Deposits',
  'q.col.wager': 'Wager',
  'q.col.ngr': 'NGR',
  'q.noCountry': 'Not known',
  'q.noDeposit': 'None',
  'q.count': { one: '{count} qualified player shown', other: '{count} qualified players shown' },
  'q.zone': 'Dates and times are in the program’s time zone, {zone}.',
  'q.toBeforeFrom': 'The end comes before the start.',
} satisfies Record<string, Message>;

const ru: Record<keyof typeof en, Message> = {
  'q.col.qualified': 'Квалифицирован',
  'q.col.player': 'Игрок',
  'q.col.partner': 'Партнёр',
  'q.col.brand': 'Бренд',
  'q.col.plan': 'План',
  'q.col.country': 'Страна',
  'q.col.firstDeposit': 'Первый депозит',
  'q.col.deposits': 'Депозиты',
  'q.col.wager': 'Ставки',
  'q.col.ngr': 'NGR',
  'q.noCountry': 'Неизвестна',
  'q.noDeposit': 'Нет',
  'q.count': {
    one: 'Показан {count} квалифицированный игрок',
    few: 'Показано {count} квалифицированных игрока',
    many: 'Показано {count} квалифицированных игроков',
    other: 'Показано {count} квалифицированного игрока',
  },
  'q.zone': 'Даты и время указаны в часовом поясе программы: {zone}.',
  'q.toBeforeFrom': 'Конец периода раньше начала.',
};

export type QualificationKey = keyof typeof en;
export const qualificationWords = { en, ru } as const;
export const qualificationMessages = defineMessages({ en, ru });

/** When the player qualified, on the program's calendar: the day ("25 Nov 2026") and the time ("13:00"). */
export function qualifiedWhen(locale: Locale, value: string, timeZone: string): { day: string; time: string } {
  const at = new Date(value);
  const format = (options: Intl.DateTimeFormatOptions) => {
    try {
      return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(at);
    } catch {
      // A zone this browser does not know: the instant in the browser's own zone rather than nothing.
      return new Intl.DateTimeFormat(locale, options).format(at);
    }
  };
  return { day: format({ dateStyle: 'medium' }), time: format({ timeStyle: 'short' }) };
}

export function renderQualificationsTable(
  rows: readonly QualificationRow[],
  o: { locale: Locale; timeZone: string; label: string; labelledBy?: string; withPartner?: boolean },
): TemplateResult {
  const m = (key: QualificationKey) => qualificationMessages(o.locale, key);
  const cols = columns({
    qualified: { label: m('q.col.qualified'), primary: true },
    player: { label: m('q.col.player') },
    partner: o.withPartner ? { label: m('q.col.partner') } : undefined,
    brand: { label: m('q.col.brand'), priority: 2 },
    plan: { label: m('q.col.plan'), priority: 2 },
    country: { label: m('q.col.country'), priority: 3 },
    firstDeposit: { label: m('q.col.firstDeposit'), priority: 2 },
    deposits: { label: m('q.col.deposits'), priority: 3 },
    wager: { label: m('q.col.wager'), priority: 3 },
    ngr: { label: m('q.col.ngr') },
  });
  // Amounts are in the brand's own currency (a coin brand's too), so no coin mark sets them apart.
  const amount = (row: QualificationRow, value: string) => money(o.locale, value, row.currency, false);
  const when = (value: string) => {
    const { day, time } = qualifiedWhen(o.locale, value, o.timeZone);
    return html`<time datetime=${value}><span part="qualified-day">${day}</span> <span part="qualified-time">${time}</span></time>`;
  };
  return html`<div part="table-wrap" ${scrollRegion(o.label)}>
    <table part="qualifications" aria-labelledby=${o.labelledBy ?? nothing}>
      <thead><tr part="header-row">${headerCells(cols)}</tr></thead>
      <tbody>${rows.map(
        (r) => html`<tr part="qualification-row" data-player-id=${r.playerId} data-plan-id=${r.plan.id}>
        <th part="cell qualified-at" scope="row" ${cell(cols.qualified)}>${when(r.qualifiedAt)}</th>
        <td part="cell player" ${cell(cols.player)}><code>${r.playerId}</code></td>
        ${cols.partner ? html`<td part="cell partner" ${cell(cols.partner)}>${r.partner?.name ?? r.partner?.id}</td>` : nothing}
        <td part="cell brand" ${cell(cols.brand)}>${r.brand.name ?? r.brand.id}</td>
        <td part="cell plan" ${cell(cols.plan)}>${r.plan.name ?? r.plan.id}</td>
        <td part="cell country" ${cell(cols.country)}>${r.country ? countryName(o.locale, r.country) : m('q.noCountry')}</td>
        <td part="cell first-deposit" ${cell(cols.firstDeposit)}>${r.firstDeposit ? amount(r, r.firstDeposit) : m('q.noDeposit')}</td>
        <td part="cell deposits" ${cell(cols.deposits)}>${formatCount(o.locale, r.deposits)}</td>
        <td part="cell wager" ${cell(cols.wager)}>${amount(r, r.wager)}</td>
        <td part="cell ngr" ${cell(cols.ngr)}>${amount(r, r.ngr)}</td>
      </tr>`,
      )}</tbody>
    </table>
  </div>`;
}
