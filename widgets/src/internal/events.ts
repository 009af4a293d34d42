/**
 * The one place every `kb-*` DOM event is declared. Elements dispatch only through
 * `KabinetElement.emit`, which is typed against this map, so a page's
 * `addEventListener('kb-ready', e => e.detail.operatorId)` is typed too.
 */
import type { Branding } from './api-client.ts';
import type { Locale } from './i18n.ts';

export type Theme = Branding['theme'];

export interface KabinetEventMap {
  /** The portal loaded its operator's configuration and is showing content. */
  'kb-ready': { operatorId: string };
  /** The user picked a section in the portal's navigation. */
  'kb-navigate': { section: string };
  /** Loading failed; `detail` is the server's problem detail (or a network message). `status` is 0 when no response arrived. */
  'kb-error': { code: string; detail: string; status: number };
  /** The user picked another language in the switcher. */
  'kb-locale-change': { locale: Locale };
  /** The user toggled the colour theme. */
  'kb-theme-change': { theme: Theme };
}

export type KabinetEventName = keyof KabinetEventMap;

type KabinetDomEvents = { [K in KabinetEventName]: CustomEvent<KabinetEventMap[K]> };

declare global {
  // Makes `addEventListener('kb-…', e => e.detail…)` typed for integrators; the events are
  // composed and bubble, so pages often listen on document or window rather than the element.
  /* eslint-disable @typescript-eslint/no-empty-object-type */
  interface HTMLElementEventMap extends KabinetDomEvents {}
  interface DocumentEventMap extends KabinetDomEvents {}
  interface WindowEventMap extends KabinetDomEvents {}
  /* eslint-enable @typescript-eslint/no-empty-object-type */
}
