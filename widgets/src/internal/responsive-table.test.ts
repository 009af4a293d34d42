import { html, LitElement, nothing, render, type TemplateResult } from 'lit';
import { expect } from '@open-wc/testing';
import { afterEach, cleanupFixtures, describe, fixture, it, waitFor } from './test-helpers.ts';
import { tokenFallbacks } from './token-fallbacks.ts';
import { responsiveTableStyles } from './responsive-table.styles.ts';
import {
  breakable,
  cell,
  cellAttributes,
  columns,
  headerCells,
  scrollRegion,
  scrollsSideways,
} from './responsive-table.ts';

const COLS = columns({
  name: { label: 'Name', primary: true, priority: 3 },
  email: { label: 'E-mail' },
  plan: { label: 'Plan', priority: 2 },
  created: { label: 'Created', priority: 3 },
  actions: { label: 'Actions', actions: true, priority: 2, hiddenHeader: true },
});

describe('responsive table: columns', () => {
  it('keeps the given order, leaves out undefined ones, and never hides the primary or actions column', () => {
    const cols = columns({
      a: { label: 'A', primary: true, priority: 3 },
      b: undefined,
      c: { label: 'C', priority: 2 },
      d: { label: 'D' },
      e: { label: 'E', actions: true, priority: 3 },
    });
    expect(cols.list.map((c) => `${c.key}:${c.priority}`)).to.deep.equal(['a:1', 'c:2', 'd:1', 'e:1']);
    expect(cols.b).to.equal(undefined);
    expect(cols.c.label).to.equal('C');
  });

  it('gives a cell its label, priority and actions mark as data attributes', () => {
    expect(cellAttributes(COLS.name)).to.deep.equal({});
    expect(cellAttributes(COLS.email)).to.deep.equal({ 'data-label': 'E-mail' });
    expect(cellAttributes(COLS.created)).to.deep.equal({ 'data-label': 'Created', 'data-priority': '3' });
    expect(cellAttributes(COLS.actions)).to.deep.equal({ 'data-actions': '' });
  });

  it('breakable() puts a line-break opportunity before @ and after dots, hyphens and underscores', () => {
    const host = document.createElement('p');
    render(html`${breakable('anna.k-b_c@mail.example')}`, host);
    expect(host.textContent, 'the text is unchanged').to.equal('anna.k-b_c@mail.example');
    expect(host.innerHTML.replace(/<!--[^>]*-->/g, '')).to.equal('anna.<wbr>k-<wbr>b_<wbr>c<wbr>@mail.<wbr>example');
    expect(breakable('plain')).to.deep.equal(['plain']);
  });

  it('a box scrolls sideways only when its content is wider by more than a pixel', () => {
    expect(scrollsSideways({ scrollWidth: 500, clientWidth: 400 })).to.equal(true);
    expect(scrollsSideways({ scrollWidth: 401, clientWidth: 400 })).to.equal(false);
    expect(scrollsSideways({ scrollWidth: 400, clientWidth: 400 })).to.equal(false);
  });
});

/** A table as the sections render it, in a shadow root with the shared sheet. */
class TestTable extends LitElement {
  static override styles = [tokenFallbacks, responsiveTableStyles];
  static override properties = { wide: { type: Boolean }, cols: { attribute: false } };
  declare wide: boolean;
  declare cols: typeof COLS;
  constructor() {
    super();
    this.wide = false;
    this.cols = COLS;
  }
  protected override render(): TemplateResult {
    const c = this.cols;
    return html`<div part="table-wrap" ${scrollRegion('Members')}>
      <table part="members">
        <thead><tr part="header-row">${headerCells(c)}</tr></thead>
        <tbody>${[1, 2].map(
          (n) => html`<tr part="row">
          <th part="cell name" scope="row" ${cell(c.name)}>Member ${n}${this.wide ? html`<div style="width: 3000px">wide</div>` : ''}</th>
          <td part="cell email" ${cell(c.email)}>m${n}@example.test</td>
          <td part="cell plan" ${cell(c.plan)}>${n === 2 ? nothing : 'RevShare'}</td>
          <td part="cell created" ${cell(c.created)}>1 March 2025</td>
          <td part="cell actions" ${cell(c.actions)}><div part="actions"><button type="button">Edit</button><button type="button">Delete</button></div></td>
        </tr>`,
        )}</tbody>
      </table>
    </div>`;
  }
}
customElements.define('kb-test-responsive-table', TestTable);

async function mountAt(width: number): Promise<TestTable> {
  const box = await fixture<HTMLDivElement>(
    html`<div style=${`width: ${width}px`}><kb-test-responsive-table></kb-test-responsive-table></div>`,
  );
  const table = box.firstElementChild as TestTable;
  await table.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return table;
}
const all = (t: TestTable, selector: string) => [...t.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const shownParts = (t: TestTable) =>
  all(t, 'tbody tr:first-child > *')
    .filter((e) => e.getBoundingClientRect().width > 0)
    .map((e) => e.getAttribute('part')!.replace('cell ', ''));
const wrapOf = (t: TestTable) => t.shadowRoot!.querySelector<HTMLElement>('[part~="table-wrap"]')!;

describe('responsive table: layout by the width it gets', () => {
  afterEach(() => cleanupFixtures());

  it('shows every column when wide, and the header cells carry the priorities', async () => {
    const t = await mountAt(1200);
    expect(shownParts(t)).to.deep.equal(['name', 'email', 'plan', 'created', 'actions']);
    expect(all(t, 'thead th').map((th) => th.dataset.priority ?? '1')).to.deep.equal(['1', '1', '2', '3', '1']);
    expect(all(t, 'thead th')[4]!.querySelector('.visually-hidden')?.textContent, 'hidden header').to.equal('Actions');
  });

  it('hides priority 3 below 60rem, then priority 2 below 48rem (container width, not viewport)', async () => {
    expect(shownParts(await mountAt(900))).to.deep.equal(['name', 'email', 'plan', 'actions']);
    cleanupFixtures();
    expect(shownParts(await mountAt(700))).to.deep.equal(['name', 'email', 'actions']);
    cleanupFixtures();
    expect(shownParts(await mountAt(980)), 'all again').to.have.length(5);
  });

  it('below 40rem each row is a card: the row header first, every cell with its label, the actions last', async () => {
    const t = await mountAt(360);
    expect(shownParts(t)).to.deep.equal(['name', 'email', 'plan', 'created', 'actions']);
    const [name, email, plan, created, actions] = all(t, 'tbody tr:first-child > *');
    expect(getComputedStyle(name!).display).to.equal('block');
    for (const [td, label] of [
      [email, 'E-mail'],
      [plan, 'Plan'],
      [created, 'Created'],
    ] as const) {
      expect(getComputedStyle(td!, '::before').content, label).to.include(label);
      expect(td!.getBoundingClientRect().top, `${label} below the title`).to.be.greaterThan(
        name!.getBoundingClientRect().top,
      );
    }
    expect(getComputedStyle(actions!, '::before').content, 'no label on the actions').to.equal('none');
    expect(actions!.getBoundingClientRect().top).to.be.greaterThan(created!.getBoundingClientRect().top);
    // The header row stays for screen readers, inside the wrapper (never widening the page).
    const wrap = wrapOf(t).getBoundingClientRect();
    const head = t.shadowRoot!.querySelector('thead')!.getBoundingClientRect();
    expect(head.width).to.be.at.most(1);
    expect(head.left >= wrap.left && head.right <= wrap.right, 'thead inside the wrapper').to.equal(true);
    expect(document.documentElement.scrollWidth).to.be.at.most(document.documentElement.clientWidth);
  });

  it('a card leaves out a cell with nothing in it (no bare label), a wide table keeps its column', async () => {
    const plan = (t: TestTable) => all(t, 'tbody tr:nth-child(2) > [part~="plan"]')[0]!;
    expect(getComputedStyle(plan(await mountAt(360))).display, 'card').to.equal('none');
    expect(getComputedStyle(plan(await mountAt(1200))).display, 'table').to.equal('table-cell');
  });

  it('the wrapper becomes a named, focusable region only while the table scrolls', async () => {
    const t = await mountAt(1200);
    const wrap = wrapOf(t);
    expect(wrap.hasAttribute('tabindex'), 'fits: no tab stop').to.equal(false);
    expect(wrap.hasAttribute('role')).to.equal(false);
    t.wide = true;
    await waitFor(() => wrap.getAttribute('tabindex') === '0', 2000, 'a scrolling wrapper is focusable');
    expect(wrap.getAttribute('role')).to.equal('region');
    expect(wrap.getAttribute('aria-label')).to.equal('Members');
    t.wide = false;
    await waitFor(() => !wrap.hasAttribute('tabindex'), 2000, 'fits again: no tab stop');
    expect(wrap.hasAttribute('role')).to.equal(false);
    expect(wrap.hasAttribute('aria-label')).to.equal(false);
  });

  it('cell() drops attributes a column no longer has', async () => {
    const host = document.createElement('table');
    document.body.append(host);
    try {
      const row = (col: (typeof COLS)['created']) => html`<tbody><tr><td ${cell(col)}>x</td></tr></tbody>`;
      render(row(COLS.created), host);
      const td = host.querySelector('td')!;
      expect(td.dataset.priority).to.equal('3');
      render(row(COLS.actions), host);
      expect(td.hasAttribute('data-priority')).to.equal(false);
      expect(td.hasAttribute('data-label')).to.equal(false);
      expect(td.hasAttribute('data-actions')).to.equal(true);
    } finally {
      host.remove();
    }
  });
});
