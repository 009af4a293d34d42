/**
 * The plan form's inputs ↔ the API's terms. Inputs are named by their path under the request
 * body (`terms.cpa.amounts.0.amount`), so a 422's `body.<path>` finds its input. What the form does
 * not edit (tiers, minimum wager and NGR, further amounts) is carried over from the terms it started
 * from, so a new version changes only what the operator touched.
 */
import { MAX_LEVELS, type PlanTerms, type TermsPart } from './plans-types.ts';

/** Reads the form: an input's trimmed value ('' when absent) and a checkbox's state. */
export interface FormReader {
  value(name: string): string;
  checked(name: string): boolean;
}

export function formReader(form: HTMLFormElement): FormReader {
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
  return { value: (name) => input(name)?.value.trim() ?? '', checked: (name) => input(name)?.checked ?? false };
}

type Cpa = NonNullable<PlanTerms['cpa']>;
type Qualification = NonNullable<Cpa['qualification']>;

/** An integer input: omitted when empty; a non-number goes as is for the server to name. */
const count = (raw: string): number | undefined => (raw === '' ? undefined : Number(raw));
const upper = (raw: string) => raw.toUpperCase();
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

function cpaFrom(r: FormReader, base: Cpa | undefined): Cpa {
  const at = (name: string) => r.value(`terms.cpa.${name}`);
  const brandId = at('amounts.0.brandId');
  const first = defined({
    amount: at('amounts.0.amount'),
    currency: upper(at('amounts.0.currency')),
    brandId: brandId || undefined,
  });
  const kept = base?.qualification ?? {};
  const depositAmount = at('qualification.minFirstDeposit.0.amount');
  const countries = at('qualification.countries')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(upper);
  const qualification: Qualification = defined({
    ...kept,
    minFirstDeposit: depositAmount
      ? [
          { amount: depositAmount, currency: upper(at('qualification.minFirstDeposit.0.currency')) },
          ...(kept.minFirstDeposit ?? []).slice(1),
        ]
      : undefined,
    minDeposits: count(at('qualification.minDeposits')),
    withinDays: count(at('qualification.withinDays')),
    countries: countries.length ? countries : undefined,
  });
  return defined({
    amounts: [first, ...(base?.amounts ?? []).slice(1)],
    qualification: Object.keys(qualification).length ? qualification : undefined,
  });
}

/** The terms the form describes (parts switched off are left out; `base` gives what it does not edit). */
export function termsFrom(r: FormReader, parts: ReadonlySet<TermsPart>, base: PlanTerms | null): PlanTerms {
  const levels = Array.from({ length: MAX_LEVELS }, (_, i) => r.value(`terms.subAffiliate.levels.${i}`));
  while (levels.length && levels.at(-1) === '') levels.pop();
  return defined({
    billingPeriod: r.value('terms.billingPeriod') as PlanTerms['billingPeriod'],
    cpa: parts.has('cpa') ? cpaFrom(r, base?.cpa) : undefined,
    revshare: parts.has('revshare')
      ? { percent: r.value('terms.revshare.percent'), negativeCarryOver: r.checked('terms.revshare.negativeCarryOver') }
      : undefined,
    cpl: parts.has('cpl')
      ? {
          per: r.value('terms.cpl.per') as NonNullable<PlanTerms['cpl']>['per'],
          amounts: [
            { amount: r.value('terms.cpl.amounts.0.amount'), currency: upper(r.value('terms.cpl.amounts.0.currency')) },
            ...(base?.cpl?.amounts ?? []).slice(1),
          ],
        }
      : undefined,
    tiers: base?.tiers,
    subAffiliate: parts.has('subAffiliate') ? { levels } : undefined,
  });
}

/** The parts a form starts with: those of the terms it edits, else CPA alone. */
export function partsOf(terms: PlanTerms | null): Set<TermsPart> {
  if (!terms) return new Set(['cpa']);
  return new Set((['cpa', 'revshare', 'cpl', 'subAffiliate'] as const).filter((p) => terms[p] !== undefined));
}

/** Whether the terms hold parts the form does not show (kept as they are by `termsFrom`). */
export function hasUnshown(terms: PlanTerms | null): boolean {
  const q = terms?.cpa?.qualification;
  return Boolean(
    terms?.tiers ||
      q?.minWager ||
      q?.minNgr ||
      (q?.minFirstDeposit?.length ?? 0) > 1 ||
      (terms?.cpa?.amounts.length ?? 0) > 1 ||
      (terms?.cpl?.amounts.length ?? 0) > 1,
  );
}

/** The input a 422's path belongs to: the one named by it, or by its longest leading part (`…countries.2`). */
export function fieldFor(path: string, fields: readonly string[]): string | undefined {
  const local = path.replace(/^body\./, '');
  return fields.filter((f) => local === f || local.startsWith(`${f}.`)).sort((a, b) => b.length - a.length)[0];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in this browser's zone as YYYY-MM-DD (the date input's default; the API checks the operator's today). */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
