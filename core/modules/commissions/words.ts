/**
 * A plan's terms in words, one sentence per part, in English and Russian. The API sends these as
 * a plan's `summary`, so the portal, the operator's console and any client say the same thing.
 */
import { currencyExponent, formatMoney, money } from '../../lib/money.ts';
import type { StoredMoney, StoredPlanTerms } from './terms.ts';

export const PLAN_LOCALES = ['en', 'ru'] as const;
export type PlanLocale = (typeof PLAN_LOCALES)[number];

/** Names the sentences use instead of ids (brands by id). */
export interface PlanWordNames {
  brands?: ReadonlyMap<string, string>;
}

/** "€150", "€12.50", "150 €", "0.5 BTC": whole amounts without decimals. */
export function moneyWords(value: StoredMoney, locale: PlanLocale): string {
  const exponent = currencyExponent(value.currency);
  const decimal = formatMoney(money(value.minor, value.currency));
  const whole = value.minor % 10 ** exponent === 0;
  const digits = whole ? 0 : Math.min(2, exponent);
  const iso = Intl.supportedValuesOf('currency').includes(value.currency);
  const options: Intl.NumberFormatOptions = { minimumFractionDigits: digits, maximumFractionDigits: exponent };
  // Intl formats a decimal string exactly (no float step).
  const amount = decimal as unknown as number;
  if (iso)
    return new Intl.NumberFormat(locale, { ...options, style: 'currency', currency: value.currency }).format(amount);
  return `${new Intl.NumberFormat(locale, options).format(amount)} ${value.currency}`;
}

const percentWords = (percent: string, locale: PlanLocale) =>
  `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(percent as unknown as number)}%`;

const countryNames = (codes: readonly string[], locale: PlanLocale) => {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  return codes.map((c) => names.of(c) ?? c).join(', ');
};

const orList = (items: string[], locale: PlanLocale) =>
  new Intl.ListFormat(locale, { type: 'disjunction' }).format(items);
const andList = (items: string[], locale: PlanLocale) =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

const days = (n: number, locale: PlanLocale) => {
  if (locale === 'en') return `${n} ${n === 1 ? 'day' : 'days'}`;
  const form = new Intl.PluralRules('ru').select(n);
  return `${n} ${form === 'one' ? 'дня' : 'дней'}`;
};

const W = {
  en: {
    cpa: (amounts: string) => `CPA ${amounts} per player`,
    who: (rules: string) => ` who ${rules}`,
    atLeast: '+',
    firstDeposit: (a: string) => `deposits ${a}`,
    deposits: (n: number) => `makes ${n}+ deposits`,
    wager: (a: string) => `wagers ${a}`,
    ngr: (a: string) => `brings ${a} NGR`,
    within: (d: string) => ` within ${d} of registration`,
    countries: (c: string) => ` (players from ${c})`,
    forBrand: (a: string, brand: string) => `${a} for ${brand}`,
    revshare: (p: string) => `RevShare ${p} of NGR`,
    carry: (on: boolean) => (on ? ', negative balance carried over' : ', negative balance reset each period'),
    cpl: (per: 'lead' | 'registration', a: string) => `CPL ${a} per ${per}`,
    cplByCountry: (per: 'lead' | 'registration', list: string) => `CPL per ${per}: ${list}`,
    fromCountry: (a: string, c: string) => `${a} from ${c}`,
    elsewhere: (a: string) => `${a} elsewhere`,
    tiersBy: (basis: 'qualified_players' | 'ngr') =>
      basis === 'ngr' ? 'Tiers by NGR in the period' : 'Tiers by qualified players in the period',
    step: (from: string, rate: string) => `from ${from}: ${rate}`,
    pays: (pays: 'whole_period' | 'above_threshold') =>
      pays === 'whole_period' ? 'the tier reached pays the whole period' : 'each rate pays only above its threshold',
    sub: (levels: string) => `Sub-affiliates: ${levels}`,
    level: (p: string, n: number) => (n === 1 ? `${p} of level 1 earnings` : `${p} of level ${n}`),
    period: { daily: 'Billed daily', weekly: 'Billed weekly', monthly: 'Billed monthly' },
    notSet: 'Terms not set',
  },
  ru: {
    cpa: (amounts: string) => `CPA ${amounts} за игрока`,
    who: (rules: string) => `, который ${rules}`,
    atLeast: '',
    firstDeposit: (a: string) => `внёс первый депозит от ${a}`,
    deposits: (n: number) =>
      `сделал от ${n} ${new Intl.PluralRules('ru').select(n) === 'one' ? 'депозита' : 'депозитов'}`,
    wager: (a: string) => `поставил от ${a}`,
    ngr: (a: string) => `принёс NGR от ${a}`,
    within: (d: string) => ` в течение ${d} после регистрации`,
    countries: (c: string) => ` (игроки из стран: ${c})`,
    forBrand: (a: string, brand: string) => `${a} для ${brand}`,
    revshare: (p: string) => `RevShare ${p} от NGR`,
    carry: (on: boolean) =>
      on ? ', отрицательный баланс переносится' : ', отрицательный баланс обнуляется каждый период',
    cpl: (per: 'lead' | 'registration', a: string) => `CPL ${a} за ${per === 'lead' ? 'лид' : 'регистрацию'}`,
    cplByCountry: (per: 'lead' | 'registration', list: string) =>
      `CPL за ${per === 'lead' ? 'лид' : 'регистрацию'}: ${list}`,
    // Intl names countries in the nominative: "5 € — Германия" stays grammatical.
    fromCountry: (a: string, c: string) => `${a} — ${c}`,
    elsewhere: (a: string) => `${a} — остальные страны`,
    tiersBy: (basis: 'qualified_players' | 'ngr') =>
      basis === 'ngr' ? 'Уровни по NGR за период' : 'Уровни по числу квалифицированных игроков за период',
    step: (from: string, rate: string) => `от ${from}: ${rate}`,
    pays: (pays: 'whole_period' | 'above_threshold') =>
      pays === 'whole_period'
        ? 'достигнутый уровень оплачивает весь период'
        : 'каждая ставка — только сверх своего порога',
    sub: (levels: string) => `Суб-партнёры: ${levels}`,
    level: (p: string, n: number) => (n === 1 ? `${p} от заработка 1-го уровня` : `${p} — ${n}-го уровня`),
    period: { daily: 'Расчёт ежедневно', weekly: 'Расчёт еженедельно', monthly: 'Расчёт ежемесячно' },
    notSet: 'Условия не заданы',
  },
} as const;

/** "€20 or 25 USDT"; with `suffix` on each amount ("€20+ or 25 USDT+"). */
const amountsWords = (list: readonly StoredMoney[], locale: PlanLocale, suffix = '') =>
  orList(
    list.map((m) => moneyWords(m, locale) + suffix),
    locale,
  );

function cpaWords(cpa: NonNullable<StoredPlanTerms['cpa']>, locale: PlanLocale, names: PlanWordNames): string {
  const w = W[locale];
  const general = cpa.amounts.filter((a) => !a.brandId);
  const byBrand = new Map<string, StoredMoney[]>();
  for (const a of cpa.amounts) if (a.brandId) byBrand.set(a.brandId, [...(byBrand.get(a.brandId) ?? []), a]);
  const parts = [
    ...(general.length ? [amountsWords(general, locale)] : []),
    ...[...byBrand].map(([id, list]) => w.forBrand(amountsWords(list, locale), names.brands?.get(id) ?? id)),
  ];
  let sentence = w.cpa(parts.join('; '));
  const q = cpa.qualification;
  if (!q) return sentence;
  const rules = [
    ...(q.minFirstDeposit ? [w.firstDeposit(amountsWords(q.minFirstDeposit, locale, w.atLeast))] : []),
    ...(q.minDeposits ? [w.deposits(q.minDeposits)] : []),
    ...(q.minWager ? [w.wager(amountsWords(q.minWager, locale, w.atLeast))] : []),
    ...(q.minNgr ? [w.ngr(amountsWords(q.minNgr, locale, w.atLeast))] : []),
  ];
  if (rules.length) sentence += w.who(andList(rules, locale));
  if (q.withinDays) sentence += w.within(days(q.withinDays, locale));
  if (q.countries) sentence += w.countries(countryNames(q.countries, locale));
  return sentence;
}

function cplWords(cpl: NonNullable<StoredPlanTerms['cpl']>, locale: PlanLocale): string {
  const w = W[locale];
  const byCountry = cpl.amounts.filter((a) => a.country);
  const rest = cpl.amounts.filter((a) => !a.country);
  if (!byCountry.length) return w.cpl(cpl.per, amountsWords(rest, locale));
  const parts = byCountry.map((a) => w.fromCountry(moneyWords(a, locale), countryNames([a.country!], locale)));
  if (rest.length) parts.push(w.elsewhere(amountsWords(rest, locale)));
  return w.cplByCountry(cpl.per, parts.join(', '));
}

function tierWords(tiers: NonNullable<StoredPlanTerms['tiers']>, locale: PlanLocale): string {
  const w = W[locale];
  const steps = tiers.steps.map((s) => {
    const from = s.minNgr ? moneyWords(s.minNgr, locale) : String(s.minPlayers);
    const rate = s.cpa ? `CPA ${moneyWords(s.cpa, locale)}` : `RevShare ${percentWords(s.percent!, locale)}`;
    return w.step(from, rate);
  });
  return `${w.tiersBy(tiers.basis)}: ${steps.join(', ')}; ${w.pays(tiers.pays)}`;
}

/** The terms as sentences, most important first; null terms (a plan not set up) say so. */
export function planWords(terms: StoredPlanTerms | null, locale: PlanLocale, names: PlanWordNames = {}): string[] {
  const w = W[locale];
  if (!terms) return [w.notSet];
  const lines: string[] = [];
  if (terms.cpa) lines.push(cpaWords(terms.cpa, locale, names));
  if (terms.revshare)
    lines.push(w.revshare(percentWords(terms.revshare.percent, locale)) + w.carry(terms.revshare.negativeCarryOver));
  if (terms.cpl) lines.push(cplWords(terms.cpl, locale));
  if (terms.tiers) lines.push(tierWords(terms.tiers, locale));
  if (terms.subAffiliate)
    lines.push(w.sub(terms.subAffiliate.levels.map((p, i) => w.level(percentWords(p, locale), i + 1)).join(', ')));
  lines.push(w.period[terms.billingPeriod]);
  return lines;
}

/** The same sentences in every locale the portal speaks. */
export const planSummary = (terms: StoredPlanTerms | null, names: PlanWordNames = {}) =>
  Object.fromEntries(PLAN_LOCALES.map((l) => [l, planWords(terms, l, names)])) as Record<PlanLocale, string[]>;
