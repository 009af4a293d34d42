/**
 * Test-only fixtures for the portal and its forms: the operator's config, users, session
 * answers, and a host that provides the portal's contexts to a form on its own.
 * Only *.test.ts files import this.
 */
import { html } from 'lit';
import { ContextProvider } from '@lit/context';
import { createApiClient, type PortalConfig, type SessionResult } from './api-client.ts';
import {
  anonymousSession,
  apiContext,
  brandingContext,
  localeContext,
  sessionContext,
  type SessionState,
  type SessionUser,
} from './contexts.ts';
import { createLocaleState, type Locale } from './i18n.ts';
import { afterEach, cleanupFixtures, fixture, jsonResponse, type FetchStub } from './test-helpers.ts';

export const OPERATOR = 'op_demo_luckyspin';
/** `METHOD /v1/public/operators/<OPERATOR>/<path>`, a stubApi key. */
export const publicRoute = (path: string, method = 'POST') =>
  `${method} /v1/public/operators/${OPERATOR}${path ? `/${path}` : ''}`;

export const portalConfig = (): PortalConfig => ({
  operator: { id: OPERATOR, name: 'LuckySpin Ltd' },
  branding: {
    displayName: 'LuckySpin Partners',
    primaryColor: '#e11d48',
    accentColor: '#f59e0b',
    logoUrl: null,
    theme: 'light',
    supportEmail: null,
    termsUrl: null,
  },
  brands: [{ id: 'br_1', name: 'LuckySpin Casino', currency: 'EUR', websiteUrl: 'https://luckyspin.example/' }],
  locales: ['en', 'ru'],
});

export const user = (overrides: Partial<SessionUser> = {}): SessionUser => ({
  id: 'usr_1',
  partnerId: 'pa_1',
  email: 'anna@traffic.example',
  name: 'Anna',
  role: 'owner',
  locale: 'en',
  twoFactorEnabled: false,
  blocked: false,
  locked: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  lastSignInAt: null,
  ...overrides,
});

export const sessionResult = (overrides: Partial<SessionResult> = {}): SessionResult => ({
  token: 'kbs_token_1',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: user(),
  components: null,
  ...overrides,
});

/** The handlers every portal test needs: its configuration. */
export const configRoute = { [publicRoute('', 'GET')]: () => jsonResponse(portalConfig()) };

/** A plain element acting as the portal for one form: provides the four contexts forms read. */
export async function formHost(
  tag: string,
  options: { locale?: Locale; session?: Partial<SessionState>; config?: PortalConfig } = {},
) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  /** The portal's config: `setValue` plays a reload (branding changed since). */
  const configProvider = new ContextProvider(host, {
    context: brandingContext,
    initialValue: options.config ?? portalConfig(),
  });
  const providers = [
    new ContextProvider(host, { context: apiContext, initialValue: createApiClient(location.origin) }),
    configProvider,
    new ContextProvider(host, { context: sessionContext, initialValue: { ...anonymousSession(), ...options.session } }),
  ];
  const localeProvider = new ContextProvider(host, {
    context: localeContext,
    initialValue: createLocaleState(options.locale ?? 'en'),
  });
  const form = document.createElement(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  host.append(form);
  await form.updateComplete;
  return { form, localeProvider, configProvider, providers };
}

/** The password sessions a tab keeps for a refresh (sessionStorage `kabinet.session:…` entries), key → parsed value. */
export function keptSessions(): Record<string, { token: string; expiresAt: string; user: SessionUser }> {
  const out: Record<string, { token: string; expiresAt: string; user: SessionUser }> = {};
  for (let i = 0; i < sessionStorage.length; i++) {
    const key = sessionStorage.key(i);
    if (key?.startsWith('kabinet.')) out[key] = JSON.parse(sessionStorage.getItem(key) ?? 'null');
  }
  return out;
}

/** Removes every kept session (what closing the tab does). */
export function forgetKeptSessions(): void {
  for (const key of Object.keys(keptSessions())) sessionStorage.removeItem(key);
}

/**
 * Call inside a `describe`: after each test, restores the fetch stub set on the returned holder,
 * removes fixtures, forgets kept sessions and puts the page URL back (tests change `?ref=`,
 * `#invite=` and the portal's `#/section` or path).
 */
export function isolateEachTest(): { stub: FetchStub | null } {
  const holder: { stub: FetchStub | null } = { stub: null };
  const originalUrl = location.href;
  afterEach(() => {
    holder.stub?.restore();
    holder.stub = null;
    cleanupFixtures();
    forgetKeptSessions();
    history.replaceState(history.state, '', originalUrl);
  });
  return holder;
}
