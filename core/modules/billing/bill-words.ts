/**
 * A bill line in words, English and Russian, sent with each line so the portal, the console and
 * any client say the same thing: "3 qualified players × €150.00 (tier 2)".
 */
import { formatMoney, money } from '../../lib/money.ts';
import { PLAN_LOCALES, type PlanLocale } from '../commissions/words.ts';
import type { BillLineRow } from './table.ts';

const plural = (n: number, locale: PlanLocale, forms: { en: [string, string]; ru: [string, string, string] }) => {
  if (locale === 'en') return `${n} ${n === 1 ? forms.en[0] : forms.en[1]}`;
  const rule = new Intl.PluralRules('ru').select(n);
  return `${n} ${rule === 'one' ? forms.ru[0] : rule === 'few' ? forms.ru[1] : forms.ru[2]}`;
};

/** Exact amounts with their decimals ("€150.00"), unlike the plan words' whole amounts. */
const exact = (minor: number, currency: string, locale: PlanLocale) => {
  const decimal = formatMoney(money(minor, currency));
  const iso = Intl.supportedValuesOf('currency').includes(currency);
  const digits = decimal.split('.')[1]?.length ?? 0;
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return iso
    ? new Intl.NumberFormat(locale, { ...options, style: 'currency', currency }).format(decimal as unknown as number)
    : `${new Intl.NumberFormat(locale, options).format(decimal as unknown as number)} ${currency}`;
};

const W = {
  en: {
    ngr: 'NGR',
    carry: (a: string) => `Negative NGR carried in from the previous bill: ${a}`,
    tier: (n: number) => ` (tier ${n})`,
    late: (from: string) => `; late, from the period starting ${from}`,
    rate: (one: string, rate: string, date: string) => `; ${one} = ${rate} (${date})`,
    rates: ' (other currencies at each day’s rate)',
    nothing: ' = nothing (negative)',
    sub: (level: number, name: string) => `Level ${level} sub-affiliate ${name}: earnings`,
  },
  ru: {
    ngr: 'NGR',
    carry: (a: string) => `Отрицательный NGR, перенесённый из прошлого счёта: ${a}`,
    tier: (n: number) => ` (уровень ${n})`,
    late: (from: string) => `; с опозданием, за период с ${from}`,
    rate: (one: string, rate: string, date: string) => `; курс ${one} = ${rate} (${date})`,
    rates: ' (другие валюты по курсу своего дня)',
    nothing: ' = ничего (отрицательный)',
    sub: (level: number, name: string) => `Субпартнёр ${name}, уровень ${level}: заработок`,
  },
};

const percent = (value: string, locale: PlanLocale) =>
  `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value as unknown as number)}%`;

function lineWords(
  line: BillLineRow,
  currency: string,
  locale: PlanLocale,
  names: ReadonlyMap<string, string>,
): string {
  const w = W[locale];
  const d = line.detail;
  let text: string;
  if (line.kind === 'cpa' || line.kind === 'cpl') {
    const count =
      line.kind === 'cpa'
        ? plural(line.quantity ?? 0, locale, {
            en: ['qualified player', 'qualified players'],
            ru: ['квалифицированный игрок', 'квалифицированных игрока', 'квалифицированных игроков'],
          })
        : d.per === 'registration'
          ? plural(line.quantity ?? 0, locale, {
              en: ['registration', 'registrations'],
              ru: ['регистрация', 'регистрации', 'регистраций'],
            })
          : plural(line.quantity ?? 0, locale, { en: ['lead', 'leads'], ru: ['лид', 'лида', 'лидов'] });
    const where = d.country
      ? ` (${new Intl.DisplayNames([locale], { type: 'region' }).of(d.country) ?? d.country})`
      : '';
    text = `${count}${where} × ${unitAmount(line.rate, currency, locale)}`;
  } else if (line.kind === 'carry_in') {
    text = w.carry(exact(line.basisMinor ?? 0, currency, locale));
  } else if (line.kind === 'revshare') {
    const basis = exact(line.basisMinor ?? 0, currency, locale);
    text = `${w.ngr} ${basis} × ${percent(line.rate ?? '0', locale)}${(line.basisMinor ?? 0) <= 0 ? w.nothing : ''}`;
    if (d.exchanges && d.exchanges.length > 1) text += w.rates;
  } else {
    const basis = exact(line.basisMinor ?? 0, currency, locale);
    text = `${w.sub(d.level ?? 1, names.get(d.subPartnerId ?? '') ?? d.subPartnerId ?? '')} ${basis} × ${percent(line.rate ?? '0', locale)}`;
  }
  if (d.tier) text += w.tier(d.tier);
  if (d.exchange)
    text += w.rate(
      `1 ${d.exchange.from}`,
      rateWords(d.exchange.rate, currency, locale),
      dateWords(d.exchange.rateDate, locale),
    );
  if (d.lateFrom) text += w.late(dateWords(d.lateFrom, locale));
  return text;
}

/** A per-unit rate as stored ("15000" or "13800.5": minor units, maybe fractional after conversion) in words. */
function unitAmount(rate: string | null, currency: string, locale: PlanLocale): string {
  const [whole = '0'] = (rate ?? '0').split('.');
  return trimmed(Number(whole), currency, locale);
}

/** An amount with the currency's decimals but no trailing zeros past two ("106.67 USDT", "0.00158148 BTC"). */
function trimmed(minor: number, currency: string, locale: PlanLocale): string {
  const decimal = formatMoney(money(minor, currency));
  const digits = decimal.split('.')[1]?.length ?? 0;
  const iso = Intl.supportedValuesOf('currency').includes(currency);
  const options = { minimumFractionDigits: Math.min(2, digits), maximumFractionDigits: digits };
  return iso
    ? new Intl.NumberFormat(locale, { ...options, style: 'currency', currency }).format(decimal as unknown as number)
    : `${new Intl.NumberFormat(locale, options).format(decimal as unknown as number)} ${currency}`;
}

/** A rate as "1.0667 USDT": up to 12 significant decimals, as stored, in the locale's digits. */
const rateWords = (rate: string, currency: string, locale: PlanLocale) =>
  `${new Intl.NumberFormat(locale, { maximumFractionDigits: 12 }).format(rate as unknown as number)} ${currency}`;

/** "2026-11-30" as the locale writes a date ("Nov 30, 2026", "30 нояб. 2026 г."). */
const dateWords = (date: string, locale: PlanLocale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

export const billLineWords = (line: BillLineRow, currency: string, names: ReadonlyMap<string, string>) =>
  Object.fromEntries(PLAN_LOCALES.map((l) => [l, lineWords(line, currency, l, names)])) as Record<PlanLocale, string>;
