/**
 * `<kb-registration-fields-console>`: the operator's extra sign-up fields. The fields in form order
 * (label, key, kind, required, shown), add one (key, labels in English and Russian, kind, a select's
 * options, required), edit one (labels, options, required, shown; the key and kind never change),
 * move it up or down, and turn it off or on (answers are kept either way).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import { renderEmptyState } from '../../internal/empty-state.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import {
  registrationFieldsConsoleMessages,
  type RegistrationFieldsConsoleKey,
} from './kb-registration-fields-console.messages.ts';
import { registrationFieldsConsoleStyles } from './kb-registration-fields-console.styles.ts';
import {
  optionRowsOf,
  readFieldForm,
  renderFieldForm,
  type ConsoleField,
  type FieldKind,
  type OptionRow,
} from './registration-field-form.ts';

/** The form: closed (null), a new field ('new'), or the field with this id. */
type Editing = null | 'new' | string;

/**
 * The operator's registration fields. Attributes: `api-base` (the operator backend's prefix that
 * forwards to Kabinet) and `locale` (`en`, `ru`; else the browser's languages).
 *
 * @csspart heading, intro, hint, status, notice, error, empty, empty-message, empty-hint, button, primary, retry - The panel and its states.
 * @csspart table-wrap, fields, header-row, header-cell, field-row, cell, order, up, down, field-label, label-other, key, kind,
 *   required, state-badge, state-active, state-inactive, item-actions, edit, toggle-active - The list (`data-field-key` on a row).
 * @csspart new, form, editor, subheading, field, field-pair, label, input, hint, field-error, check, check-label, checkbox,
 *   actions, save, cancel - The add / edit form.
 * @csspart options, option-row, option-field, remove-option, add-option - A select's options.
 *
 * @cssproperty --kb-color-text, --kb-color-text-muted, --kb-color-border, --kb-color-surface, --kb-color-bg - Text and surfaces.
 * @cssproperty --kb-color-primary, --kb-color-on-primary, --kb-color-danger, --kb-color-danger-bg, --kb-color-link - Accents.
 * @cssproperty --kb-radius, --kb-radius-small, --kb-space-1, --kb-space-2, --kb-space-3, --kb-space-4 - Shape and spacing.
 * @cssproperty --kb-font-family, --kb-focus-ring-color, --kb-focus-ring-width - Font and focus ring.
 */
export class KbRegistrationFieldsConsole extends ConsoleElement {
  static override styles = [...accountSectionStyles, registrationFieldsConsoleStyles];
  static override properties = {
    ...ConsoleElement.properties,
    fields: { state: true },
    loadError: { state: true },
    editing: { state: true },
    kind: { state: true },
    optionRows: { state: true },
    formError: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  declare private fields: ConsoleField[] | null;
  declare private loadError: string | null;
  declare private editing: Editing;
  declare private kind: FieldKind;
  declare private optionRows: OptionRow[];
  declare private formError: ApiError | null;
  declare private busy: boolean;
  declare private notice: string | null;

  constructor() {
    super();
    this.fields = null;
    this.loadError = null;
    this.editing = null;
    this.kind = 'text';
    this.optionRows = [];
    this.formError = null;
    this.busy = false;
    this.notice = null;
  }

  private m(key: RegistrationFieldsConsoleKey, params?: MessageParams): string {
    return registrationFieldsConsoleMessages(this.uiLocale, key, params);
  }

  protected get networkErrorMessage(): string {
    return this.m('network');
  }

  protected override apiBaseChanged(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    this.loadError = null;
    try {
      this.fields = (await expectOk(this.api.client.v1.registration_fields.$get())).data;
    } catch (error) {
      this.loadError = this.failure(error);
    }
  }

  private label(field: ConsoleField): string {
    return field.label[this.uiLocale];
  }

  private focusOn(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private open(editing: Editing): void {
    const field = this.fields?.find((f) => f.id === editing) ?? null;
    this.editing = editing;
    this.kind = field?.kind ?? 'text';
    this.optionRows = field ? optionRowsOf(field) : [];
    this.formError = null;
    this.notice = null;
    this.focusOn('#rf-editor-heading');
  }

  /** Runs a change, then reloads the list; a failure is shown on the form when it is open, else as the notice. */
  private async run(change: () => Promise<string>): Promise<boolean> {
    this.busy = true;
    this.formError = null;
    try {
      this.notice = await change();
      await this.load();
      return true;
    } catch (error) {
      if (this.editing && error instanceof ApiError) this.formError = error;
      else this.notice = this.failure(error);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private readonly save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const input = readFieldForm(event.currentTarget as HTMLFormElement, this.kind, this.optionRows);
    const api = this.api.client.v1.registration_fields;
    const editing = this.editing;
    const done = await this.run(async () => {
      if (editing && editing !== 'new') {
        const { label, required, active } = input;
        const saved = await expectOk(
          api[':fieldId'].$patch({
            param: { fieldId: editing },
            json: { label, required, active, ...(input.kind === 'select' ? { options: input.options } : {}) },
          }),
        );
        return this.m('saved', { label: this.label(saved) });
      }
      const created = await expectOk(api.$post({ json: input }));
      return this.m('created', { label: this.label(created) });
    });
    if (done) {
      this.editing = null;
      this.focusOn('[part~="notice"]');
    }
  };

  private patch(field: ConsoleField, changes: { active?: boolean }, message: RegistrationFieldsConsoleKey): void {
    void this.run(async () => {
      await expectOk(
        this.api.client.v1.registration_fields[':fieldId'].$patch({ param: { fieldId: field.id }, json: changes }),
      );
      return this.m(message, { label: this.label(field) });
    });
  }

  /**
   * Moves a field one place up or down: renumbers the list 0, 1, 2… in the new order and saves only
   * the positions that changed (usually the two swapped fields; all of them when positions tie).
   */
  private move(field: ConsoleField, by: -1 | 1): void {
    const list = [...(this.fields ?? [])];
    const from = list.findIndex((f) => f.id === field.id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= list.length) return;
    [list[from], list[to]] = [list[to]!, list[from]!];
    const one = this.api.client.v1.registration_fields[':fieldId'];
    void this.run(async () => {
      for (const [position, f] of list.entries()) {
        if (f.position !== position) await expectOk(one.$patch({ param: { fieldId: f.id }, json: { position } }));
      }
      return this.m('moved', { label: this.label(field) });
    }).then(() => this.focusOn(`[data-field-key="${field.key}"] [part~="${by < 0 ? 'up' : 'down'}"]:not([disabled])`));
  }

  protected override render(): TemplateResult {
    const head = html`<h2 part="heading">${this.m('heading')}</h2><p part="intro">${this.m('intro')}</p>
      <p part="hint">${this.m('keyHint')}</p>`;
    if (this.loadError)
      return html`${head}<div part="error" role="alert"><p>${this.loadError}</p>
        <button part="button retry" type="button" @click=${() => this.load()}>${this.m('retry')}</button></div>`;
    const fields = this.fields;
    if (!fields) return html`${head}<p part="status" role="status">${this.m('loading')}</p>`;
    const field = fields.find((f) => f.id === this.editing) ?? null;
    return html`${head}
      <p part="notice" role="status" tabindex="-1">${this.notice ?? nothing}</p>
      ${
        this.editing
          ? renderFieldForm({
              locale: this.uiLocale,
              m: (key, params) => this.m(key, params),
              field,
              kind: this.kind,
              options: this.optionRows,
              error: this.formError,
              busy: this.busy,
              onKind: (kind) => {
                this.kind = kind;
                if (kind === 'select' && this.optionRows.length === 0)
                  this.optionRows = [{ value: '', en: '', ru: '' }];
              },
              onOptionChange: (index, key, value) => {
                this.optionRows = this.optionRows.map((row, i) => (i === index ? { ...row, [key]: value } : row));
              },
              onOptionAdd: () => {
                this.optionRows = [...this.optionRows, { value: '', en: '', ru: '' }];
              },
              onOptionRemove: (index) => {
                this.optionRows = this.optionRows.filter((_row, i) => i !== index);
              },
              onSubmit: (e) => void this.save(e),
              onCancel: () => {
                this.editing = null;
              },
            })
          : html`<p><button part="button primary new" type="button" @click=${() => this.open('new')}>${this.m('new')}</button></p>`
      }
      ${fields.length ? this.renderList(fields) : renderEmptyState({ message: this.m('empty'), hint: this.m('emptyHint') })}`;
  }

  private renderList(fields: ConsoleField[]): TemplateResult {
    return html`<div part="table-wrap"><table part="fields">
      <thead><tr part="header-row">
        <th part="header-cell" scope="col">${this.m('col.order')}</th>
        <th part="header-cell" scope="col">${this.m('col.label')}</th>
        <th part="header-cell" scope="col">${this.m('col.key')}</th>
        <th part="header-cell" scope="col">${this.m('col.kind')}</th>
        <th part="header-cell" scope="col">${this.m('col.required')}</th>
        <th part="header-cell" scope="col">${this.m('col.active')}</th>
        <th part="header-cell" scope="col">${this.m('col.actions')}</th>
      </tr></thead>
      <tbody>${fields.map((f, i) => this.renderRow(f, i, fields.length))}</tbody>
    </table></div>`;
  }

  private renderRow(f: ConsoleField, index: number, count: number): TemplateResult {
    const label = this.label(f);
    const other = this.uiLocale === 'en' ? f.label.ru : f.label.en;
    return html`<tr part="field-row" data-field-key=${f.key}>
      <td part="cell order">
        <button part="button up" type="button" ?disabled=${this.busy || index === 0}
          aria-label=${this.m('moveLabel', { action: this.m('up'), label })} @click=${() => this.move(f, -1)}>↑</button>
        <button part="button down" type="button" ?disabled=${this.busy || index === count - 1}
          aria-label=${this.m('moveLabel', { action: this.m('down'), label })} @click=${() => this.move(f, 1)}>↓</button>
      </td>
      <th part="cell field-label" scope="row">${label}<span part="label-other" lang=${this.uiLocale === 'en' ? 'ru' : 'en'}>${other}</span></th>
      <td part="cell" data-label=${this.m('col.key')}><code part="key">${f.key}</code></td>
      <td part="cell kind" data-label=${this.m('col.kind')}>${this.m(`kind.${f.kind}`)}${
        f.kind === 'select' ? html` (${f.options.length})` : nothing
      }</td>
      <td part="cell required" data-label=${this.m('col.required')}>${f.required ? this.m('yes') : this.m('no')}</td>
      <td part="cell" data-label=${this.m('col.active')}><span part=${`state-badge ${f.active ? 'state-active' : 'state-inactive'}`}>${
        f.active ? this.m('active') : this.m('inactive')
      }</span></td>
      <td part="cell item-actions">
        <button part="button edit" type="button" aria-label=${`${this.m('edit')}: ${label}`}
          @click=${() => this.open(f.id)}>${this.m('edit')}</button>
        <button part="button toggle-active" type="button" ?disabled=${this.busy}
          aria-label=${`${this.m(f.active ? 'deactivate' : 'activate')}: ${label}`}
          @click=${() => this.patch(f, { active: !f.active }, f.active ? 'deactivated' : 'activated')}>${this.m(
            f.active ? 'deactivate' : 'activate',
          )}</button>
      </td>
    </tr>`;
  }
}
