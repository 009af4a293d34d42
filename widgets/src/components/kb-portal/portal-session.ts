/**
 * The portal's session: who is signed in, the API client that carries it, and how it ends.
 * Provides apiContext and sessionContext to every section. Per transport:
 * - password sign-in with a bearer token (an operator's page): the token lives in this object's
 *   client and, so a refresh of the tab keeps the partner signed in, in sessionStorage (this tab
 *   only; removed on sign-out, on a 401 and when the session ends; never localStorage);
 * - the hosted page's HttpOnly cookie (`auth="cookie"`): nothing stored here, a refresh probes it;
 * - an embed session: its token stays in memory only. A client secret is single-use, so after a
 *   refresh the portal starts again from the page: a new `client-secret`, or `fetchClientSecret`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextProvider } from '@lit/context';
import { ApiError, createApiClient, expectOk, type ApiClient, type SessionResult } from '../../internal/api-client.ts';
import { anonymousSession, apiContext, sessionContext, type SessionState } from '../../internal/contexts.ts';
import type { KabinetEventMap } from '../../internal/events.ts';
import type { Locale, MessageKey } from '../../internal/i18n.ts';

export type SessionPhase =
  | { kind: 'idle' }
  /** A cookie probe or a client-secret exchange is in flight and nobody is signed in yet. */
  | { kind: 'checking' }
  /** An embed session could not be started or renewed; `detail` says why (often the server's). */
  | { kind: 'failed'; detail: string };

export interface SessionSettings {
  baseUrl: string;
  operatorId: string | null;
  /** The hosted page's mode (`auth="cookie"`): HttpOnly cookie instead of a bearer token. */
  cookie: boolean;
  clientSecret: string | null;
}

export interface SessionHooks {
  emit<K extends keyof KabinetEventMap>(name: K, detail: KabinetEventMap[K]): boolean;
  /** The page's `fetchClientSecret` property, read when it is needed. */
  fetchClientSecret(): (() => Promise<string>) | null;
  t(key: MessageKey): string;
  /** The portal's language, for wording the server's problems. */
  locale(): Locale;
}

type Reason = KabinetEventMap['kb-session-expired']['reason'];
/** What a tab keeps of a password session (sessionStorage): enough to carry on after a refresh. */
type StoredSession = Pick<SessionResult, 'token' | 'expiresAt' | 'user' | 'components'>;
const STORAGE_PREFIX = 'kabinet.session:';
/** setTimeout's ceiling (about 24.8 days); longer delays would fire at once. */
const MAX_DELAY = 2 ** 31 - 1;

export class PortalSession implements ReactiveController {
  readonly apiProvider: ContextProvider<typeof apiContext>;
  readonly sessionProvider: ContextProvider<typeof sessionContext>;
  phase: SessionPhase = { kind: 'idle' };
  /** A note for the sign-in form (e.g. "your session has ended"); the portal clears it. */
  notice: MessageKey | null = null;
  private settings: SessionSettings = { baseUrl: '', operatorId: null, cookie: false, clientSecret: null };
  /** The bearer token of the current client (null for anonymous and cookie sessions). */
  private token: string | null = null;
  private restoredToken: string | null = null;
  /** Bumped whenever the client changes: late answers and 401s of an older client are ignored. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private renewal: Promise<void> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly hooks: SessionHooks,
  ) {
    this.apiProvider = new ContextProvider(host, {
      context: apiContext,
      initialValue: undefined as ApiClient | undefined,
    });
    this.sessionProvider = new ContextProvider(host, { context: sessionContext, initialValue: anonymousSession() });
    host.addController(this);
  }

  get state(): SessionState {
    return this.sessionProvider.value;
  }
  get api(): ApiClient | undefined {
    return this.apiProvider.value;
  }

  hostConnected(): void {
    this.schedule();
  }
  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Starts over for new settings: drops any session, then exchanges the secret or probes the cookie. */
  configure(settings: SessionSettings): void {
    this.settings = settings;
    this.reset();
    this.notice = null;
    if (!settings.operatorId) return;
    if (settings.clientSecret) void this.exchange(settings.clientSecret);
    else if (settings.cookie) void this.probeCookie();
    else this.restore();
  }

  /** True while the session is one this tab kept from before a refresh (not signed in on this page load). */
  get restored(): boolean {
    return this.restoredToken !== null && this.restoredToken === this.token;
  }

  /** Exchanges an embed client secret for a bearer session; a current session stays until it succeeds. */
  async exchange(clientSecret: string): Promise<void> {
    const { operatorId } = this.settings;
    const api = this.api;
    if (!operatorId || !api) return;
    this.settings = { ...this.settings, clientSecret };
    const generation = this.generation;
    if (this.state.status === 'anonymous') this.setPhase({ kind: 'checking' });
    try {
      const result = await expectOk(
        api.client.v1.public.operators[':operatorId'].embed_sessions.exchange.$post({
          param: { operatorId },
          json: { clientSecret },
        }),
      );
      if (generation === this.generation) this.adopt(result, 'embedded', clientSecret);
    } catch (error) {
      if (generation !== this.generation) return;
      this.reset();
      this.setPhase({ kind: 'failed', detail: this.describe(error) });
    }
  }

  /** Takes over a session from sign-in (`<kb-sign-in>` hands the answer here, not through a DOM event). */
  readonly signIn = (result: SessionResult): void => this.adopt(result, 'signed_in', null);

  /** Ends the session here at once, then tells the server (a failure there changes nothing for the user). */
  async signOut(): Promise<void> {
    const api = this.api;
    const userId = this.state.user?.id ?? null;
    this.reset(); // new client first, so a 401 from the old session is not taken for an expiry
    this.forget();
    this.notice = null;
    this.host.requestUpdate();
    this.hooks.emit('kb-signed-out', { userId });
    try {
      await api?.client.v1.partner.sign_out.$post();
    } catch {
      // Offline or already ended: the token is gone from memory either way.
    }
  }

  /**
   * The session has ended, or is about to: embed sessions ask the page for a new secret
   * (`kb-session-expired`, then `fetchClientSecret` if set); password sessions go back to sign-in.
   * Concurrent calls (several sections failing at once) share one renewal.
   */
  expire(reason: Reason): Promise<void> {
    if (this.state.status === 'anonymous') return Promise.resolve();
    this.renewal ??= this.renew(reason).finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }

  /**
   * Asks the page's `fetchClientSecret` for a secret and exchanges it: on load when the page set
   * only the callback (no `client-secret`), and for the Retry button of the failed state.
   */
  async startFromPage(): Promise<void> {
    const fetchSecret = this.hooks.fetchClientSecret();
    if (!fetchSecret || !this.settings.operatorId) return;
    this.setPhase({ kind: 'checking' });
    await this.renewWith(fetchSecret);
  }

  private async renew(reason: Reason): Promise<void> {
    const before = this.state;
    this.hooks.emit('kb-session-expired', { reason });
    if (before.status !== 'embedded') {
      this.reset();
      this.forget();
      this.notice = 'portal.sessionEnded';
      this.host.requestUpdate();
      return;
    }
    const fetchSecret = this.hooks.fetchClientSecret();
    if (fetchSecret) return this.renewWith(fetchSecret);
    // No callback: the page may answer the event by setting a new `client-secret` attribute.
    if (reason === 'expiring') {
      this.schedule('expired');
    } else {
      this.reset();
      this.setPhase({ kind: 'failed', detail: this.hooks.t('portal.embedExpired') });
    }
  }

  private async renewWith(fetchSecret: () => Promise<string>): Promise<void> {
    const generation = this.generation;
    let secret: string;
    try {
      secret = await fetchSecret();
    } catch {
      if (generation !== this.generation) return;
      this.reset();
      return this.setPhase({ kind: 'failed', detail: this.hooks.t('portal.embedExpired') });
    }
    if (generation === this.generation) await this.exchange(secret);
  }

  private async probeCookie(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const generation = this.generation;
    this.setPhase({ kind: 'checking' });
    try {
      const { user } = await expectOk(api.client.v1.partner.profile.$get());
      if (generation !== this.generation) return;
      this.sessionProvider.setValue({
        status: 'signed_in',
        user,
        components: null,
        clientSecret: null,
        transport: 'cookie',
        expiresAt: null,
      });
    } catch {
      // 401: no cookie session. Anything else: the sign-in form is still the way in.
    }
    if (generation === this.generation) this.setPhase({ kind: 'idle' });
  }

  private adopt(result: SessionResult, status: 'signed_in' | 'embedded', clientSecret: string | null): void {
    this.useClient(result.token);
    const transport = this.settings.cookie ? 'cookie' : 'bearer';
    this.sessionProvider.setValue({
      status,
      user: result.user,
      components: result.components,
      clientSecret,
      transport,
      expiresAt: result.expiresAt,
    });
    // A password session on an operator's page survives a refresh of this tab; nothing else is kept.
    if (status === 'signed_in' && transport === 'bearer' && result.token) this.keep(result);
    else this.forget();
    this.notice = null;
    this.setPhase({ kind: 'idle' });
    this.schedule();
  }

  /**
   * Takes up the password session this tab kept (sessionStorage), if it has not ended: no sign-in
   * call, so no new session on the server. The first 401 ends it as usual.
   */
  private restore(): void {
    const kept = this.read();
    if (!kept) return;
    this.useClient(kept.token);
    this.restoredToken = kept.token;
    this.sessionProvider.setValue({
      status: 'signed_in',
      user: kept.user,
      components: kept.components,
      clientSecret: null,
      transport: 'bearer',
      expiresAt: kept.expiresAt,
    });
    this.schedule();
  }

  private get storageKey(): string {
    return `${STORAGE_PREFIX}${this.settings.operatorId ?? ''}@${this.settings.baseUrl}`;
  }

  private read(): (StoredSession & { token: string }) | null {
    let kept: Partial<StoredSession> | null = null;
    try {
      kept = JSON.parse(sessionStorage.getItem(this.storageKey) ?? 'null') as Partial<StoredSession> | null;
    } catch {
      kept = null; // storage blocked (sandboxed iframe, privacy settings) or not ours
    }
    const valid =
      kept &&
      typeof kept.token === 'string' &&
      typeof kept.expiresAt === 'string' &&
      Date.parse(kept.expiresAt) > Date.now() &&
      typeof kept.user === 'object' &&
      kept.user !== null;
    if (!valid) {
      if (kept) this.forget();
      return null;
    }
    return {
      token: kept!.token!,
      expiresAt: kept!.expiresAt!,
      user: kept!.user!,
      components: kept!.components ?? null,
    };
  }

  private keep({ token, expiresAt, user, components }: SessionResult): void {
    try {
      sessionStorage.setItem(this.storageKey, JSON.stringify({ token, expiresAt, user, components }));
    } catch {
      // Storage blocked or full: the session still works, it just won't survive a refresh.
    }
  }

  /** Drops the kept session (sign-out, an ended session, a session of another kind). */
  private forget(): void {
    this.restoredToken = null;
    try {
      sessionStorage.removeItem(this.storageKey);
    } catch {
      // Storage blocked: nothing was kept.
    }
  }

  /** Back to anonymous with a fresh client: the old token is dropped from memory. */
  private reset(): void {
    clearTimeout(this.timer);
    this.useClient(null);
    this.sessionProvider.setValue(anonymousSession(this.settings.cookie ? 'cookie' : 'bearer'));
    this.phase = { kind: 'idle' };
  }

  private useClient(token: string | null): void {
    const generation = ++this.generation;
    this.token = token;
    this.apiProvider.setValue(
      createApiClient(this.settings.baseUrl, {
        token,
        ...(this.settings.cookie ? { credentials: 'include' as const } : {}),
        onUnauthorized: () => {
          if (generation === this.generation) void this.expire('expired');
        },
      }),
    );
  }

  /** Embed sessions renew a little before they end, so the partner never sees a failed call. */
  private schedule(reason?: Reason): void {
    clearTimeout(this.timer);
    const { status, expiresAt } = this.state;
    const left = expiresAt ? Date.parse(expiresAt) - Date.now() : NaN;
    if (status === 'anonymous' || Number.isNaN(left)) return;
    const early = status === 'embedded' && reason !== 'expired' ? Math.min(60_000, left / 5) : 0;
    const fire: Reason = early > 0 ? 'expiring' : 'expired';
    this.timer = setTimeout(() => void this.expire(fire), Math.min(MAX_DELAY, Math.max(0, left - early)));
  }

  private setPhase(phase: SessionPhase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }

  private describe(error: unknown): string {
    return error instanceof ApiError ? error.localized(this.hooks.locale()) : this.hooks.t('portal.networkError');
  }
}
