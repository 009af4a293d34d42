/**
 * Base of `<kb-bills-console>`: the operator console's base (api-base, locale, the typed client,
 * failures as messages) with this panel's strings and look, and the few helpers its bill panel
 * (a controller, bill-panel.ts) reads from its host.
 */
import type { TemplateResult } from 'lit';
import type { KabinetClient } from '../../../../core/sdk/index.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { moneyText } from '../../internal/billing/bill-format.ts';
import { billingStyles } from '../../internal/billing/billing.styles.ts';
import { billsConsoleMessages, type BillsConsoleKey } from './kb-bills-console.messages.ts';
import { billsConsoleStyles } from './kb-bills-console.styles.ts';

export abstract class BillsConsoleElement extends ConsoleElement {
  static override styles = [...accountSectionStyles, billingStyles, billsConsoleStyles];

  m(key: BillsConsoleKey, params?: MessageParams): string {
    return billsConsoleMessages(this.uiLocale, key, params);
  }

  get client(): KabinetClient {
    return this.api.client;
  }

  uiLocaleOf(): Locale {
    return this.uiLocale;
  }

  failureOf(error: unknown): string {
    return this.failure(error);
  }

  when(value: string): string {
    return this.dateTime(value);
  }

  /** An amount as plain text (for a sentence), "coin" after a crypto one. */
  plainMoney(amount: string, currency: string, coin: boolean): string {
    return moneyText(this.uiLocale, amount, currency, coin);
  }

  abstract closePanel(): void;

  protected get networkErrorMessage(): string {
    return this.m('networkError');
  }

  protected abstract override render(): TemplateResult;
}
