/**
 * The @lit/context contexts `<kb-portal>` provides to every section inside it. Sections
 * consume these instead of reaching for globals, so two portals on one page (two operators,
 * two partners) never share state.
 */
import { createContext } from '@lit/context';
import type { ApiClient, PortalConfig, SessionResult } from './api-client.ts';
import type { LocaleState } from './i18n.ts';
import type { SectionRoute } from './router.ts';

/** The signed-in user as the API returns it (SessionResult.user). */
export type SessionUser = SessionResult['user'];

export interface SessionState {
  /**
   * anonymous: nobody signed in (sign-in / sign-up show); signed_in: a password session (bearer
   * token in memory, or the hosted page's HttpOnly cookie); embedded: an embed session the
   * operator's backend minted (client secret exchanged for a bearer token).
   */
  status: 'anonymous' | 'signed_in' | 'embedded';
  user: SessionUser | null;
  /** Components an embed session may show; null = all. */
  components: string[] | null;
  /** The embed client secret the portal was given (null when none). Single-use: already exchanged. */
  clientSecret: string | null;
  /** How sign-in keeps the session: `cookie` on the hosted portal page (`auth="cookie"`), else `bearer`. */
  transport: 'bearer' | 'cookie';
  /** When the session ends (ISO time); null when anonymous or unknown (a cookie session found on load). */
  expiresAt: string | null;
}

/** A partner user's role; sections can be limited to some of them. */
export type PartnerRole = SessionUser['role'];

export const anonymousSession = (transport: SessionState['transport'] = 'bearer'): SessionState => ({
  status: 'anonymous',
  user: null,
  components: null,
  clientSecret: null,
  transport,
  expiresAt: null,
});

export type { LocaleState };

export const apiContext = createContext<ApiClient | undefined>(Symbol('kb-api'));
export const sessionContext = createContext<SessionState>(Symbol('kb-session'));
export const localeContext = createContext<LocaleState>(Symbol('kb-locale'));
/** The operator's public configuration; null while loading or after a failure. */
export const brandingContext = createContext<PortalConfig | null>(Symbol('kb-branding'));
/**
 * The shown section's place (`#/campaigns/camp_123` → section `campaigns`, path `['camp_123']`) and a
 * way to move inside it; read it with `SectionAddress` (router.ts). Undefined outside a portal.
 */
export const routeContext = createContext<SectionRoute | undefined>(Symbol('kb-route'));
