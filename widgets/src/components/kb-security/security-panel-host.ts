/**
 * What `<kb-security>` lends each of its panels (2FA, sessions, statistic token): the API, the
 * translators, error handling and copy buttons. Each panel keeps its own state and asks the
 * element to re-render, so the three stay independent and each file stays small.
 */
import type { TemplateResult } from 'lit';
import type { ApiClient } from '../../internal/api-client.ts';
import type { MessageParams } from '../../internal/i18n.ts';
import type { SessionUser } from '../../internal/contexts.ts';
import type { CommonKey } from '../../internal/account/account-section.messages.ts';
import type { SecurityKey } from './kb-security.messages.ts';

export interface SecurityPanelHost {
  requestUpdate(): void;
  api(): ApiClient | undefined;
  user(): SessionUser | null;
  m(key: SecurityKey, params?: MessageParams): string;
  tc(key: CommonKey, params?: MessageParams): string;
  dateTime(value: string): string;
  /** The message for a failed call (and the portal is told about a 401). */
  fail(error: unknown): string;
  renderCopy(key: string, text: string, label?: string): TemplateResult;
  /** Focuses the first match in the shadow root after the next render (keeps keyboard users in the flow). */
  focusAfterRender(selector: string): void;
}
