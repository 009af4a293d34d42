/**
 * Base of the operator console's elements (kabinet-operator.js): the `api-base` and `locale`
 * attributes and the typed client for them. The console talks to Kabinet through the operator's
 * OWN backend, never with a secret key in the browser: `api-base` is that backend's prefix (it
 * forwards e.g. `/v1/networks` with the key added), so calls are same-origin with the page's
 * cookies and the backend's own admin login applies. Failures are the one `ApiError`.
 */
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { KabinetElement } from './base-element.ts';
import { ApiError, createApiClient, type ApiClient } from './api-client.ts';
import { negotiateLocale, type Locale } from './i18n.ts';

export abstract class ConsoleElement extends KabinetElement {
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    locale: { reflect: true },
  };

  /**
   * The operator backend's prefix that forwards to Kabinet, e.g. `/demo/operator-backend/op_x/kabinet`,
   * or Kabinet's own origin when a console staff session calls it (its cookie goes with same-origin calls).
   */
  declare apiBase: string;
  /** `en` or `ru`; anything else (or none) follows the browser's languages. */
  declare locale: string | null;
  private clientFor: { apiBase: string; api: ApiClient } | null = null;
  /** The `api-base` the console last read from: it reads again when the page points it elsewhere. */
  private loadedFor: string | null = null;

  constructor() {
    super();
    this.apiBase = '';
    this.locale = null;
  }

  /**
   * Reads what the console shows, when it first gets an `api-base` and whenever the page points it at
   * another (the demo page does after a staff sign-in and sign-out). Consoles that read on their own override it.
   */
  protected apiBaseChanged(): void {}

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.apiBase && this.apiBase !== this.loadedFor) {
      this.loadedFor = this.apiBase;
      this.apiBaseChanged();
    }
  }

  /** The typed client for `api-base` (one per prefix). */
  protected get api(): ApiClient {
    if (this.clientFor?.apiBase !== this.apiBase) {
      const api = createApiClient(this.apiBase, {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      this.clientFor = { apiBase: this.apiBase, api };
    }
    return this.clientFor.api;
  }

  /** The element's `locale` attribute, else the browser's languages, else English. */
  protected get uiLocale(): Locale {
    return negotiateLocale(this.locale);
  }

  /** What to say when a call got no answer at all (in the console's own strings). */
  protected abstract get networkErrorMessage(): string;

  /** The message for a failed call: the problem worded in the console's language, or the network note. */
  protected failure(error: unknown): string {
    return error instanceof ApiError ? error.localized(this.uiLocale) : this.networkErrorMessage;
  }

  protected dateTime(value: string): string {
    return new Intl.DateTimeFormat(this.uiLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  }
}
