/**
 * `<kb-portal>`'s place (a section and the view inside it) and its address: reads it from the
 * address bar (hash or path routing), follows Back/Forward, writes each move, corrects a place the
 * session may not see, and hands the shown section its part through `routeContext`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextProvider } from '@lit/context';
import { routeContext, type SessionState } from '../../internal/contexts.ts';
import { AddressBar, sameRoute, type Route, type RoutingMode } from '../../internal/router.ts';
import type { PortalSection } from './portal-sections.ts';

export interface RoutingHooks {
  /** Emits the cancelable `kb-navigate` for a move; false when a listener refused it. */
  navigate(route: Route): boolean;
}

const sectionRoute = (section: string): Route => ({ section, path: [], query: '' });

export class PortalRouting implements ReactiveController {
  /** The place asked for: the address's, else the `section` attribute's (empty section: the first allowed). */
  place: Route = sectionRoute('');
  /** The place shown at the last `resolve` (differs from `place` while a deep link waits for sign-in). */
  shown: Route | null = null;
  private bar: AddressBar | null = null;
  private unlisten: (() => void) | null = null;
  private readonly provider: ContextProvider<typeof routeContext>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly hooks: RoutingHooks,
  ) {
    this.provider = new ContextProvider(host, { context: routeContext, initialValue: undefined });
    host.addController(this);
  }

  get mode(): RoutingMode {
    return this.bar?.mode ?? 'hash';
  }

  hostConnected(): void {
    if (this.bar) this.attach();
  }

  hostDisconnected(): void {
    this.unlisten?.();
    this.unlisten = null;
  }

  /** A routing mode or base path (re)set: listen to that address and take its place if it holds one. */
  configure(mode: RoutingMode, basePath: string | null): void {
    this.bar = new AddressBar(mode, basePath);
    if (this.host.isConnected) this.attach();
  }

  /** The page was opened on one of the portal's addresses (a shared link or a bookmark, not a reload). */
  get openedOnAddress(): boolean {
    const [entry] = performance.getEntriesByType?.('navigation') ?? [];
    const type = (entry as PerformanceNavigationTiming | undefined)?.type ?? 'navigate';
    return type === 'navigate' && Boolean(this.bar?.read());
  }

  /**
   * Moves to `route`: with `emit`, tells the page first (`kb-navigate`, which may refuse), then writes
   * the address (a new history entry unless `replace`). False when refused.
   */
  go(route: Route, { replace = false, emit = true }: { replace?: boolean; emit?: boolean } = {}): boolean {
    if (sameRoute(route, this.shown) && sameRoute(route, this.place)) return true;
    if (emit && !this.hooks.navigate(route)) return false;
    this.place = route;
    this.bar?.write(route, replace);
    this.host.requestUpdate();
    return true;
  }

  /**
   * The section to show for the place, among those this session may see (call from willUpdate).
   * A place it may not see falls back to the first allowed section, the address corrected in place
   * (replaceState: no new history entry). Not while the session is still being checked, and not
   * when signing in would allow it: a deep link opened signed out shows sign-in, then its place.
   */
  resolve(
    all: readonly PortalSection[],
    visible: readonly PortalSection[],
    session: SessionState,
    settled: boolean,
  ): PortalSection | undefined {
    const { place } = this;
    let current = visible.find((s) => s.id === place.section);
    if (!current && place.section && visible[0]) {
      const known = all.find((s) => s.id === place.section);
      const afterSignIn = known && session.status === 'anonymous' && (known.requiresSession || known.roles);
      if (!afterSignIn && settled) {
        const fallback = sectionRoute(visible[0].id);
        if (this.bar?.read()) this.bar.write(fallback, true);
        this.place = fallback;
      }
    }
    current ??= visible[0];
    const own = current?.id === place.section;
    const shown: Route | null = current
      ? { section: current.id, path: own ? place.path : [], query: own ? place.query : '' }
      : null;
    if (!sameRoute(shown, this.shown)) {
      this.shown = shown;
      this.provider.setValue(
        shown
          ? {
              route: shown,
              go: (path, options) =>
                void this.go({ section: shown.section, path, query: options?.query ?? '' }, options),
            }
          : undefined,
      );
    }
    return current;
  }

  private attach(): void {
    this.unlisten?.();
    this.unlisten = this.bar?.listen(this.follow) ?? null;
    this.follow();
  }

  /** The address changed under the portal (Back, Forward, a followed `#/…` link): show that place. */
  private readonly follow = (): void => {
    const route = this.bar?.read();
    if (!route || sameRoute(route, this.place)) return;
    this.place = route;
    this.host.requestUpdate();
  };
}
