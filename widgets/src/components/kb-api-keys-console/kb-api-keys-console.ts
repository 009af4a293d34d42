/**
 * `<kb-api-keys-console>`: the operator's secret API keys (owner only). The list (name, the
 * secret's first characters, created, last used, revoked), create (the secret shown once in a copy
 * box until Done, which drops it from memory and the page), revoke and rotate after a confirmation.
 * Rotation revokes the old key at once, as the API does: no grace period. Calls go to `api-base`:
 * '' is Kabinet's own origin with the staff session cookie.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { renderKeysTable, type KeyConfirm } from './api-keys-table.ts';
import type { ApiKey, NewApiKey, ShownSecret } from './api-keys-types.ts';
import { apiKeysConsoleMessages, type ApiKeysConsoleKey } from './kb-api-keys-console.messages.ts';
import { apiKeysConsoleStyles } from './kb-api-keys-console.styles.ts';

/**
 * The operator's secret keys. Attributes: `api-base` ('' for Kabinet's own origin and the staff
 * session; else a backend prefix that forwards `/v1/operator/api_keys`) and `locale` (`en`, `ru`;
 * else the browser's languages). Only an owner (or a secret key) may use it.
 *
 * @csspart heading, intro, status, notice, error, empty, empty-message, empty-hint, button, primary, danger, retry - The panel and its states.
 * @csspart table-wrap, keys, header-row, header-cell, key-row, key-row-revoked, cell, key-name,
 *   key-prefix, key-created, key-last-used, key-status, key-actions - The list (`data-key-id` on a row).
 * @csspart mono, badge, status-badge, status-active, status-revoked - In the cells.
 * @csspart toolbar, rotate, revoke, confirm, confirm-yes, cancel, row-error - Row actions and the confirmation.
 * @csspart panel, create, subheading, form, create-form, field, label, input, hint, field-error, actions, submit - The create form.
 * @csspart secret, secret-title, secret-once, secret-value, copy-button, copy-status, done - The secret, shown once.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg - Accents and errors.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbApiKeysConsole extends ConsoleElement {
  static override styles = [...accountSectionStyles, apiKeysConsoleStyles];
  static override properties = {
    ...ConsoleElement.properties,
    keys: { state: true },
    loadError: { state: true },
    notice: { state: true },
    confirming: { state: true },
    rowError: { state: true },
    busy: { state: true },
    nameError: { state: true },
    formError: { state: true },
    shown: { state: true },
    copied: { state: true },
  };

  declare private keys: ApiKey[] | null;
  declare private loadError: string | null;
  declare private notice: string | null;
  declare private confirming: KeyConfirm | null;
  declare private rowError: { id: string; message: string } | null;
  declare private busy: boolean;
  declare private nameError: string | null;
  declare private formError: string | null;
  /** The one place a secret lives, until Done. */
  declare private shown: ShownSecret | null;
  declare private copied: 'ok' | 'failed' | null;
  /** The `api-base` the list was loaded for; undefined before the first load ('' is a real base). */

  constructor() {
    super();
    this.keys = null;
    this.loadError = null;
    this.notice = null;
    this.confirming = null;
    this.rowError = null;
    this.busy = false;
    this.nameError = null;
    this.formError = null;
    this.shown = null;
    this.copied = null;
  }

  private m(key: ApiKeysConsoleKey, params?: MessageParams): string {
    return apiKeysConsoleMessages(this.uiLocale, key, params);
  }

  protected get networkErrorMessage(): string {
    return this.m('network');
  }

  protected override apiBaseChanged(): void {
    // Another backend or session: a secret of the previous one must not stay on screen.
    this.shown = null;
    void this.reload();
  }

  /** No session, or a staff role other than owner (the role table allows owners only), in the console's words. */
  private loadFailure(error: unknown): string {
    if (error instanceof ApiError && error.status === 401) return this.m('signedOut');
    if (error instanceof ApiError && error.status === 403 && error.code.startsWith('forbidden'))
      return this.m('ownerOnly');
    return this.failure(error);
  }

  /** Loads the list again (e.g. after a staff sign-in on the page). */
  async reload(): Promise<void> {
    this.loadError = null;
    try {
      this.keys = (await expectOk(this.api.client.v1.operator.api_keys.$get())).items;
    } catch (error) {
      this.keys = null;
      this.loadError = this.loadFailure(error);
    }
  }

  /** Shows a new key's secret once and lists the key without it. */
  private show(created: NewApiKey, kind: ShownSecret['kind']): void {
    const { secret, ...key } = created;
    this.keys = [key, ...(this.keys ?? [])];
    this.copied = null;
    this.shown = { name: key.name, secret, kind };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#key-secret-title')?.focus());
  }

  private readonly create = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value;
    this.busy = true;
    this.nameError = null;
    this.formError = null;
    this.notice = null;
    try {
      this.show(await expectOk(this.api.client.v1.operator.api_keys.$post({ json: { name } })), 'created');
      form.reset();
    } catch (error) {
      this.nameError = error instanceof ApiError ? error.fieldMessage('name', this.uiLocale) : null;
      this.formError = this.nameError ? this.m('fixFields') : this.failure(error);
      if (this.nameError)
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#key-name')?.focus());
    } finally {
      this.busy = false;
    }
  };

  private async confirmChange(): Promise<void> {
    const confirm = this.confirming;
    const key = this.keys?.find((k) => k.id === confirm?.id);
    if (!confirm || !key) return;
    const one = this.api.client.v1.operator.api_keys[':keyId'];
    const param = { keyId: key.id };
    this.busy = true;
    this.rowError = null;
    this.notice = null;
    try {
      if (confirm.action === 'revoke') {
        const revoked = await expectOk(one.revoke.$post({ param }));
        this.keys = (this.keys ?? []).map((k) => (k.id === revoked.id ? revoked : k));
        this.notice = this.m('revoked', { name: key.name });
      } else {
        const created = await expectOk(one.rotate.$post({ param }));
        // The old key is revoked in the same step; its row shows that after a reload of the list.
        await this.reload();
        this.keys = (this.keys ?? []).filter((k) => k.id !== created.id);
        this.show(created, 'rotated');
      }
      this.confirming = null;
    } catch (error) {
      this.confirming = null;
      this.rowError = { id: key.id, message: this.failure(error) };
    } finally {
      this.busy = false;
    }
  }

  private ask(confirm: KeyConfirm): void {
    this.confirming = confirm;
    this.rowError = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="confirm-yes"]')?.focus());
  }

  private async copy(secret: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(secret);
      this.copied = 'ok';
    } catch {
      this.copied = 'failed';
    }
  }

  /** Done: the secret leaves memory and the page; focus goes back to the form. */
  private done(): void {
    this.shown = null;
    this.copied = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#key-name')?.focus());
  }

  protected override render(): TemplateResult {
    const head = html`<h2 part="heading">${this.m('heading')}</h2><p part="intro">${this.m('intro')}</p>`;
    if (this.loadError)
      return html`${head}<div part="error" role="alert"><p>${this.loadError}</p>
        <button part="button retry" type="button" @click=${() => this.reload()}>${this.m('retry')}</button></div>`;
    if (!this.keys) return html`${head}<p part="status" role="status">${this.m('loading')}</p>`;
    return html`${head}
      ${this.shown ? this.renderSecret(this.shown) : nothing}
      <p part="notice" role="status">${this.notice ?? nothing}</p>
      ${renderKeysTable({
        keys: this.keys,
        confirming: this.confirming,
        rowError: this.rowError,
        busy: this.busy,
        m: (key, params) => this.m(key, params),
        dateTime: (value) => this.dateTime(value),
        onAsk: (confirm) => this.ask(confirm),
        onConfirm: () => void this.confirmChange(),
        onCancel: () => (this.confirming = null),
      })}
      ${this.renderCreate()}`;
  }

  private renderSecret(shown: ShownSecret): TemplateResult {
    const m = (key: ApiKeysConsoleKey) => this.m(key, { name: shown.name });
    return html`<section part="secret" aria-labelledby="key-secret-title">
      <h3 part="subheading secret-title" id="key-secret-title" tabindex="-1">${m(shown.kind === 'created' ? 'secret.created' : 'secret.rotated')}</h3>
      <p part="secret-once"><strong>${m('secret.once')}</strong></p>
      <code part="mono secret-value" aria-label=${m('secret.label')}>${shown.secret}</code>
      <div part="actions">
        <button part="button copy-button" type="button" @click=${() => this.copy(shown.secret)}>${m('secret.copy')}</button>
        <span part="copy-status" role="status">${
          this.copied ? m(this.copied === 'ok' ? 'secret.copied' : 'secret.copyFailed') : nothing
        }</span>
        <button part="button primary done" type="button" @click=${() => this.done()}>${m('secret.done')}</button>
      </div>
    </section>`;
  }

  private renderCreate(): TemplateResult {
    const invalid = this.nameError !== null;
    return html`<section part="panel create" aria-labelledby="key-create-heading">
      <h3 part="subheading" id="key-create-heading">${this.m('create.heading')}</h3>
      <div part="error" role="alert">${this.formError ?? nothing}</div>
      <form part="form create-form" novalidate @submit=${(e: SubmitEvent) => void this.create(e)}>
        <div part="field">
          <label part="label" for="key-name">${this.m('create.name')}</label>
          <input part="input" id="key-name" name="name" autocomplete="off" maxlength="100" required
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'key-name-hint key-name-error' : 'key-name-hint'} />
          <p part="hint" id="key-name-hint">${this.m('create.nameHint')}</p>
          ${invalid ? html`<p part="field-error" id="key-name-error">${this.nameError}</p>` : nothing}
        </div>
        <div part="actions">
          <button part="button primary submit" type="submit" ?disabled=${this.busy}>${
            this.busy ? this.m('create.sending') : this.m('create.submit')
          }</button>
        </div>
      </form>
    </section>`;
  }
}
