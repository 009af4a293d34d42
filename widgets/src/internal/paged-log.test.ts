import { LitElement, html, type TemplateResult } from 'lit';
import { define } from './base-element.ts';
import { PagedLog, type LogPage } from './paged-log.ts';
import { expect } from '@open-wc/testing';
import { afterEach, cleanupFixtures, describe, fixture, it, waitFor } from './test-helpers.ts';

interface Call {
  filters: string;
  before: string | null;
  resolve(page: LogPage<string>): void;
  reject(error: unknown): void;
}

/** A log whose pages the test hands out by hand, in any order. */
class TestLog extends LitElement {
  calls: Call[] = [];
  readonly log = new PagedLog<string, string>(this, 'all', {
    fetchPage: (filters, before) =>
      new Promise((resolve, reject) => {
        this.calls.push({ filters, before, resolve, reject });
      }),
    errorMessage: (error) => `failed: ${(error as Error).message}`,
    isFiltered: (filters) => filters !== 'all',
  });

  protected override render(): TemplateResult {
    return this.log.render({
      count: (rows) => `${rows.length} rows`,
      empty: 'Nothing yet',
      noMatch: { message: 'Nothing matches', clear: 'Clear filters', onClear: () => void this.log.clear() },
      loadMore: 'Load more',
      loadingMore: 'Loading…',
      table: (rows) => html`<ul part="rows">${rows.map((r) => html`<li>${r}</li>`)}</ul>`,
      loading: () => html`<p part="status">Loading</p>`,
      loadError: (message) => html`<p part="error-detail">${message}</p>`,
    });
  }
}
define('kb-test-paged-log', TestLog);

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);

describe('PagedLog', () => {
  afterEach(cleanupFixtures);

  it('tells "nothing yet" from "nothing matches", whose Clear filters asks again with the first filters', async () => {
    const el = await fixture<TestLog>(html`<kb-test-paged-log></kb-test-paged-log>`);
    void el.log.fetch(false);
    el.calls[0]!.resolve({ data: [], nextBefore: null });
    await waitFor(() => part(el, 'empty'), 1000, 'empty');
    expect(part(el, 'empty')!.getAttribute('role')).to.equal('status');
    expect(part(el, 'empty-message')?.textContent).to.equal('Nothing yet');
    expect(part(el, 'empty-action'), 'no action given').to.equal(null);

    void el.log.apply('deposits');
    el.calls[1]!.resolve({ data: [], nextBefore: null });
    await waitFor(() => part(el, 'empty-message')?.textContent === 'Nothing matches', 1000, 'no match');
    const clear = part(el, 'empty-action')!;
    expect(clear.textContent).to.equal('Clear filters');
    clear.click();
    expect(el.calls[2]!.filters, 'the first filters again').to.equal('all');
    el.calls[2]!.resolve({ data: ['a'], nextBefore: null });
    await waitFor(() => rows(el).length === 1, 1000, 'rows again');
  });

  it('shows the first page, appends older pages with Load more and drops the button on the last page', async () => {
    const el = await fixture<TestLog>(html`<kb-test-paged-log></kb-test-paged-log>`);
    void el.log.fetch(false);
    await el.updateComplete;
    expect(part(el, 'status')?.textContent, 'loading note').to.equal('Loading');
    el.calls[0]!.resolve({ data: ['c', 'b'], nextBefore: 'b' });
    await waitFor(() => rows(el).length === 2, 1000, 'first page');
    part(el, 'load-more')!.click();
    expect(el.calls[1]!.before, 'cursor').to.equal('b');
    el.calls[1]!.resolve({ data: ['a'], nextBefore: null });
    await waitFor(() => rows(el).length === 3, 1000, 'second page');
    expect(rows(el)).to.deep.equal(['c', 'b', 'a']);
    expect(part(el, 'count')?.textContent, 'count').to.equal('3 rows');
    expect(part(el, 'load-more'), 'no more pages').to.equal(null);
  });

  it('lets the newest request win: a slow Load more never lands after new filters', async () => {
    const el = await fixture<TestLog>(html`<kb-test-paged-log></kb-test-paged-log>`);
    void el.log.fetch(false);
    el.calls[0]!.resolve({ data: ['old-2'], nextBefore: 'old-2' });
    await waitFor(() => part(el, 'load-more'), 1000, 'Load more');
    void el.log.loadMore();
    void el.log.apply('mine');
    expect(el.calls[2]!.filters, 'new filters sent').to.equal('mine');
    el.calls[2]!.resolve({ data: ['new'], nextBefore: null });
    el.calls[1]!.resolve({ data: ['old-1'], nextBefore: null });
    await waitFor(() => rows(el)[0] === 'new', 1000, 'filtered page');
    await el.updateComplete;
    expect(rows(el)).to.deep.equal(['new']);
  });

  it('says so when nothing matches, and keeps the rows shown when a later request fails', async () => {
    const el = await fixture<TestLog>(html`<kb-test-paged-log></kb-test-paged-log>`);
    void el.log.fetch(false);
    el.calls[0]!.reject(new Error('offline'));
    await waitFor(() => part(el, 'error-detail'), 1000, 'load error');
    expect(part(el, 'error-detail')!.textContent).to.equal('failed: offline');
    void el.log.apply('none');
    el.calls[1]!.resolve({ data: [], nextBefore: null });
    await waitFor(() => part(el, 'empty'), 1000, 'empty note');
    void el.log.apply('all');
    el.calls[2]!.resolve({ data: ['x'], nextBefore: 'x' });
    await waitFor(() => rows(el).length === 1, 1000, 'rows');
    void el.log.loadMore();
    el.calls[3]!.reject(new Error('timeout'));
    await waitFor(() => part(el, 'error')?.textContent === 'failed: timeout', 1000, 'alert');
    expect(rows(el), 'rows kept').to.deep.equal(['x']);
  });
});
