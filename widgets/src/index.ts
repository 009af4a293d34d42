/**
 * Script-tag entry (`<script type="module" src="…/kabinet.js">`): defines every `kb-*`
 * element and re-exports the classes for apps that bundle Kabinet themselves.
 * Safe to load twice: `define()` skips tags that are already registered.
 * Signed-in sections live in lazy chunks (widgets/src/sections/*) that the portal loads when it
 * first shows them; apps that bundle Kabinet can import those modules directly.
 */
import { define } from './internal/base-element.ts';
import { KbPortal } from './components/kb-portal/kb-portal.ts';
import { KbProgram } from './components/kb-program/kb-program.ts';
import { KbSignIn } from './components/kb-sign-in/kb-sign-in.ts';
import { KbSignUp } from './components/kb-sign-up/kb-sign-up.ts';
import { KbAccountLink } from './components/kb-account-link/kb-account-link.ts';
import { KbNotificationBell } from './components/kb-notifications/kb-notification-bell.ts';

define('kb-portal', KbPortal);
define('kb-program', KbProgram);
define('kb-sign-in', KbSignIn);
define('kb-sign-up', KbSignUp);
define('kb-account-link', KbAccountLink);
// In the portal's header on every page (not a lazy section): the bell is there before any section loads.
define('kb-notification-bell', KbNotificationBell);

export { define, KabinetElement } from './internal/base-element.ts';
export {
  KbPortal,
  PORTAL_SECTIONS,
  visibleSections,
  type PortalComponent,
  type PortalSection,
} from './components/kb-portal/kb-portal.ts';
export { KbProgram } from './components/kb-program/kb-program.ts';
export { KbSignIn } from './components/kb-sign-in/kb-sign-in.ts';
export { KbSignUp } from './components/kb-sign-up/kb-sign-up.ts';
export { KbNotificationBell } from './components/kb-notifications/kb-notification-bell.ts';
export {
  KbAccountLink,
  parseAccountLink,
  type AccountLink,
  type AccountLinkMode,
} from './components/kb-account-link/kb-account-link.ts';
export {
  apiContext,
  brandingContext,
  localeContext,
  sessionContext,
  type PartnerRole,
  type SessionState,
  type SessionUser,
} from './internal/contexts.ts';
export type { KabinetEventMap, KabinetEventName, Theme } from './internal/events.ts';
export { LOCALES, translate, type Locale, type LocaleState, type MessageKey } from './internal/i18n.ts';
export {
  ApiError,
  expectOk,
  type ApiClient,
  type Branding,
  type PortalConfig,
  type PublicBrand,
  type SessionResult,
} from './internal/api-client.ts';
