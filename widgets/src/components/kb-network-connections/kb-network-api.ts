/**
 * `<kb-network-api>`: a network connection's API adapter, the network's API described from its
 * documentation (GET / PUT / DELETE …/api): authentication, the lead push, the status poll, the
 * schedule and limits, each problem of a refused save (422) under its field. Test connection sends
 * one real status request and shows it (secrets masked) with the answer and the first items read;
 * Sync now runs a sync and shows what it did (a sync already running answers 409, worded). Below:
 * the sync state, and `<kb-network-api-activity>` (the request log and the leads). Part of
 * `<kb-network-connections>`, which sets its properties.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { alertMessage } from '../../internal/problem-messages.ts';
import { NetworkConsoleElement } from './network-console-element.ts';
import type { ApiAdapterView, ApiSyncResult, ApiTestResult } from './network-types.ts';
import {
  SECTIONS,
  sectionIsOn,
  withValue,
  type FormValue,
  type FormValues,
  type SectionSpec,
} from './network-api-fields.ts';
import {
  fieldId,
  fromAdapter,
  placeProblems,
  renderField,
  renderSwitch,
  renderSectionHint,
  shownFields,
  toAdapter,
  type FormView,
} from './network-api-form.ts';
import { renderSyncResult, renderSyncState, renderTestResult, type ResultView } from './network-api-results.ts';
import type { KbNetworkApiActivity } from './kb-network-api-activity.ts';

type Action = 'save' | 'test' | 'sync' | 'remove';

/**
 * @csspart api-panel - The panel. @csspart api-form - The form.
 * @csspart api-section - A fieldset (also `api-section-auth`, `api-section-leadPush`, `api-section-statusPoll`,
 *   `api-section-limits`). @csspart api-switch - A section's on/off checkbox.
 * @csspart api-field - A field (also `api-field-wide`). @csspart code-input - A template, path or number input.
 * @csspart variables - A section's list of the variables its templates may use. @csspart variable - One.
 * @csspart save - Save. @csspart test - Test connection. @csspart sync - Sync now. @csspart remove - Remove adapter.
 * @csspart remove-confirm - Confirms the removal. @csspart remove-cancel - Keeps the adapter.
 * @csspart api-updated - When the adapter was saved.
 * @csspart sync-state - The sync state (a facts list). @csspart running - "A sync is running now".
 * @csspart test-result - Test connection's result. @csspart request-line - Its method and URL.
 * @csspart method-badge - The method. @csspart url - A URL as sent (wraps).
 * @csspart request-headers - The headers sent. @csspart request-body - The body sent.
 * @csspart answer - An answer (`<pre>`, wraps and scrolls inside its box). @csspart test-problem - What went wrong.
 * @csspart items - The items read (a table; cards on a phone). @csspart item-row - One item.
 * @csspart sync-result - Sync now's result (a facts list).
 */
export class KbNetworkApi extends NetworkConsoleElement {
  static override properties = {
    connectionId: { attribute: 'connection-id' },
    connectionName: { attribute: 'connection-name' },
    settingKeys: { attribute: false },
    offerParameters: { attribute: false },
    view: { state: true },
    loaded: { state: true },
    loadError: { state: true },
    values: { state: true },
    errors: { state: true },
    error: { state: true },
    notice: { state: true },
    busy: { state: true },
    confirming: { state: true },
    testResult: { state: true },
    syncResult: { state: true },
  };

  declare connectionId: string;
  declare connectionName: string;
  /** The network's setting keys (the catalog's): the hints list `settings.<key>`. */
  declare settingKeys: string[];
  /** The network's per-offer parameter names: the lead push's hint lists `offer.<name>`. */
  declare offerParameters: string[];
  /** The saved adapter and its sync state; null when the connection has none. */
  declare private view: ApiAdapterView | null;
  declare private loaded: boolean;
  declare private loadError: string | null;
  declare private values: FormValues;
  /** Messages by field path (`auth.token`). */
  declare private errors: Record<string, string>;
  declare private error: string | null;
  declare private notice: string | null;
  declare private busy: Action | null;
  /** Remove adapter was pressed: its confirmation shows. */
  declare private confirming: boolean;
  declare private testResult: ApiTestResult | null;
  declare private syncResult: ApiSyncResult | null;
  private loadSeq = 0;

  constructor() {
    super();
    this.connectionId = '';
    this.connectionName = '';
    this.settingKeys = [];
    this.offerParameters = [];
    this.view = null;
    this.loaded = false;
    this.loadError = null;
    this.values = fromAdapter(null);
    this.errors = {};
    this.error = null;
    this.notice = null;
    this.busy = null;
    this.confirming = false;
    this.testResult = null;
    this.syncResult = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if ((changed.has('connectionId') || changed.has('apiBase')) && this.connectionId && this.apiBase) {
      if (changed.has('connectionId')) this.loaded = false;
      void this.load();
    }
  }

  /** Moves focus to the panel's heading (the console does when the API button opens it). */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#api-heading')?.focus(options));
  }

  /** This connection's API routes (the connection id goes in as `param`). */
  private get api$() {
    return this.api.client.v1.network_connections[':connectionId'].api;
  }

  private get param() {
    return { param: { connectionId: this.connectionId } };
  }

  /** Reads the adapter; `keepForm` refreshes only the sync state (after a sync). */
  private async load(keepForm = false): Promise<void> {
    const seq = ++this.loadSeq;
    this.loadError = null;
    try {
      const view = await expectOk(this.api$.$get(this.param));
      if (seq !== this.loadSeq) return;
      this.view = view;
      if (!keepForm) this.values = fromAdapter(view.adapter);
    } catch (error) {
      if (seq !== this.loadSeq) return;
      if (error instanceof ApiError && error.status === 404 && error.code === 'not_found') {
        this.view = null;
        if (!keepForm) this.values = fromAdapter(null);
      } else this.loadError = this.failure(error);
    } finally {
      if (seq === this.loadSeq) this.loaded = true;
    }
  }

  private change = (path: string, value: FormValue): void => {
    this.values = withValue(this.values, path, value);
  };

  private begin(action: Action): boolean {
    if (this.busy) return false;
    this.busy = action;
    this.error = null;
    this.notice = null;
    return true;
  }

  private save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const { json, problems } = toAdapter(this.values);
    if (Object.keys(problems).length) {
      this.errors = Object.fromEntries(Object.entries(problems).map(([f, key]) => [f, this.m(key)]));
      this.error = this.m('form.fix');
      void this.focusFirstProblem();
      return;
    }
    if (!this.begin('save')) return;
    this.errors = {};
    try {
      this.view = await expectOk(this.api$.$put({ ...this.param, json }));
      this.values = fromAdapter(this.view.adapter);
      this.notice = this.m('api.saved');
    } catch (error) {
      this.showSaveFailure(error);
    } finally {
      this.busy = null;
    }
  };

  /** A 422's problems go under their fields; whatever names no shown field (or any other failure) goes in the alert. */
  private showSaveFailure(error: unknown): void {
    if (!(error instanceof ApiError) || !error.errors.length) {
      this.error = this.failure(error);
      return;
    }
    const { byField, unplaced } = placeProblems(this.uiLocale, this.values, error.errors);
    this.errors = byField;
    this.error = unplaced.length
      ? alertMessage(this.uiLocale, error, (path) => !unplaced.includes(path))
      : this.m('form.fix');
    void this.focusFirstProblem();
  }

  private async focusFirstProblem(): Promise<void> {
    await this.updateComplete;
    const first = shownFields(this.values).find((f) => this.errors[f.path]);
    if (first) this.renderRoot.querySelector<HTMLElement>(`#${fieldId({ idPrefix: 'api' }, first.path)}`)?.focus();
  }

  private get activity(): KbNetworkApiActivity | null {
    return this.renderRoot.querySelector<KbNetworkApiActivity>('kb-network-api-activity');
  }

  private async test(): Promise<void> {
    if (!this.begin('test')) return;
    try {
      this.testResult = await expectOk(this.api$.test.$post(this.param));
    } catch (error) {
      this.error = this.failure(error);
    } finally {
      this.busy = null;
      void this.activity?.refresh();
    }
  }

  private async sync(): Promise<void> {
    if (!this.begin('sync')) return;
    try {
      const result = await expectOk(this.api$.sync.$post(this.param));
      this.syncResult = result;
      const n = (value: number) => new Intl.NumberFormat(this.uiLocale).format(value);
      this.notice = this.m('api.synced', {
        requests: this.m('api.log.count', { count: result.requests }),
        seen: n(result.itemsSeen),
        changed: n(result.itemsChanged),
        skipped: n(result.itemsSkipped),
      });
    } catch (error) {
      this.error = this.failure(error);
    } finally {
      this.busy = null;
      void this.load(true);
      void this.activity?.refresh();
    }
  }

  private async confirm(open: boolean): Promise<void> {
    this.confirming = open;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[part~="${open ? 'remove-confirm' : 'remove'}"]`)?.focus();
  }

  private async removeAdapter(): Promise<void> {
    if (!this.begin('remove')) return;
    try {
      await expectOk(this.api$.$delete(this.param));
      this.view = null;
      this.values = fromAdapter(null);
      this.errors = {};
      this.testResult = null;
      this.syncResult = null;
      this.notice = this.m('api.removed');
      this.confirming = false;
    } catch (error) {
      this.error = this.failure(error);
    } finally {
      this.busy = null;
    }
  }

  protected override render(): TemplateResult {
    const headingId = 'api-heading';
    return html`<section part="api-panel" aria-labelledby=${headingId}>
      <h3 part="subheading" id=${headingId} tabindex="-1">${this.m('api.heading', { name: this.connectionName })}</h3>
      <p part="hint">${this.m('api.intro')}</p>
      ${
        this.loadError
          ? html`<div part="error" role="alert"><p>${this.loadError}</p><button part="retry" type="button"
            @click=${() => this.load()}>${this.m('retry')}</button></div>`
          : !this.loaded
            ? html`<p part="status" role="status">${this.m('api.loading')}</p>`
            : this.renderLoaded()
      }
    </section>`;
  }

  private get resultView(): ResultView {
    return {
      m: (key, params) => this.m(key, params),
      dateTime: (value) => this.dateTime(value),
      number: (value) => new Intl.NumberFormat(this.uiLocale).format(value),
    };
  }

  private renderLoaded(): TemplateResult {
    const view = this.view;
    const busy = (action: Action) => (this.busy === action ? 'true' : 'false');
    // The alert and the notice sit under the buttons that caused them (the form is long).
    return html`${view ? renderSyncState(this.resultView, view) : html`<p part="empty">${this.m('api.missing')}</p>`}
      <form part="api-form" novalidate aria-labelledby="api-heading" @submit=${this.save}>
        ${SECTIONS.map((s) => this.renderSection(s))}
        <div part="actions">
          <button part="primary save" type="submit"
            aria-disabled=${busy('save')}>${this.m(this.busy === 'save' ? 'api.saving' : 'api.save')}</button>
          <button part="test" type="button" ?disabled=${!view} aria-disabled=${busy('test')}
            @click=${() => this.test()}>${this.m(this.busy === 'test' ? 'api.testing' : 'api.test')}</button>
          <button part="sync" type="button" ?disabled=${!view} aria-disabled=${busy('sync')}
            @click=${() => this.sync()}>${this.m(this.busy === 'sync' ? 'api.syncing' : 'api.sync')}</button>
          ${
            view && !this.confirming
              ? html`<button part="danger remove" type="button"
            @click=${() => this.confirm(true)}>${this.m('api.remove')}</button>`
              : nothing
          }
        </div>
        <div part="error" role="alert">${this.error ?? nothing}</div>
        <p part="success" role="status">${this.notice ?? nothing}</p>
        ${
          view && this.confirming
            ? html`<div part="note remove-note" role="group" aria-label=${this.m('api.remove')}>
          <p>${this.m('api.removeConfirm')}</p>
          <div part="actions">
            <button part="danger remove-confirm" type="button" aria-disabled=${busy('remove')}
              @click=${() => this.removeAdapter()}>${this.m('api.removeYes')}</button>
            <button part="remove-cancel" type="button"
              @click=${() => this.confirm(false)}>${this.m('api.removeNo')}</button>
          </div>
        </div>`
            : nothing
        }
        ${
          view
            ? html`<p part="meta api-updated">${this.m('api.updated', { time: this.dateTime(view.updatedAt) })}</p>`
            : html`<p part="hint">${this.m('api.needsSave')}</p>`
        }
      </form>
      ${this.testResult ? renderTestResult(this.resultView, this.testResult) : nothing}
      ${this.syncResult ? renderSyncResult(this.resultView, this.syncResult) : nothing}
      <kb-network-api-activity .apiBase=${this.apiBase} .locale=${this.uiLocale}
        .connectionId=${this.connectionId}></kb-network-api-activity>`;
  }

  private renderSection(section: SectionSpec): TemplateResult {
    const form: FormView = {
      idPrefix: 'api',
      values: this.values,
      errors: this.errors,
      m: (key) => this.m(key),
      change: this.change,
    };
    const on = sectionIsOn(this.values, section);
    return html`<fieldset part=${`fieldset api-section api-section-${section.key}`}>
      <legend>${this.m(section.legend)}</legend>
      ${renderSwitch(form, section)}
      ${on ? renderSectionHint(form, section, this.settingKeys, this.offerParameters) : nothing}
      ${on ? html`<div part="api-fields">${section.fields.filter((f) => !f.when || f.when(this.values)).map((f) => renderField(form, f))}</div>` : nothing}
    </fieldset>`;
  }
}
