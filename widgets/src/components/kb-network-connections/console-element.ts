/**
 * Base of the operator console's elements: the `api-base` and `locale` attributes, the console's
 * strings, and turning a failed call into a message (the server's own detail when it sent one).
 */
import type { PropertyDeclarations } from 'lit';
import { KabinetElement } from '../../internal/base-element.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { ConsoleApiError, consoleCall, consoleLocale } from './network-api.ts';
import { consoleMessages, type ConsoleKey } from './kb-network-connections.messages.ts';
import { consoleStyles } from './kb-network-connections.styles.ts';

export abstract class ConsoleElement extends KabinetElement {
  static override styles = consoleStyles;
  static override properties: PropertyDeclarations = {
    apiBase: { attribute: 'api-base' },
    locale: { reflect: true },
  };

  /** The operator backend's prefix that forwards to Kabinet, e.g. `/demo/operator-backend/op_x/kabinet`. */
  declare apiBase: string;
  /** `en` or `ru`; anything else (or none) follows the browser's languages. */
  declare locale: string | null;

  constructor() {
    super();
    this.apiBase = '';
    this.locale = null;
  }

  protected get uiLocale(): Locale {
    return consoleLocale(this.locale);
  }

  protected m(key: ConsoleKey, params?: MessageParams): string {
    return consoleMessages(this.uiLocale, key, params);
  }

  protected call<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
    return consoleCall<T>(this.apiBase, path, init);
  }

  protected failure(error: unknown): string {
    return error instanceof ConsoleApiError ? error.detail : this.m('networkError');
  }

  protected dateTime(value: string): string {
    return new Intl.DateTimeFormat(this.uiLocale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
  }
}
