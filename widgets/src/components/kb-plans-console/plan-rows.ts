/**
 * The plan form's lists: CPA amounts (amount, currency, brand: a brand from `GET /v1/brands` or
 * "All brands"), CPL amounts (amount, currency, a country or "every other country") and the volume
 * tiers (what they count, how a reached tier pays, and steps: a threshold and what the step pays).
 * Rows are added and removed here; their inputs keep the body paths (`terms.tiers.steps.1.percent`),
 * renumbered as rows go, so values are read by name on submit and a 422 lands on its row.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { choice, field, money, type FieldKit, type Option } from './plan-fields.ts';
import type { PlansKey } from './kb-plans-console.messages.ts';
import { MAX_ROWS, type BrandSummary, type PlanTerms, type StepKind } from './plans-types.ts';

type Money = { amount: string; currency: string };
type Tiers = NonNullable<PlanTerms['tiers']>;
export interface AmountRow extends Money {
  key: number;
  brandId?: string;
  country?: string;
}
export interface StepRow {
  key: number;
  kind: StepKind;
  minPlayers: string;
  minNgr: Money;
  cpa: Money;
  percent: string;
}
export interface RowsDraft {
  cpa: AmountRow[];
  cpl: AmountRow[];
  basis: Tiers['basis'];
  pays: Tiers['pays'];
  steps: StepRow[];
}
/**
 * The host's side: re-render after a change (`renumbered`: a row went, so problems shown by input
 * name no longer fit); the currency typed in an input (a new row starts with the one above it).
 */
export interface RowsHost extends FieldKit {
  changed(renumbered?: boolean): void;
  currencyOf(name: string): string;
}

let nextKey = 0;
const blank: Money = { amount: '', currency: 'EUR' };
const stepRow = (s: Partial<Tiers['steps'][number]> = {}, fallback: StepKind = 'cpa'): StepRow => ({
  key: nextKey++,
  kind: s.percent !== undefined ? 'percent' : s.cpa ? 'cpa' : fallback,
  minPlayers: s.minPlayers === undefined ? '' : String(s.minPlayers),
  minNgr: s.minNgr ?? blank,
  cpa: s.cpa ?? blank,
  percent: s.percent ?? '',
});

/** A list's amounts as rows; one empty row for none. */
const amountRows = (list: ReadonlyArray<Omit<AmountRow, 'key'>> | undefined): AmountRow[] =>
  (list?.length ? list : [blank]).map((a) => ({ ...a, key: nextKey++ }));

/** The rows a form starts with: those of the terms it edits, else one empty row a list. */
export function rowsFrom(terms: PlanTerms | null): RowsDraft {
  return {
    cpa: amountRows(terms?.cpa?.amounts),
    cpl: amountRows(terms?.cpl?.amounts),
    basis: terms?.tiers?.basis ?? 'qualified_players',
    pays: terms?.tiers?.pays ?? 'whole_period',
    steps: terms?.tiers?.steps.length ? terms.tiers.steps.map((s) => stepRow(s)) : [stepRow()],
  };
}

/** A list's rows with an "add" button under them and a "remove" button on each (while more than one). */
function rowList<R extends { key: number }>(
  h: RowsHost,
  list: R[],
  o: {
    name: string;
    max: number;
    label: PlansKey;
    add: PlansKey;
    remove: PlansKey;
    row: (r: R, i: number) => TemplateResult;
  },
  newRow: () => R,
): TemplateResult {
  const remove = (r: R) => {
    list.splice(list.indexOf(r), 1);
    h.changed(true);
  };
  return html`<ol part="rows" data-list=${o.name}>${repeat(
    list,
    (r) => r.key,
    (r, i) => html`<li part="row" role="group" aria-label=${h.m(o.label, { n: i + 1 })}>
      ${o.row(r, i)}
      ${
        list.length > 1
          ? html`<button part="button remove-row" type="button" @click=${() => remove(r)}>${h.m(o.remove, { n: i + 1 })}</button>`
          : nothing
      }
    </li>`,
  )}</ol>
    ${
      list.length < o.max
        ? html`<div part="actions"><button part="button add-row" type="button" data-add=${o.name}
            @click=${() => {
              list.push(newRow());
              h.changed();
            }}>${h.m(o.add)}</button></div>`
        : nothing
    }`;
}

/** A new amount row starts with the currency of the row above it. */
const amountRow = (h: RowsHost, path: string, list: AmountRow[]) => (): AmountRow => ({
  key: nextKey++,
  amount: '',
  currency: h.currencyOf(`${path}.${list.length - 1}.currency`) || 'EUR',
});

export function cpaAmounts(h: RowsHost, draft: RowsDraft, brands: readonly BrandSummary[]): TemplateResult {
  const path = 'terms.cpa.amounts';
  const brandOptions = (brandId = ''): Option[] => [
    ['', h.m('allBrands')],
    ...brands.map((b) => [b.id, b.name] as const),
    // A brand the list does not hold (it could not load): kept, by its id.
    ...(brandId && !brands.some((b) => b.id === brandId) ? [[brandId, brandId] as const] : []),
  ];
  return html`<p part="hint">${h.m('cpaAmountsHint')}</p>
    ${rowList(
      h,
      draft.cpa,
      {
        name: 'cpa',
        max: MAX_ROWS.cpa,
        label: 'amountN',
        add: 'addAmount',
        remove: 'removeAmount',
        row: (r, i) => html`<div part="field-row">${money(h, `${path}.${i}`, r)}
          ${field(h, `${path}.${i}.brandId`, h.m('brand'), { value: r.brandId ?? '', options: brandOptions(r.brandId) })}</div>`,
      },
      amountRow(h, path, draft.cpa),
    )}`;
}

export function cplAmounts(h: RowsHost, draft: RowsDraft): TemplateResult {
  const path = 'terms.cpl.amounts';
  return html`<p part="hint">${h.m('cplAmountsHint')}</p>
    ${rowList(
      h,
      draft.cpl,
      {
        name: 'cpl',
        max: MAX_ROWS.cpl,
        label: 'amountN',
        add: 'addAmount',
        remove: 'removeAmount',
        row: (r, i) => html`<div part="field-row">${money(h, `${path}.${i}`, r)}
          ${field(h, `${path}.${i}.country`, h.m('country'), {
            value: r.country ?? '',
            placeholder: h.m('anyCountry'),
          })}</div>`,
      },
      amountRow(h, path, draft.cpl),
    )}`;
}

/** The tiers editor; `kinds`: what a step may pay with the parts switched on (never empty here). */
export function tiersEditor(h: RowsHost, draft: RowsDraft, kinds: readonly StepKind[]): TemplateResult {
  const path = 'terms.tiers';
  const set =
    <K extends 'basis' | 'pays'>(key: K) =>
    (value: string) => {
      draft[key] = value as RowsDraft[K];
      h.changed();
    };
  const kindOf = (r: StepRow) => (kinds.includes(r.kind) ? r.kind : kinds[0]!);
  const step = (r: StepRow, i: number) => {
    const at = `${path}.steps.${i}`;
    const kind = kindOf(r);
    return html`<p part="row-label">${h.m('step', { n: i + 1 })}</p>
      <div part="field-row">
      ${
        draft.basis === 'ngr'
          ? money(h, `${at}.minNgr`, r.minNgr, h.m('step.minNgr'))
          : field(h, `${at}.minPlayers`, h.m('step.minPlayers'), { value: r.minPlayers, inputmode: 'numeric' })
      }
      ${
        kinds.length > 1
          ? field(h, `${at}.kind`, h.m('step.pays'), {
              value: kind,
              options: kinds.map((k) => [k, h.m(`step.kind.${k}`)] as const),
              onChange: (value) => {
                r.kind = value as StepKind;
                h.changed();
              },
            })
          : nothing
      }
      ${
        kind === 'cpa'
          ? money(h, `${at}.cpa`, r.cpa, h.m('step.cpa'))
          : field(h, `${at}.percent`, h.m('step.percent'), { value: r.percent, inputmode: 'decimal' })
      }</div>`;
  };
  return html`<div part="field-row tiers-settings">
      ${choice(h, `${path}.basis`, h.m('tiers.basis'), {
        value: draft.basis,
        options: [
          ['qualified_players', h.m('basis.qualified_players')],
          ['ngr', h.m('basis.ngr')],
        ],
        onChange: set('basis'),
      })}
      ${choice(h, `${path}.pays`, h.m('tiers.pays'), {
        value: draft.pays,
        options: [
          ['whole_period', h.m('pays.whole_period')],
          ['above_threshold', h.m('pays.above_threshold')],
        ],
        hint: h.m(draft.basis === 'ngr' ? 'paysHint.ngr' : 'paysHint.players'),
        onChange: set('pays'),
      })}
    </div>
    <p part="hint">${h.m('stepsHint')}</p>
    ${rowList(
      h,
      draft.steps,
      { name: 'steps', max: MAX_ROWS.steps, label: 'step', add: 'addStep', remove: 'removeStep', row: step },
      () => stepRow({}, kinds[0]),
    )}`;
}

/** What each step pays, for reading the form (a kind its parts no longer allow falls back to one they do). */
export const stepKindsOf = (draft: RowsDraft, kinds: readonly StepKind[]): StepKind[] =>
  draft.steps.map((r) => (kinds.includes(r.kind) ? r.kind : kinds[0]!));
