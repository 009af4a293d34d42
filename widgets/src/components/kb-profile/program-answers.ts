/**
 * The "Program questions" part of `<kb-profile>`: the partner's answers to the operator's
 * registration fields, editable by the owner and admins (the API refuses others), read-only for
 * the rest. Absent when the program asks nothing. A controller, so the profile keeps one element
 * and its own form untouched; the controls are the sign-up form's (internal/registration-fields.ts).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ApiError, expectOk, type ApiClient } from '../../internal/api-client.ts';
import type { Locale } from '../../internal/i18n.ts';
import { fieldProblemMessage } from '../../internal/problem-messages.ts';
import {
  answerName,
  answersToSend,
  questionsChanged,
  answerText,
  checkAnswers,
  localized,
  renderAnswerControl,
  type Answers,
  type FieldAnswer,
  type RegistrationField,
} from '../../internal/registration-fields.ts';
import type { ProfileKey } from './kb-profile.messages.ts';

type Answered = RegistrationField & { value: FieldAnswer };

/** What the part takes from `<kb-profile>`. */
export interface ProgramAnswersDeps {
  locale(): Locale;
  m(key: ProfileKey | 'retry'): string;
  /** The failed call worded for the user (a 401 also ends the session). */
  errorMessage(error: unknown): string;
  focusAfterRender(selector: string): void;
}

const ID_PREFIX = 'profile-field-';

export class ProgramAnswers implements ReactiveController {
  /** The program's active fields with the partner's answers; null until loaded. */
  private fields: Answered[] | null = null;
  private draft: Answers = {};
  private loadError: string | null = null;
  private saving = false;
  private notice: string | null = null;
  private formError: string | null = null;
  private errors: Record<string, string> = {};
  private api: ApiClient | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: ProgramAnswersDeps,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  private update(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  async load(api: ApiClient): Promise<void> {
    this.api = api;
    this.update(() => {
      this.fields = null;
      this.loadError = null;
      this.notice = null;
      this.formError = null;
      this.errors = {};
    });
    try {
      const body = await expectOk(api.client.v1.partner.profile.fields.$get());
      this.update(() => this.show(body.fields));
    } catch (error) {
      // An ended session is reported by the profile's own call, made alongside: once is enough.
      if (error instanceof ApiError && error.status === 401) return;
      this.update(() => {
        this.loadError = this.deps.errorMessage(error);
      });
    }
  }

  private show(fields: Answered[]): void {
    this.fields = fields;
    this.draft = Object.fromEntries(fields.map((f) => [f.key, f.value ?? (f.kind === 'checkbox' ? false : '')]));
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { fields, api } = this;
    if (!fields || !api || this.saving) return;
    const locale = this.deps.locale();
    this.notice = null;
    this.formError = null;
    this.errors = checkAnswers(fields, this.draft, locale);
    if (Object.keys(this.errors).length > 0) return this.showErrors();
    // Only what changed, so saving one answer never rewrites another someone else just set.
    const all = answersToSend(fields, this.draft, { clearEmpty: true });
    const before = answersToSend(fields, Object.fromEntries(fields.map((f) => [f.key, f.value])), { clearEmpty: true });
    const changed = Object.fromEntries(Object.entries(all).filter(([key, value]) => value !== before[key]));
    if (Object.keys(changed).length === 0) return this.update(() => (this.notice = this.deps.m('unchanged')));
    this.update(() => (this.saving = true));
    try {
      const body = await expectOk(api.client.v1.partner.profile.fields.$patch({ json: { fields: changed } }));
      this.show(body.fields);
      this.notice = this.deps.m('saved');
    } catch (error) {
      const byField: Record<string, string> = {};
      if (error instanceof ApiError)
        for (const problem of error.errors) {
          const name = problem.path.replace(/^body\./, '');
          if (name.startsWith('fields.') && !byField[name]) byField[name] = fieldProblemMessage(locale, problem);
        }
      if (questionsChanged(error, fields)) {
        // The operator added or withdrew a question meanwhile: show the current ones and say so.
        await this.load(api);
        this.formError = this.deps.m('answersChanged');
        return;
      }
      this.errors = byField;
      if (Object.keys(byField).length > 0) this.showErrors();
      else this.formError = this.deps.errorMessage(error);
    } finally {
      this.update(() => (this.saving = false));
    }
  }

  private showErrors(): void {
    this.update(() => (this.formError = this.deps.m('fixFields')));
    this.deps.focusAfterRender('[part~="answers"] [aria-invalid="true"]');
  }

  /** The part, or nothing while loading and when the program asks no questions. */
  render(canEdit: boolean): TemplateResult | typeof nothing {
    const heading = html`<h3 part="subheading" id="profile-answers">${this.deps.m('answers')}</h3>`;
    if (this.loadError) {
      return html`<section part="panel answers" aria-labelledby="profile-answers">${heading}
        <div part="error" role="alert">
          <p part="error-detail">${this.loadError}</p>
          <button part="button retry" type="button" @click=${() => this.api && void this.load(this.api)}>${this.deps.m('retry')}</button>
        </div>
      </section>`;
    }
    const fields = this.fields;
    if (!fields || fields.length === 0) return nothing;
    const locale = this.deps.locale();
    return html`<section part="panel answers" aria-labelledby="profile-answers">${heading}
      <p part="hint">${this.deps.m(canEdit ? 'answersHint' : 'answersReadOnly')}</p>
      ${canEdit ? this.renderForm(fields, locale) : this.renderFacts(fields, locale)}
    </section>`;
  }

  private renderFacts(fields: Answered[], locale: Locale): TemplateResult {
    return html`<dl part="facts">
      ${fields.map(
        (f) => html`<div part="fact"><dt part="fact-label">${localized(f.label, locale)}</dt>
          <dd part="fact-value">${answerText(f, f.value, locale)}</dd></div>`,
      )}
    </dl>`;
  }

  private renderForm(fields: Answered[], locale: Locale): TemplateResult {
    return html`<p part="success" role="status">${this.notice ?? nothing}</p>
      <div part="error" role="alert">${this.formError ?? nothing}</div>
      <form part="form" novalidate @submit=${(e: SubmitEvent) => this.save(e)} aria-busy=${this.saving ? 'true' : 'false'}>
        ${fields.map((field) =>
          renderAnswerControl(field, {
            locale,
            value: this.draft[field.key] ?? null,
            error: this.errors[answerName(field.key)],
            idPrefix: ID_PREFIX,
            onChange: (value) => this.update(() => (this.draft = { ...this.draft, [field.key]: value })),
          }),
        )}
        <div part="actions">
          <button part="button primary save-answers" type="submit" ?disabled=${this.saving}>
            ${this.saving ? this.deps.m('saving') : this.deps.m('saveAnswers')}
          </button>
        </div>
      </form>`;
  }
}
