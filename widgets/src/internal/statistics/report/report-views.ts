/**
 * The views of the Reports section, each with its address inside `<kb-portal>`, like the Wallet's:
 * the performance report (`#/reports`, drawn by `<kb-reports>` itself) and views another element
 * fills (`#/reports/favorites` → `<kb-report-favorites>`…). Adding a view is one entry in
 * `REPORT_VIEWS`: its address segment, its name in both languages and its element. The address
 * below a view (`#/reports/requested/rep_1`) is handed to the element as `rest`.
 */
import { css, html, type TemplateResult } from 'lit';
import type { Locale } from '../../i18n.ts';

export interface ReportViewEntry {
  /** The view's segment in the address (`#/reports/<view>`); the performance report's is ''. */
  readonly view: string;
  /** Its name in the view switch. */
  readonly label: Readonly<Record<Locale, string>>;
  /**
   * The view's element; `rest` is the address below the view (`['rep_1']` for `#/reports/requested/rep_1`,
   * `[]` on the view itself). An element inside the portal moves below its view with its own
   * `SectionAddress` (`go(['requested', 'rep_1'])`). The performance view has none: `<kb-reports>` draws it.
   */
  readonly render?: (rest: readonly string[]) => TemplateResult;
}

export const REPORT_VIEWS: readonly ReportViewEntry[] = [
  { view: '', label: { en: 'Performance', ru: 'Эффективность' } },
  {
    view: 'favorites',
    label: { en: 'Favorites', ru: 'Избранное' },
    render: () => html`<kb-report-favorites part="favorites"></kb-report-favorites>`,
  },
  {
    view: 'requested',
    label: { en: 'Requested reports', ru: 'Запрошенные отчёты' },
    render: (rest) =>
      html`<kb-requested-reports part="requested" .requestId=${rest[0] ?? null}></kb-requested-reports>`,
  },
  {
    view: 'sub_affiliates',
    label: { en: 'Sub-affiliates', ru: 'Субпартнёры' },
    render: () => html`<kb-subaffiliate-report part="sub-affiliates"></kb-subaffiliate-report>`,
  },
];

/** The performance report: the section's own address. */
export const PERFORMANCE_VIEW = '';

/** The view an address names and the address below it; the section's own address (or an unknown view) is the performance report. */
export function viewOf(path: readonly string[]): { view: string; rest: readonly string[] } {
  const [first, ...rest] = path;
  const entry = REPORT_VIEWS.find((v) => v.view !== PERFORMANCE_VIEW && v.view === first);
  return entry ? { view: entry.view, rest } : { view: PERFORMANCE_VIEW, rest: [] };
}

/** The address of a view inside the section: `[]` for the performance report, `['favorites']`… */
export const pathOf = (view: string, rest: readonly string[] = []): string[] =>
  view === PERFORMANCE_VIEW ? [] : [view, ...rest];

/** The switch between the views: the current one is marked (aria-current) and stays a button. */
export function renderReportViewSwitch(
  current: string,
  locale: Locale,
  name: string,
  show: (view: string) => void,
): TemplateResult {
  const button = (entry: ReportViewEntry) => {
    const isCurrent = entry.view === current;
    const id = entry.view || 'performance';
    return html`<button part=${isCurrent ? 'button view view-current' : 'button view'} type="button"
      data-view=${id} aria-current=${isCurrent ? 'page' : 'false'} @click=${() => show(entry.view)}>${entry.label[locale]}</button>`;
  };
  return html`<nav part="views" aria-label=${name}>${REPORT_VIEWS.map(button)}</nav>`;
}

/** The element of a view another element fills (null for the performance report). */
export function renderReportView(view: string, rest: readonly string[]): TemplateResult | null {
  const entry = REPORT_VIEWS.find((v) => v.view === view);
  return entry?.render ? entry.render(rest) : null;
}

/** The switch: a row of buttons that wraps on a phone, the current one filled (as the Wallet's). */
export const reportViewsStyles = css`
  [part~='views'] { display: flex; flex-wrap: wrap; gap: var(--_space-1); margin: 0 0 var(--_space); }
  [part~='view'] { flex: 1 1 auto; }
  [part~='view-current'] { background: var(--_primary); border-color: var(--_primary); color: var(--_on-primary); font-weight: 600; }
  /* The favorites under the report: the name and Save on one row that wraps on a phone. */
  [part~='favorites-bar'] { margin-top: var(--_space); padding-top: var(--_space); border-top: 1px solid var(--_border); }
  [part~='favorites-bar'] [part~='subheading'] { margin-top: 0; }
  [part~='save-favorite-row'] { display: flex; flex-wrap: wrap; gap: var(--_space-1); align-items: center; }
  [part~='favorite-name'] { flex: 1 1 14em; min-width: 0; }
  [part~='favorite-quick-list'] { display: flex; flex-wrap: wrap; gap: var(--_space-1); list-style: none; margin: var(--_space-1) 0; padding: 0; }
  [part~='open-favorite'] { max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
`;
