/**
 * Billed commissions as the statistics widgets show them: the total of each currency (the dashboard's
 * quick stats) and, per currency, the split by kind (the report screens). Amounts are formatted like
 * every other money value there (formatAmount: exact from the decimal string, crypto codes too).
 */
import { html, type TemplateResult } from 'lit';
import type { Locale } from '../i18n.ts';
import { formatAmount } from './format.ts';
import { COMMISSION_KINDS, type CommissionKind, type Commissions } from './statistics-types.ts';

export interface CurrencyCommissions {
  currency: string;
  /** The currency's total, formatted. */
  total: string;
  /** Its kinds in the usual order (CPA, CPL, RevShare, sub-affiliates, corrections), formatted. */
  kinds: Array<{ kind: CommissionKind; amount: string }>;
}

/** Each currency of `commissions` (as the server sorts them) with its total and its kinds. */
export function commissionsByCurrency(locale: Locale, commissions: Commissions): CurrencyCommissions[] {
  return commissions.total.map(({ currency, amount }) => ({
    currency,
    total: formatAmount(locale, currency, amount),
    kinds: commissions.byKind
      .filter((k) => k.currency === currency)
      .sort((a, b) => COMMISSION_KINDS.indexOf(a.kind) - COMMISSION_KINDS.indexOf(b.kind))
      .map((k) => ({ kind: k.kind, amount: formatAmount(locale, currency, k.amount) })),
  }));
}

/** The totals as value spans, one line per currency; a dash for none (no bills, or not billed this fine). */
export function renderCommissionTotals(locale: Locale, commissions: Commissions | null): TemplateResult {
  const lines = commissions ? commissionsByCurrency(locale, commissions).map((c) => c.total) : [];
  if (lines.length === 0) return html`<span part="value">—</span>`;
  return lines.length === 1
    ? html`<span part="value">${lines[0]}</span>`
    : html`${lines.map((line) => html`<span part="value amount-line">${line}</span>`)}`;
}
