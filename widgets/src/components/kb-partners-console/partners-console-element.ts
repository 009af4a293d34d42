/**
 * Base of `<kb-partners-console>`: the operator console's base (api-base, locale, the typed client,
 * failures as messages) with this panel's strings and look, and the helpers its partner page (a
 * controller, partner-page.ts) reads from its host.
 */
import type { TemplateResult } from 'lit';
import type { KabinetClient } from '../../../../core/sdk/index.ts';
import { ApiError, expectOk } from '../../internal/api-client.ts';
import { ConsoleElement } from '../../internal/console-element.ts';
import type { Locale, MessageParams } from '../../internal/i18n.ts';
import { accountSectionStyles } from '../../internal/account/account-section.styles.ts';
import { partnersConsoleMessages, type PartnersConsoleKey } from './kb-partners-console.messages.ts';
import { partnersConsoleStyles } from './kb-partners-console.styles.ts';

/**
 * What an optional part of the partner page got: `absent` when the route itself is not there
 * (this Kabinet, or the operator's backend, does not have it: a 404 that names no resource), so
 * the part is left out; `failed` for any other failure, which is shown.
 */
export type Optional<T> =
  | { state: 'loading' }
  | { state: 'absent' }
  | { state: 'failed'; message: string }
  | { state: 'ok'; data: T };

export abstract class PartnersConsoleElement extends ConsoleElement {
  static override styles = [...accountSectionStyles, partnersConsoleStyles];

  m(key: PartnersConsoleKey, params?: MessageParams): string {
    return partnersConsoleMessages(this.uiLocale, key, params);
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

  day(value: string): string {
    return new Intl.DateTimeFormat(this.uiLocale, { dateStyle: 'medium' }).format(new Date(value));
  }

  country(code: string | null): string {
    if (!code) return this.m('none');
    try {
      return new Intl.DisplayNames(this.uiLocale, { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  /**
   * A JSON call to a route other helpers' modules own (managers, documents, sign-up fields): by
   * path on the api-base, so the console works whether or not this Kabinet has the route yet.
   */
  async callJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const response = fetch(`${this.apiBase}${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return (await expectOk(response as never)) as T;
  }

  /** Loads an optional part: absent when its route is not there, failed with a message otherwise. */
  async optional<T>(load: () => Promise<T>): Promise<Optional<T>> {
    try {
      return { state: 'ok', data: await load() };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404 && !error.params.resource) return { state: 'absent' };
      return { state: 'failed', message: this.failure(error) };
    }
  }

  protected get networkErrorMessage(): string {
    return this.m('networkError');
  }

  protected abstract override render(): TemplateResult;
}
