/**
 * `<kb-postback-editor>`: creates or edits one postback. The URL template is checked as the
 * partner types (the server's own check, debounced): every problem is listed with its message
 * and its place marked in the URL; errors block Save, warnings do not. Macro chips insert
 * `${name}` at the cursor. Preview renders the request with a recent real click (or samples);
 * a saved postback can send one test, only after the partner saw it and confirmed.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { CampaignSection } from '../../internal/campaign/campaign-section.ts';
import { campaignStyles } from '../../internal/campaign/campaign.styles.ts';
import type { Campaign, Promo } from '../../internal/campaign/campaign-types.ts';
import type {
  BuiltInMacro,
  Postback,
  PostbackScope,
  PostbackTestResult,
  TemplateProblem,
} from '../../internal/postback/postback-types.ts';
import { changeBody, createBody, draftOf, fixedScopeOf, isDirty, previewBody, refusalOf } from './editor-draft.ts';
import { renderMethodFields, renderScopeFields, type Draft, type FieldsView } from './editor-fields.ts';
import { editorMessages, type EditorKey } from './kb-postback-editor.messages.ts';
import { editorStyles } from './kb-postback-editor.styles.ts';
import { renderPreview, renderTestResult, type PreviewState, type PreviewView } from './preview-panel.ts';
import { TemplateCheck } from './template-check.ts';
import { URL_FIELD_ID, insertAtCursor, renderUrlField, selectProblemIn } from './url-field.ts';

/**
 * The postback form. Must sit inside `<kb-portal>` (api, session and locale contexts); owners and
 * admins only (others see it read-only). Set `postback` to edit one; `campaign-id` or `promo-id`
 * fix the scope of a new one.
 *
 * @event kb-postback-saved - Created or changed; `detail: { postback }`. The editor stays open on the saved postback.
 * @event kb-postback-cancelled - Cancel or Close was pressed; `detail: { postbackId }` (null for a new one).
 * @event kb-session-expired - A call answered 401.
 *
 * @csspart form - The form (also `editor-form`).
 * @csspart heading - Its heading.
 * @csspart note - Read-only note (also `read-only`).
 * @csspart facts - A saved postback's scope and action (also `postback-facts`). @csspart fact-label - A fact's name.
 * @csspart fact-value - Its value (also `scope-value`, `action-value`).
 * @csspart mono - An id.
 * @csspart fixed-note - Why they can't change.
 * @csspart fieldset - A radio group (also `scope-choice`, `method-choice`, `bodyFormat-choice`).
 * @csspart check - A radio or checkbox with its label.
 * @csspart radio - A radio button.
 * @csspart checkbox - The Enabled checkbox (also `enabled`).
 * @csspart field - A label with its control (also `url-field`).
 * @csspart label - A label. @csspart input - A select or the URL (also `url-input`).
 * @csspart hint - Help text (also `scope-hint`, `no-campaigns`, `custom-macros`, `save-blocked`,
 *   `saved-version`).
 * @csspart field-error - A field's error.
 * @csspart problems - The live check's region.
 * @csspart problems-heading - Its heading.
 * @csspart problem-list - The problems.
 * @csspart problem - One problem (also `problem-error`, `problem-warning`).
 * @csspart problem-severity - Error or warning.
 * @csspart problem-message - The server's message.
 * @csspart problem-position - "at column N" (selects the problem in the field).
 * @csspart problem-mirror - The checked URL.
 * @csspart problem-mark - The problem's characters (also `problem-mark-end` for the URL's end).
 * @csspart checking - "Checking…".
 * @csspart valid - No problems.
 * @csspart macros - The macro chips.
 * @csspart macro-list - Their list.
 * @csspart macro - A chip with its meaning.
 * @csspart macro-chip - A chip (inserts at the cursor).
 * @csspart macro-doc - A macro's meaning.
 * @csspart preview - The rendered request (also `test-preview`).
 * @csspart preview-heading - Its heading.
 * @csspart preview-source - Real click or samples.
 * @csspart request - Method and URL.
 * @csspart request-method - The method.
 * @csspart request-url - The URL (also `preview-url`, `test-url`).
 * @csspart request-body - A POST body (also `preview-body`). @csspart confirm-question - The test's confirmation.
 * @csspart test-status - Live region of the test's answer.
 * @csspart test-result - The answer (also `test-delivered`, `test-failed`).
 * @csspart test-answer - Code and time.
 * @csspart test-error - The error text.
 * @csspart success - Saved note.
 * @csspart error - Error message.
 * @csspart actions - Buttons row.
 * @csspart button - Any button (also `primary`, `save`, `preview-button`, `send-test`, `confirm-test`,
 *   `dont-send`, `cancel`).
 * @csspart link-button - A text button.
 * @csspart badge - The method badge.
 * @csspart subheading - A panel heading.
 * @csspart status - Waiting note.
 *
 * @cssproperty --kb-color-text - Text.
 * @cssproperty --kb-color-text-muted - Hints.
 * @cssproperty --kb-color-border - Borders.
 * @cssproperty --kb-color-surface - Panels and chips. @cssproperty --kb-color-bg - Inputs.
 * @cssproperty --kb-color-primary - Primary button. @cssproperty --kb-color-on-primary - Its text.
 * @cssproperty --kb-color-danger - Errors and error marks. @cssproperty --kb-color-danger-bg - Error background.
 * @cssproperty --kb-color-warning - Warning marks. @cssproperty --kb-color-warning-bg - Warning background.
 * @cssproperty --kb-radius - Panel corners.
 * @cssproperty --kb-radius-small - Input corners.
 * @cssproperty --kb-space-1 - Small gap.
 * @cssproperty --kb-space-2 - Gap. @cssproperty --kb-space-3 - Spacing unit. @cssproperty --kb-space-4 - Large gap.
 * @cssproperty --kb-font-family - Font.
 * @cssproperty --kb-focus-ring-color - Focus ring.
 * @cssproperty --kb-focus-ring-width - Its width.
 */
export class KbPostbackEditor extends CampaignSection {
  static override styles = [accountSectionStyles, campaignStyles, editorStyles];
  static override properties = {
    postback: { attribute: false },
    scope: {},
    campaignId: { attribute: 'campaign-id' },
    promoId: { attribute: 'promo-id' },
    draft: { state: true },
    campaigns: { state: true },
    promos: { state: true },
    fieldErrors: { state: true },
    busy: { state: true },
    notice: { state: true },
    preview: { state: true },
    testResult: { state: true },
  };

  /** The saved postback being edited; null for a new one. */
  declare postback: Postback | null;
  /** The scope a new postback starts with (when neither campaign-id nor promo-id fixes it). */
  declare scope: PostbackScope | null;
  declare campaignId: string | null;
  declare promoId: string | null;
  declare private draft: Draft;
  declare private campaigns: Campaign[];
  declare private promos: Promo[] | null;
  declare private fieldErrors: Record<string, string>;
  declare private busy: 'save' | 'preview' | 'test' | null;
  declare private notice: string | null;
  declare private preview: PreviewState | null;
  declare private testResult: PostbackTestResult | null;
  private readonly check = new TemplateCheck(
    this,
    () => this.api,
    (error) => void this.errorMessage(error),
  );
  /** The inputs the draft was made from: another postback or preset starts a new draft. */
  private draftSource: unknown[] = [];

  constructor() {
    super();
    this.postback = null;
    this.scope = null;
    this.campaignId = null;
    this.promoId = null;
    this.campaigns = [];
    this.promos = null;
    this.busy = null;
    this.notice = null;
    this.resetDraft();
  }

  private m(key: EditorKey, params?: MessageParams): string {
    return editorMessages(this.i18n.locale, key, params);
  }

  private get fixedScope(): PostbackScope | null {
    return fixedScopeOf(this);
  }

  /** The current URL has errors the server named: Save waits for a fix. */
  private get blocked(): boolean {
    return this.check.blocks(this.draft.url.trim());
  }

  private resetDraft(): void {
    const p = this.postback;
    this.draftSource = [p, this.scope, this.campaignId, this.promoId];
    this.draft = draftOf(p, this);
    this.check.set(p ? { url: p.url.trim(), problems: p.warnings } : null);
    this.fieldErrors = {};
    this.preview = null;
    this.testResult = null;
    this.error = null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const now = [this.postback, this.scope, this.campaignId, this.promoId];
    if (now.some((value, i) => value !== this.draftSource[i])) this.resetDraft();
    super.willUpdate(changed);
  }

  /** Campaigns for the scope picker (active ones: archived campaigns take no postbacks). */
  protected override async load(api: ApiClient): Promise<void> {
    if (this.fixedScope || this.postback || !this.canWrite) return;
    try {
      this.campaigns = (await expectOk(api.client.v1.partner.campaigns.$get({ query: { status: 'active' } }))).data;
    } catch (error) {
      this.error = this.errorMessage(error);
    }
  }

  private async loadPromos(campaignId: string): Promise<void> {
    const api = this.api;
    this.promos = null;
    if (!api || !campaignId || this.draft.scope !== 'promo') return;
    try {
      const detail = await expectOk(api.client.v1.partner.campaigns[':campaignId'].$get({ param: { campaignId } }));
      if (this.draft.campaignId === campaignId) this.promos = detail.promos;
    } catch (error) {
      this.error = this.errorMessage(error);
    }
  }

  private change(patch: Partial<Draft>, recheck = false): void {
    this.draft = { ...this.draft, ...patch };
    this.notice = null;
    this.fieldErrors = {};
    if (this.preview && !this.preview.forTest) this.preview = null;
    if (recheck) this.check.schedule(this.draft.url, this.draft.scope);
  }

  private get urlField(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector<HTMLTextAreaElement>(`#${URL_FIELD_ID}`);
  }

  private onUrlInput = (event: Event): void => {
    const field = event.target as HTMLTextAreaElement;
    // A URL is one line: pasted line breaks go.
    if (/[\r\n]/.test(field.value)) field.value = field.value.replace(/[\r\n]+/g, '');
    this.change({ url: field.value }, true);
  };

  /** Puts `${name}` over the field's selection (or at the caret) and keeps typing there. */
  private insert = (name: BuiltInMacro): void => {
    const field = this.urlField;
    if (field) this.change({ url: insertAtCursor(field, name) }, true);
  };

  private selectProblem = (problem: TemplateProblem): void => {
    const {
      urlField: field,
      check: { checked },
    } = this;
    if (field && checked) selectProblemIn(field, checked.url, problem.position);
  };

  private save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const api = this.api;
    if (!api || !this.canWrite || this.busy || this.blocked) return;
    const d = this.draft;
    const required = this.m('required');
    const errors: Record<string, string> = {};
    if (!d.url.trim()) errors.url = required;
    if (!this.postback && d.scope !== 'account' && !this.fixedScope && !d.campaignId) errors.campaign = required;
    if (!this.postback && d.scope === 'promo' && !d.promoId) errors.promo = required;
    this.fieldErrors = errors;
    const first = Object.keys(errors)[0];
    if (first) {
      this.focusAfterRender(`#postback-${first}`);
      return;
    }
    this.busy = 'save';
    this.error = null;
    this.notice = null;
    try {
      const route = api.client.v1.partner.postbacks;
      const saved = this.postback
        ? await expectOk(route[':postbackId'].$patch({ param: { postbackId: this.postback.id }, json: changeBody(d) }))
        : await expectOk(route.$post({ json: createBody(d) }));
      this.postback = saved;
      this.notice = this.m('saved');
      this.emit('kb-postback-saved', { postback: saved });
    } catch (error) {
      this.showSaveFailure(error, d.url.trim());
    } finally {
      this.busy = null;
    }
  };

  /** A 422 is shown like the live check: each URL problem marked; other fields beside their inputs. */
  private showSaveFailure(error: unknown, url: string): void {
    const refusal = refusalOf(error, this.i18n.locale);
    if (!refusal) {
      this.error = this.errorMessage(error);
      return;
    }
    if (refusal.problems.length) {
      this.check.set({ url, problems: refusal.problems });
      this.focusAfterRender(`#${URL_FIELD_ID}`);
    }
    this.fieldErrors = refusal.fieldErrors;
    this.error = refusal.message;
  }

  /** Renders the draft (Preview) or the saved postback (the first step of Send test). */
  private async runPreview(forTest: boolean): Promise<void> {
    const { api, postback } = this;
    if (!api || this.busy || (forTest && !postback)) return;
    this.busy = 'preview';
    this.error = null;
    this.testResult = null;
    try {
      const result = await expectOk(
        api.client.v1.partner.postbacks.preview.$post({
          json: previewBody(forTest && postback ? postback : this.draft),
        }),
      );
      this.preview = { result, forTest };
      this.focusAfterRender('#postback-preview-heading');
    } catch (error) {
      this.error = this.errorMessage(error);
    } finally {
      this.busy = null;
    }
  }

  /** Sends the one test the partner confirmed, with the click the preview showed. */
  private confirmTest = async (): Promise<void> => {
    const { api, postback, preview } = this;
    if (!api || !postback || !preview?.forTest || this.busy) return;
    this.busy = 'test';
    this.error = null;
    try {
      const clickId = preview.result.clickId;
      this.testResult = await expectOk(
        api.client.v1.partner.postbacks[':postbackId'].test.$post({
          param: { postbackId: postback.id },
          json: { confirm: true, ...(clickId ? { clickId } : {}) },
        }),
      );
      this.preview = null;
    } catch (error) {
      this.error = this.errorMessage(error);
    } finally {
      this.busy = null;
    }
  };

  private fieldsView(): FieldsView {
    return {
      locale: this.i18n.locale,
      m: this.m.bind(this),
      draft: this.draft,
      postback: this.postback,
      fixedScope: this.fixedScope,
      campaigns: this.campaigns,
      promos: this.promos,
      errors: this.fieldErrors,
      disabled: !this.canWrite,
      onScope: (scope) => {
        this.change({ scope, promoId: '' }, true);
        void this.loadPromos(this.draft.campaignId);
      },
      onCampaign: (campaignId) => {
        this.change({ campaignId, promoId: '' });
        void this.loadPromos(campaignId);
      },
      onPromo: (promoId) => this.change({ promoId }),
      onAction: (action) => this.change({ action }),
      onMethod: (method) => this.change({ method }),
      onFormat: (bodyFormat) => this.change({ bodyFormat }),
    };
  }

  private previewView(): PreviewView {
    return {
      m: this.m.bind(this),
      preview: this.preview,
      testResult: this.testResult,
      dirty: isDirty(this.draft, this.postback),
      sending: this.busy === 'test',
      ms: (value) => this.i18n.formatNumber(value),
      onConfirm: this.confirmTest,
      onDismiss: () => {
        this.preview = null;
        this.focusAfterRender('[part~="send-test"]');
      },
    };
  }

  protected override render(): TemplateResult {
    if (!this.ready) return this.renderWaiting();
    const { draft: d, postback: p, canWrite, busy } = this;
    return html`<form part="form editor-form" novalidate @submit=${this.save}>
        <h3 part="heading" id="postback-editor-heading" tabindex="-1">${this.m(p ? 'heading.edit' : 'heading.new')}</h3>
        ${canWrite ? nothing : html`<p part="note read-only">${this.m('readOnly')}</p>`}
        ${renderScopeFields(this.fieldsView())}
        ${renderMethodFields(this.fieldsView())}
        ${renderUrlField({
          locale: this.i18n.locale,
          m: this.m.bind(this),
          url: d.url,
          checked: this.check.checked,
          checking: this.check.checking,
          disabled: !canWrite,
          error: this.fieldErrors.url,
          onInput: this.onUrlInput,
          onInsert: this.insert,
          onSelectProblem: this.selectProblem,
        })}
        <label part="check"><input part="checkbox enabled" type="checkbox" id="postback-enabled" .checked=${live(d.enabled)} ?disabled=${!canWrite}
          @change=${(e: Event) => this.change({ enabled: (e.target as HTMLInputElement).checked })} /> ${this.m('enabled')}</label>
        <p part="success" role="status">${this.notice ?? nothing}</p>
        <div part="error" role="alert">${this.error ?? nothing}</div>
        <div part="actions">
          ${
            canWrite
              ? html`<button part="button primary save" type="submit" ?disabled=${this.blocked || busy !== null}
            aria-describedby=${this.blocked ? 'postback-save-blocked' : nothing}>${busy === 'save' ? this.m('saving') : this.m('save')}</button>`
              : nothing
          }
          <button part="button preview-button" type="button" ?disabled=${!d.url.trim() || busy !== null}
            @click=${() => this.runPreview(false)}>${busy === 'preview' ? this.m('previewing') : this.m('preview')}</button>
          ${p && canWrite ? html`<button part="button send-test" type="button" ?disabled=${busy !== null} @click=${() => this.runPreview(true)}>${this.m('sendTest')}</button>` : nothing}
          <button part="button cancel" type="button" @click=${() => this.emit('kb-postback-cancelled', { postbackId: p?.id ?? null })}>${this.m(p ? 'close' : 'cancel')}</button>
        </div>
        ${this.blocked ? html`<p part="hint save-blocked" id="postback-save-blocked">${this.m('saveBlocked')}</p>` : nothing}
      </form>
      ${renderPreview(this.previewView())}
      ${renderTestResult(this.previewView())}`;
  }
}
