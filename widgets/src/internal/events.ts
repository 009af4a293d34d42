/**
 * The one place every `kb-*` DOM event is declared. Elements dispatch only through
 * `KabinetElement.emit`, which is typed against this map, so a page's
 * `addEventListener('kb-ready', e => e.detail.operatorId)` is typed too. Every one bubbles and is
 * composed (it leaves the shadow root), the portal's and the operator console's alike.
 */
import type { Branding, SessionResult } from './api-client.ts';
import type { Locale } from './i18n.ts';
import type { Postback } from './postback/postback-types.ts';
import type { KabinetClient, SuccessBody } from '../../../core/sdk/index.ts';

export type Theme = Branding['theme'];
type User = SessionResult['user'];
/** A tracker or network connection as the console's backend answers it (secrets masked, with its postback URLs). */
type Connection = SuccessBody<Awaited<ReturnType<KabinetClient['v1']['network_connections']['$post']>>>;
/** The signed-in console staff user (GET /v1/operator/me). */
export type StaffMe = SuccessBody<Awaited<ReturnType<KabinetClient['v1']['operator']['me']['$get']>>>;

export interface KabinetEventMap {
  /** The portal loaded its operator's configuration and is showing content. */
  'kb-ready': { operatorId: string };
  /**
   * The user moved to another place in the portal: a section in its navigation, or a view inside one
   * (a campaign's page). `path` is the portal path, e.g. `/campaigns/camp_123` (`#/…` in hash routing,
   * under `base-path` in path routing). Cancelable: `preventDefault()` keeps the portal where it is,
   * so a host router (`routing="none"`) can take over and call `portal.navigate(path)` itself.
   */
  'kb-navigate': { section: string; path: string };
  /**
   * A section asks the portal to show another section's first view (e.g. an empty list's "Get a
   * tracking link" → `campaigns`). `<kb-portal>` handles it like a pick in its navigation (so the page
   * sees `kb-navigate`) and stops it; outside a portal it reaches the page, which may act on it.
   * With `path` (a portal path such as `/bills/bill_1`, from `<kb-notification-bell>`) it opens that place.
   */
  'kb-open-section': { section: string; path?: string };
  /**
   * Money moved in the wallet (a cash-out asked for or cancelled): `<kb-portal>` asks for the balance in
   * its header again; a page showing a balance of its own may do the same.
   */
  'kb-balance-changed': { currency: string | null };
  /** Loading failed; `detail` is the server's problem detail (or a network message). `status` is 0 when no response arrived. */
  'kb-error': { code: string; detail: string; status: number };
  /** The user picked another language in the switcher. */
  'kb-locale-change': { locale: Locale };
  /** The user toggled the colour theme. */
  'kb-theme-change': { theme: Theme };
  /** A partner user signed in with a password (the session itself stays inside the portal). */
  'kb-signed-in': { user: User };
  /** The user signed out (an ended session is `kb-session-expired` instead). */
  'kb-signed-out': { userId: string | null };
  /** A sign-up was accepted; the account waits for the operator's approval. */
  'kb-signed-up': { partnerId: string };
  /** `<kb-terms>` recorded the user's acceptance of the current terms (the portal's gate opens). */
  'kb-terms-accepted': { versionId: string };
  /** `<kb-terms gate>`: the user chose to sign out rather than accept the new terms. */
  'kb-terms-declined': { versionId: string };
  /**
   * The session is about to end (`expiring`) or has ended (`expired`: its time is up or the
   * server answered 401). For embed sessions, answer by setting a fresh `client-secret`
   * attribute, or set `fetchClientSecret` on the portal and it asks by itself.
   * Sections may dispatch it too (detail optional); the portal handles theirs and re-emits its own.
   */
  'kb-session-expired': { reason: 'expiring' | 'expired' };
  /** `<kb-postback-editor>` created or changed a postback (the server's answer). */
  'kb-postback-saved': { postback: Postback };
  /** The user closed `<kb-postback-editor>` (Cancel, or Close once saved); `postbackId` is null for a postback never saved. */
  'kb-postback-cancelled': { postbackId: string | null };
  /** `<kb-postbacks>` deleted a postback after the user confirmed. */
  'kb-postback-deleted': { postbackId: string };
  /** `<kb-campaign-wizard>`: "Open campaign" after Finish. */
  'kb-campaign-created': { campaignId: string; promoId: string };
  /** `<kb-campaign-wizard campaign-id>` added a promo to an existing campaign. */
  'kb-promo-created': { campaignId: string; promoId: string };
  /** `<kb-creatives selectable>`: a banner was picked (`creativeId`), or the direct link (null). */
  'kb-creative-selected': { creativeId: string | null };
  /**
   * `<kb-report-favorites>`: "Open" on a favorite. `query` is the performance report's address query
   * that shows it, `metrics` its columns in order; `<kb-reports>` shows it and stops the event.
   */
  'kb-open-report': { query: string; metrics: string[] };
  /** Operator console: `<kb-network-connect-form>` connected a network or tracker (the server's answer). */
  'kb-network-connected': Connection;
  /** Operator console: the connect form's Cancel; `networkKey` null for a tracker. */
  'kb-network-connect-cancel': { networkKey: string | null };
  /** Operator console: `<kb-network-conversions>` was closed. */
  'kb-network-conversions-close': { connectionId: string };
  /** Operator console: `<kb-operator-sign-in>` signed a staff user in; `detail` is GET /v1/operator/me's answer. */
  'kb-operator-signed-in': StaffMe;
  /** Operator console: `<kb-operator-account>` signed out (or found the session already ended). */
  'kb-operator-signed-out': { staffId: string | null };
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
