/**
 * The plan form's inputs ↔ the API's terms. Inputs are named by their path under the request
 * body (`terms.cpa.amounts.1.brandId`, `terms.tiers.steps.0.minPlayers`), so a 422's `body.<path>`
 * finds its input. The lists (CPA and CPL amounts, tier steps) are rows the form adds and removes;
 * what the form does not edit (minimum wager and NGR, further first-deposit minimums) is carried
 * over from the terms it started from, so a new version changes only what the operator touched.
 */
import { MAX_LEVELS, type PlanTerms, type StepKind, type TermsPart } from './plans-types.ts';

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
type Cpl = NonNullable<PlanTerms['cpl']>;
type Tiers = NonNullable<PlanTerms['tiers']>;
type Step = Tiers['steps'][number];
type Qualification = NonNullable<Cpa['qualification']>;

/** How many rows each list has, and what each tier step pays (the form's row state). */
export interface RowCounts {
  cpa: number;
  cpl: number;
  steps: readonly StepKind[];
}

/** An integer input: omitted when empty; a non-number goes as is for the server to name. */
const count = (raw: string): number | undefined => (raw === '' ? undefined : Number(raw));
const upper = (raw: string) => raw.toUpperCase();
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
const rows = <T>(length: number, row: (i: number) => T): T[] => Array.from({ length }, (_, i) => row(i));
/** An amount and its currency at `path` (`….amount`, `….currency`), sent as typed for the server to check. */
const moneyAt = (r: FormReader, path: string) => ({
  amount: r.value(`${path}.amount`),
  currency: upper(r.value(`${path}.currency`)),
});

function cpaFrom(r: FormReader, n: number, base: Cpa | undefined): Cpa {
  const at = (name: string) => r.value(`terms.cpa.${name}`);
  const amounts = rows(n, (i) =>
    defined({ ...moneyAt(r, `terms.cpa.amounts.${i}`), brandId: at(`amounts.${i}.brandId`) || undefined }),
  );
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
  return defined({ amounts, qualification: Object.keys(qualification).length ? qualification : undefined });
}

function cplFrom(r: FormReader, n: number): Cpl {
  return {
    per: r.value('terms.cpl.per') as Cpl['per'],
    amounts: rows(n, (i) =>
      defined({
        ...moneyAt(r, `terms.cpl.amounts.${i}`),
        country: upper(r.value(`terms.cpl.amounts.${i}.country`)) || undefined,
      }),
    ),
  };
}

function tiersFrom(r: FormReader, kinds: readonly StepKind[]): Tiers {
  const basis = r.value('terms.tiers.basis') as Tiers['basis'];
  const steps = kinds.map((kind, i): Step => {
    const at = `terms.tiers.steps.${i}`;
    return defined({
      minPlayers: basis === 'qualified_players' ? count(r.value(`${at}.minPlayers`)) : undefined,
      minNgr: basis === 'ngr' ? moneyAt(r, `${at}.minNgr`) : undefined,
      cpa: kind === 'cpa' ? moneyAt(r, `${at}.cpa`) : undefined,
      percent: kind === 'percent' ? r.value(`${at}.percent`) : undefined,
    });
  });
  return { basis, pays: r.value('terms.tiers.pays') as Tiers['pays'], steps };
}

/** The terms the form describes (parts switched off are left out; `base` gives what it does not edit). */
export function termsFrom(
  r: FormReader,
  parts: ReadonlySet<TermsPart>,
  counts: RowCounts,
  base: PlanTerms | null,
): PlanTerms {
  const levels = rows(MAX_LEVELS, (i) => r.value(`terms.subAffiliate.levels.${i}`));
  while (levels.length && levels.at(-1) === '') levels.pop();
  return defined({
    billingPeriod: r.value('terms.billingPeriod') as PlanTerms['billingPeriod'],
    cpa: parts.has('cpa') ? cpaFrom(r, counts.cpa, base?.cpa) : undefined,
    revshare: parts.has('revshare')
      ? { percent: r.value('terms.revshare.percent'), negativeCarryOver: r.checked('terms.revshare.negativeCarryOver') }
      : undefined,
    cpl: parts.has('cpl') ? cplFrom(r, counts.cpl) : undefined,
    tiers: parts.has('tiers') && stepKinds(parts).length ? tiersFrom(r, counts.steps) : undefined,
    subAffiliate: parts.has('subAffiliate') ? { levels } : undefined,
  });
}

/** The step kinds the plan's parts allow, as the server checks: CPA steps need CPA terms, percent steps RevShare. */
export function stepKinds(parts: ReadonlySet<TermsPart>): StepKind[] {
  return [...(parts.has('cpa') ? (['cpa'] as const) : []), ...(parts.has('revshare') ? (['percent'] as const) : [])];
}

/** The parts a form starts with: those of the terms it edits, else CPA alone. */
export function partsOf(terms: PlanTerms | null): Set<TermsPart> {
  if (!terms) return new Set(['cpa']);
  return new Set((['cpa', 'revshare', 'cpl', 'tiers', 'subAffiliate'] as const).filter((p) => terms[p] !== undefined));
}

/** Whether the terms hold parts the form does not show (kept as they are by `termsFrom`). */
export function hasUnshown(terms: PlanTerms | null): boolean {
  const q = terms?.cpa?.qualification;
  return Boolean(q?.minWager || q?.minNgr || (q?.minFirstDeposit?.length ?? 0) > 1);
}

/**
 * The input a 422's path belongs to: the one named by it, or by its longest leading part
 * (`…countries.2`); for a path naming a group (`…steps.1.cpa`, `…steps.1.minNgr`), its first input.
 */
export function fieldFor(path: string, fields: readonly string[]): string | undefined {
  const local = path.replace(/^body\./, '');
  const named = fields.filter((f) => local === f || local.startsWith(`${f}.`)).sort((a, b) => b.length - a.length)[0];
  return named ?? (local.startsWith('terms.') ? fields.find((f) => f.startsWith(`${local}.`)) : undefined);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today in this browser's zone as YYYY-MM-DD (the date input's default; the API checks the operator's today). */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
