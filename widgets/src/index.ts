/**
 * Script-tag entry (`<script type="module" src="…/kabinet.js">`): defines every `kb-*`
 * element and re-exports the classes for apps that bundle Kabinet themselves.
 * Safe to load twice: `define()` skips tags that are already registered.
 */
import { define } from './internal/base-element.ts';
import { KbPortal } from './components/kb-portal/kb-portal.ts';
import { KbProgram } from './components/kb-program/kb-program.ts';

define('kb-portal', KbPortal);
define('kb-program', KbProgram);

export { define, KabinetElement } from './internal/base-element.ts';
export { KbPortal, PORTAL_SECTIONS, type PortalSection } from './components/kb-portal/kb-portal.ts';
export { KbProgram } from './components/kb-program/kb-program.ts';
export { apiContext, brandingContext, localeContext, sessionContext, type SessionState } from './internal/contexts.ts';
export type { KabinetEventMap, KabinetEventName, Theme } from './internal/events.ts';
export { LOCALES, translate, type Locale, type LocaleState, type MessageKey } from './internal/i18n.ts';
export { ApiError, type ApiClient, type Branding, type PortalConfig, type PublicBrand } from './internal/api-client.ts';
