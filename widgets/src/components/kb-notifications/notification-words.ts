/**
 * A notification in the reader's language: the server stores what happened (kind + params), the
 * words are made here, so a Russian user reads Russian whatever language the event happened in.
 */
import type { Locale } from '../../internal/i18n.ts';
import { formatAmount } from '../../internal/money-format.ts';
import { notificationsMessages as m } from './kb-notifications.messages.ts';

export interface PartnerNotification {
  id: string;
  kind: 'news_published' | 'document_reviewed' | 'terms_published' | 'bill_approved' | 'cash_out_paid';
  params: Record<string, string>;
  link: string;
  createdAt: string;
  read: boolean;
}

const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);

/** A bill's period: a whole month as "November 2026", else "1–7 Dec 2026" (the dates are local days). */
export function formatPeriod(locale: Locale, from: string | undefined, to: string | undefined): string {
  if (!from || !to || !/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return from ?? '';
  const start = dateOf(from);
  const end = dateOf(to);
  const nextDay = new Date(end.getTime() + 86_400_000);
  if (start.getUTCDate() === 1 && nextDay.getUTCDate() === 1 && start.getUTCMonth() === end.getUTCMonth()) {
    // "за ноябрь 2026 г.": after "за" a month takes the accusative, which for months is Intl's nominative.
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(start);
  }
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return from === to ? format.format(start) : format.formatRange(start, end);
}

function money(locale: Locale, params: Record<string, string>): string {
  const { amount, currency } = params;
  return amount && currency ? formatAmount(locale, currency, amount) : (amount ?? '');
}

/** The sentence for one notification. */
export function describeNotification(locale: Locale, n: Pick<PartnerNotification, 'kind' | 'params'>): string {
  const p = n.params;
  switch (n.kind) {
    case 'news_published':
      return m(locale, 'news_published', { title: p.title ?? '' });
    case 'terms_published':
      return p.title ? m(locale, 'terms_published_titled', { title: p.title }) : m(locale, 'terms_published');
    case 'document_reviewed': {
      const name = p.fileName ?? p.name ?? p.title ?? m(locale, 'document');
      const decision = p.decision ?? p.status ?? '';
      if (decision === 'approved' || decision === 'accepted') return m(locale, 'document_approved', { name });
      if (decision === 'declined' || decision === 'rejected') return m(locale, 'document_declined', { name });
      return m(locale, 'document_reviewed', { name });
    }
    case 'bill_approved':
      return m(locale, 'bill_approved', { period: formatPeriod(locale, p.from, p.to), amount: money(locale, p) });
    case 'cash_out_paid':
      return p.method
        ? m(locale, 'cash_out_paid_method', { amount: money(locale, p), method: p.method })
        : m(locale, 'cash_out_paid', { amount: money(locale, p) });
  }
}

/** The portal place a link names: `#/bills/bill_1` → `/bills/bill_1` and its section. */
export function placeOf(link: string): { section: string; path: string } | null {
  const path = link.replace(/^#/, '');
  const section = /^\/([^/?#]+)/.exec(path)?.[1];
  return section ? { section: decodeURIComponent(section), path } : null;
}
