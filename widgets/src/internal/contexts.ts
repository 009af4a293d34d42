/**
 * The @lit/context contexts `<kb-portal>` provides to every section inside it. Sections
 * consume these instead of reaching for globals, so two portals on one page (two operators,
 * two partners) never share state.
 */
import { createContext } from '@lit/context';
import type { ApiClient, PortalConfig } from './api-client.ts';
import type { LocaleState } from './i18n.ts';

export interface SessionState {
  /** Embed client secret minted by the operator's backend; null for a public (anonymous) portal. */
  clientSecret: string | null;
  status: 'anonymous' | 'embedded';
}

export type { LocaleState };

export const apiContext = createContext<ApiClient | undefined>(Symbol('kb-api'));
export const sessionContext = createContext<SessionState>(Symbol('kb-session'));
export const localeContext = createContext<LocaleState>(Symbol('kb-locale'));
/** The operator's public configuration; null while loading or after a failure. */
export const brandingContext = createContext<PortalConfig | null>(Symbol('kb-branding'));
