/**
 * Base of the portal's forms (sign-in, sign-up, emailed links): reads the portal's contexts,
 * keeps per-field errors (ours or the server's 422 `errors[]`), and moves focus after a step
 * change. Focus is delegated, so `form.focus()` lands on its first field.
 */
import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { KabinetElement } from './base-element.ts';
import { ApiError, type ApiClient, type PortalConfig } from './api-client.ts';
import { apiContext, brandingContext, localeContext, sessionContext } from './contexts.ts';
import { negotiateLocale, type Locale } from './i18n.ts';
import { alertMessage } from './problem-messages.ts';

/** The server's PASSWORD_MIN_LENGTH (identity/schemas.ts), repeated so the bundle needs no zod. */
export const PASSWORD_MIN_LENGTH = 10;

export abstract class FormElement extends KabinetElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  // Typed wide so each form adds its own; Lit merges the declarations of the whole class chain.
  static override properties: PropertyDeclarations = {
    busy: { state: true },
    error: { state: true },
    fieldErrors: { state: true },
  };

  /** A request is in flight: the submit button says so and a second submit is ignored. */
  declare protected busy: boolean;
  /** The form-level message, announced through role="alert". */
  declare protected error: string | null;
  /** Messages shown under their fields, by field name. */
  declare protected fieldErrors: Record<string, string>;

  private readonly apiConsumer = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly brandingConsumer = new ContextConsumer(this, { context: brandingContext, subscribe: true });
  private readonly localeConsumer = new ContextConsumer(this, { context: localeContext, subscribe: true });
  private readonly sessionConsumer = new ContextConsumer(this, { context: sessionContext, subscribe: true });
  /** Used only without a portal, so the waiting note is still in the user's language. */
  private readonly fallbackLocale: Locale = negotiateLocale(null);
  private focusSelector: string | null = null;

  constructor() {
    super();
    this.busy = false;
    this.error = null;
    this.fieldErrors = {};
  }

  protected get api(): ApiClient | undefined {
    return this.apiConsumer.value;
  }
  /** The portal's loaded configuration (branding, brands); null until it loads. */
  protected get portalConfig(): PortalConfig | null {
    return this.brandingConsumer.value ?? null;
  }
  /** The operator whose portal this is (from the loaded configuration); null until it loads. */
  protected get operatorId(): string | null {
    return this.portalConfig?.operator.id ?? null;
  }
  protected get locale(): Locale {
    return this.localeConsumer.value?.locale ?? this.fallbackLocale;
  }
  protected get transport(): 'bearer' | 'cookie' {
    return this.sessionConsumer.value?.transport ?? 'bearer';
  }

  /** Focuses the element matching `selector` in this shadow root once the next render is done. */
  protected focusAfterRender(selector: string): void {
    this.focusSelector = selector;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.focusSelector) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusSelector)?.focus();
    this.focusSelector = null;
  }

  /**
   * Shows a failed call: messages beside their fields for a 422 (with `summary` as the alert when
   * every problem has its field), else the server's detail, or `networkMessage` with no answer.
   */
  protected showFailure(
    error: unknown,
    fields: readonly string[],
    networkMessage: string,
    summary: string | null = null,
  ): void {
    if (!(error instanceof ApiError)) {
      this.error = networkMessage;
      return;
    }
    const byField: Record<string, string> = {};
    for (const field of fields) {
      const message = error.fieldMessage(field, this.locale);
      if (message) byField[field] = message;
    }
    this.fieldErrors = byField;
    const first = fields.find((f) => byField[f]);
    // Beside the fields the summary is enough; otherwise the problem worded in the user's language.
    const shown = (path: string) => fields.some((f) => byField[f] && (path === `body.${f}` || path === f));
    this.error =
      first && Object.keys(byField).length === error.errors.length ? summary : alertMessage(this.locale, error, shown);
    // Escaped: a registration field's name has a dot (`fields.<key>`).
    if (first) this.focusAfterRender(`#${CSS.escape(first)}`);
  }

  /** aria attributes tying an input to its hint and its error. */
  protected describedBy(field: string, hint = false): string | typeof nothing {
    const ids = [hint ? `${field}-hint` : '', this.fieldErrors[field] ? `${field}-error` : '']
      .filter(Boolean)
      .join(' ');
    return ids || nothing;
  }

  protected invalid(field: string): 'true' | 'false' {
    return this.fieldErrors[field] ? 'true' : 'false';
  }

  protected renderFieldError(field: string): TemplateResult | typeof nothing {
    const message = this.fieldErrors[field];
    return message ? html`<p part="field-error" id=${`${field}-error`}>${message}</p>` : nothing;
  }

  protected renderError(): TemplateResult | typeof nothing {
    return this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing;
  }
}
