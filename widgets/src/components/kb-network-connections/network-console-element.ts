/**
 * Base of the CPA-network console's elements: the operator console's base (api-base, locale, the
 * typed client, failures as messages) with this console's strings and styles.
 */
import { ConsoleElement } from '../../internal/console-element.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import { consoleMessages, type ConsoleKey } from './kb-network-connections.messages.ts';
import { consoleStyles } from './kb-network-connections.styles.ts';

export abstract class NetworkConsoleElement extends ConsoleElement {
  static override styles = consoleStyles;

  protected m(key: ConsoleKey, params?: MessageParams): string {
    return consoleMessages(this.uiLocale, key, params);
  }

  protected get networkErrorMessage(): string {
    return this.m('networkError');
  }
}
