/**
 * `<kb-contacts-console>`: the operator console's contacts: the affiliate managers (photo, name,
 * e-mail, how many partners each has; add, edit with a photo upload, deactivate, delete) and the
 * support contact cards partners see, program-wide and per brand. Calls go through the operator's
 * own backend (`api-base` forwards `/v1/managers` and `/v1/contacts` with the secret key added).
 * Partners are given a manager in the partners console.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { expectOk } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { errorsOnRows, fieldErrorsByPath } from './contact-fields.ts';
import { readCardForm, renderCardForm } from './card-form.ts';
import { readManagerForm, renderManagerForm } from './manager-form.ts';
import {
  MAX_PHOTO_BYTES,
  PHOTO_TYPES,
  type ContactCard,
  type ContactsOverview,
  type Editing,
  type OperatorManager,
} from './contacts-console-types.ts';
import { contactsConsoleMessages, type ContactsConsoleKey } from './kb-contacts-console.messages.ts';
import { contactsConsoleStyles } from './kb-contacts-console.styles.ts';

const initialsOf = (name: string) =>
  name
    .trim()
    .split(/\s+/)
    .filter((_, i, all) => i === 0 || i === all.length - 1)
    .map((w) => [...w][0]?.toUpperCase() ?? '')
    .join('');

/**
 * The operator's managers and support contacts. Attributes: `api-base` (the operator backend's
 * prefix that forwards to Kabinet) and `locale` (`en`, `ru`; else the browser's languages).
 *
 * @csspart heading, intro, subheading, status, notice, error, error-detail, empty, button, primary, retry - The panel and its states.
 * @csspart managers, manager-item, avatar, initials, manager-name, manager-email, partner-count, inactive, item-actions - The managers list.
 * @csspart confirm - The delete confirmation. @csspart add-manager, edit, toggle-active, delete, confirm-delete, cancel - Buttons.
 * @csspart cards, card, card-title, card-hint, card-summary, not-set, clear - The contact cards.
 * @csspart form, manager-form, card-form, form-heading, field, label, input, hint, field-error, fieldset, check, actions, pair - Forms.
 * @csspart messenger-row, add-row, save, remove-photo - Form parts.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg - Accents and errors.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbContactsConsole extends ConsoleElement {
  static override styles = [...accountSectionStyles, contactsConsoleStyles];
  static override properties = {
    ...ConsoleElement.properties,
    managers: { state: true },
    overview: { state: true },
    loadError: { state: true },
    editing: { state: true },
    errors: { state: true },
    saving: { state: true },
    notice: { state: true },
    confirming: { state: true },
    rows: { state: true },
  };

  declare private managers: OperatorManager[] | null;
  declare private overview: ContactsOverview | null;
  declare private loadError: string | null;
  declare private editing: Editing;
  /** Field messages of the open form by path (`email`, `messengers.1.handle`); `form` for the whole form. */
  declare private errors: Record<string, string>;
  declare private saving: boolean;
  declare private notice: string | null;
  /** The manager whose deletion awaits confirmation. */
  declare private confirming: string | null;
  /** Messenger rows the open form shows. */
  declare private rows: number;

  constructor() {
    super();
    this.managers = null;
    this.overview = null;
    this.loadError = null;
    this.editing = null;
    this.errors = {};
    this.saving = false;
    this.notice = null;
    this.confirming = null;
    this.rows = 1;
  }

  private m(key: ContactsConsoleKey, params?: MessageParams): string {
    return contactsConsoleMessages(this.uiLocale, key, params);
  }

  protected get networkErrorMessage(): string {
    return this.m('networkError');
  }

  protected override apiBaseChanged(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    this.loadError = null;
    try {
      const v1 = this.api.client.v1;
      const [managers, overview] = await Promise.all([expectOk(v1.managers.$get()), expectOk(v1.contacts.$get())]);
      this.managers = managers.items;
      this.overview = overview;
    } catch (error) {
      this.loadError = this.failure(error);
    }
  }

  private open(editing: Editing, messengers = 0): void {
    this.editing = editing;
    this.errors = {};
    this.notice = null;
    this.confirming = null;
    this.rows = messengers + 1;
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('form input')?.focus());
  }

  private close(): void {
    this.editing = null;
    this.errors = {};
  }

  /** Runs a change, shows its field errors (or the failure) on the open form, reloads the lists after. */
  private async run(change: () => Promise<void>, notice: string, rowOf: number[] = []): Promise<void> {
    this.saving = true;
    this.errors = {};
    try {
      await change();
      this.close();
      this.notice = notice;
      await this.load();
    } catch (error) {
      const fields = errorsOnRows(fieldErrorsByPath(error, this.uiLocale), rowOf);
      this.errors = Object.keys(fields).length
        ? { ...fields, form: this.m('fixFields') }
        : { form: this.failure(error) };
      this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], [part~="form-error"]')?.focus(),
      );
    } finally {
      this.saving = false;
    }
  }

  private readonly saveManager = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.editing?.kind !== 'manager' || this.saving) return;
    const { input, rowOf, photo } = readManagerForm(event.currentTarget as HTMLFormElement);
    const photoProblem = !photo
      ? null
      : !PHOTO_TYPES.includes(photo.type)
        ? this.m('photo.wrongType')
        : photo.size > MAX_PHOTO_BYTES
          ? this.m('photo.tooBig')
          : null;
    if (photoProblem) {
      this.errors = { photo: photoProblem, form: this.m('fixFields') };
      return;
    }
    const id = this.editing.id;
    const managers = this.api.client.v1.managers;
    void this.run(
      async () => {
        const saved = id
          ? await expectOk(managers[':managerId'].$patch({ param: { managerId: id }, json: input }))
          : await expectOk(managers.$post({ json: input }));
        if (photo) {
          // Opened for editing now, so a refused photo is shown on the form of the saved manager.
          this.editing = { kind: 'manager', id: saved.id };
          await expectOk(
            managers[':managerId'].photo.$put(
              { param: { managerId: saved.id } },
              {
                init: {
                  method: 'PUT',
                  body: photo,
                  headers: { 'content-type': photo.type, accept: 'application/json' },
                  credentials: 'same-origin',
                },
              },
            ),
          );
        }
      },
      this.m('saved'),
      rowOf,
    );
  };

  private managerCall(manager: OperatorManager, action: 'toggle' | 'delete' | 'removePhoto'): void {
    const one = this.api.client.v1.managers[':managerId'];
    const param = { managerId: manager.id };
    void this.run(
      async () => {
        if (action === 'toggle') await expectOk(one.$patch({ param, json: { active: !manager.active } }));
        else if (action === 'delete') await expectOk(one.$delete({ param }));
        else await expectOk(one.photo.$delete({ param }));
      },
      action === 'delete' ? this.m('managers.deleted', { name: manager.name }) : this.m('saved'),
    );
  }

  private readonly saveCard = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.editing?.kind !== 'card' || this.saving) return;
    const { input, rowOf } = readCardForm(event.currentTarget as HTMLFormElement);
    const scope = this.editing.scope;
    const contacts = this.api.client.v1.contacts;
    void this.run(
      async () => {
        if (scope === 'program') await expectOk(contacts.program.$put({ json: input }));
        else await expectOk(contacts[':brandId'].$put({ param: { brandId: scope }, json: input }));
      },
      this.m('saved'),
      rowOf,
    );
  };

  private clearCard(scope: string): void {
    const contacts = this.api.client.v1.contacts;
    void this.run(async () => {
      const res =
        scope === 'program'
          ? await contacts.program.$delete()
          : await contacts[':brandId'].$delete({ param: { brandId: scope } });
      if (!res.ok) await expectOk(res as never);
    }, this.m('saved'));
  }

  protected override render(): TemplateResult {
    const intro = html`<h2 part="heading">${this.m('heading')}</h2><p part="intro hint">${this.m('intro')}</p>`;
    if (!this.apiBase) return html`${intro}<p part="error" role="alert">${this.m('missingApiBase')}</p>`;
    if (this.loadError)
      return html`${intro}<div part="error" role="alert"><p part="error-detail">${this.loadError}</p>
        <button part="button retry" type="button" @click=${() => this.load()}>${this.m('retry')}</button></div>`;
    if (!this.managers || !this.overview)
      return html`${intro}<p part="status" role="status" aria-busy="true">${this.m('loading')}</p>`;
    return html`${intro}
      <p part="notice" role="status">${this.notice ?? nothing}</p>
      ${this.renderManagers(this.managers)} ${this.renderCards(this.overview)}`;
  }

  private renderManagers(managers: OperatorManager[]): TemplateResult {
    const adding = this.editing?.kind === 'manager' && this.editing.id === null;
    return html`<section aria-labelledby="managers-heading">
      <div part="section-head">
        <h3 part="subheading" id="managers-heading">${this.m('managers.heading')}</h3>
        ${adding ? nothing : html`<button part="button primary add-manager" type="button" @click=${() => this.open({ kind: 'manager', id: null })}>${this.m('managers.add')}</button>`}
      </div>
      ${adding ? this.managerForm(null) : nothing}
      ${managers.length === 0 && !adding ? html`<p part="empty">${this.m('managers.empty')}</p>` : nothing}
      <ul part="managers" role="list">${managers.map((manager) => this.renderManager(manager))}</ul>
    </section>`;
  }

  private managerForm(manager: OperatorManager | null): TemplateResult {
    return html`${this.errors.form ? html`<p part="error form-error" role="alert" tabindex="-1">${this.errors.form}</p>` : nothing}
      ${renderManagerForm({
        manager,
        errors: this.errors,
        rows: this.rows,
        saving: this.saving,
        m: (key, params) => this.m(key, params),
        onSubmit: this.saveManager,
        onCancel: () => this.close(),
        onAddRow: () => (this.rows += 1),
        onRemovePhoto: () => manager && this.managerCall(manager, 'removePhoto'),
      })}`;
  }

  private renderManager(manager: OperatorManager): TemplateResult {
    if (this.editing?.kind === 'manager' && this.editing.id === manager.id)
      return html`<li part="manager-item editing">${this.managerForm(manager)}</li>`;
    const confirming = this.confirming === manager.id;
    return html`<li part="manager-item" data-manager-id=${manager.id}>
      ${
        manager.photoUrl && /^https?:\/\//.test(manager.photoUrl)
          ? html`<img part="avatar" src=${manager.photoUrl} alt=${this.m('photo.alt', { name: manager.name })} width="56" height="56" />`
          : html`<span part="avatar initials" aria-hidden="true">${initialsOf(manager.name)}</span>`
      }
      <div class="who">
        <p part="manager-name">${manager.name}</p>
        <p part="manager-email">${manager.email}</p>
        <p part="partner-count">${this.m('managers.partners', { count: manager.partnerCount })}
          ${manager.active ? nothing : html` · <span part="inactive">${this.m('managers.inactive')}</span>`}</p>
      </div>
      <div part="item-actions actions">
        <button part="button edit" type="button" @click=${() => this.open({ kind: 'manager', id: manager.id }, manager.messengers.length)}>${this.m('edit')}</button>
        <button part="button toggle-active" type="button" ?disabled=${this.saving} @click=${() => this.managerCall(manager, 'toggle')}>
          ${manager.active ? this.m('managers.deactivate') : this.m('managers.activate')}</button>
        <button part="button delete" type="button" aria-expanded=${confirming ? 'true' : 'false'} @click=${() => (this.confirming = confirming ? null : manager.id)}>${this.m('managers.delete')}</button>
      </div>
      ${
        confirming
          ? html`<div part="confirm" role="group" aria-label=${this.m('managers.delete')}>
              <p>${manager.partnerCount ? this.m('managers.confirmDeleteAssigned', { name: manager.name, count: manager.partnerCount }) : this.m('managers.confirmDelete', { name: manager.name })}</p>
              <button part="button danger confirm-delete" type="button" ?disabled=${this.saving} @click=${() => this.managerCall(manager, 'delete')}>${this.m('managers.delete')}</button>
              <button part="button cancel" type="button" @click=${() => (this.confirming = null)}>${this.m('cancel')}</button>
            </div>`
          : nothing
      }
    </li>`;
  }

  private renderCards(overview: ContactsOverview): TemplateResult {
    const cards: Array<{ scope: string; title: string; card: ContactCard | null }> = [
      { scope: 'program', title: this.m('cards.program'), card: overview.program },
      ...overview.brands.map((b) => ({ scope: b.brandId, title: b.brandName, card: b.contacts })),
    ];
    return html`<section aria-labelledby="cards-heading">
      <h3 part="subheading" id="cards-heading">${this.m('cards.heading')}</h3>
      <ul part="cards" role="list">${cards.map((c) => this.renderCard(c.scope, c.title, c.card))}</ul>
    </section>`;
  }

  private renderCard(scope: string, title: string, card: ContactCard | null): TemplateResult {
    const editing = this.editing?.kind === 'card' && this.editing.scope === scope;
    return html`<li part="card" data-scope=${scope}>
      <h4 part="card-title">${title}</h4>
      ${scope === 'program' ? html`<p part="card-hint hint">${this.m('cards.programHint')}</p>` : nothing}
      ${
        editing
          ? html`${this.errors.form ? html`<p part="error form-error" role="alert" tabindex="-1">${this.errors.form}</p>` : nothing}
            ${renderCardForm({
              scope,
              title,
              card,
              errors: this.errors,
              rows: this.rows,
              saving: this.saving,
              m: (key, params) => this.m(key, params),
              onSubmit: this.saveCard,
              onCancel: () => this.close(),
              onAddRow: () => (this.rows += 1),
            })}`
          : html`${
              card
                ? html`<p part="card-summary">${[card.supportEmail, ...card.messengers.map((x) => x.handle), card.hours.en ?? card.hours.ru].filter(Boolean).join(' · ')}</p>`
                : html`<p part="not-set">${scope === 'program' ? this.m('cards.programNotSet') : this.m('cards.notSet')}</p>`
            }
            <div part="actions">
              <button part="button edit" type="button" @click=${() => this.open({ kind: 'card', scope }, card?.messengers.length ?? 0)}>${this.m('edit')}</button>
              ${card ? html`<button part="button clear" type="button" ?disabled=${this.saving} @click=${() => this.clearCard(scope)}>${this.m('cards.clear')}</button>` : nothing}
            </div>`
      }
    </li>`;
  }
}
