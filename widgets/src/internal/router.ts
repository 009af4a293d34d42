/**
 * Addresses for the portal's places: a section and what it shows inside (a campaign's page, the
 * wizard), so Back, Forward, a refresh and a shared link all land where the partner was.
 *
 * `<kb-portal>` owns the place and the address bar (`AddressBar`); a section reads and moves its
 * own part of the place through `routeContext` with a `SectionAddress`, so no section imports the
 * portal. Outside a portal a section has no address and keeps its views in its own state.
 */
import type { ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { routeContext } from './contexts.ts';

/**
 * `hash`: `#/campaigns/camp_123` (works on any page, no server setup); `path`: the History API under
 * a base path (`/partners/campaigns/camp_123`: the server must answer every path under it with the
 * page); `none`: the address bar is the host's (the portal keeps its place in memory).
 */
export type RoutingMode = 'hash' | 'path' | 'none';
export const ROUTING_MODES: readonly RoutingMode[] = ['hash', 'path', 'none'];

export interface Route {
  /** A section id, e.g. `campaigns`. */
  readonly section: string;
  /** The place inside the section as path segments, e.g. `['camp_123']`; empty for its first view. */
  readonly path: readonly string[];
  /** The section's own query string (filters) without `?`; kept as it is. */
  readonly query: string;
}

/** What `<kb-portal>` provides to the section it shows: its place and a way to move inside it. */
export interface SectionRoute {
  /** The shown section's route (`path` empty when the address names another section). */
  readonly route: Route;
  /**
   * Moves inside the shown section (`go(['camp_123'])` → `#/campaigns/camp_123`): a new history entry,
   * or with `replace` the current one. The new route comes back through the context (the portal may
   * refuse it: a host's `kb-navigate` listener can cancel).
   */
  go(path: readonly string[], options?: { replace?: boolean; query?: string }): void;
}

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

/** `/campaigns/camp_123?x=1` (leading slash optional) → its route; null for an empty path. */
export function parseRoute(text: string): Route | null {
  const q = text.indexOf('?');
  const segments = (q < 0 ? text : text.slice(0, q)).split('/').filter(Boolean).map(decode);
  const [section, ...path] = segments;
  if (!section) return null;
  return { section, path, query: q < 0 ? '' : text.slice(q + 1) };
}

/** The route as a portal path: `/campaigns/camp_123?x=1` (what `kb-navigate` carries). */
export function formatRoute(route: Route): string {
  const path = [route.section, ...route.path].map((s) => encodeURIComponent(s)).join('/');
  return `/${path}${route.query ? `?${route.query}` : ''}`;
}

export const sameRoute = (a: Route | null, b: Route | null): boolean =>
  a === b || (a !== null && b !== null && formatRoute(a) === formatRoute(b));

/** `partners` / `/partners` / `/partners/` → `/partners/`; empty → `/`. */
export function normalizeBasePath(base: string | null | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The portal's side of the address bar for one routing mode. Only its own addresses count: in
 * hash mode a hash that does not start with `#/` (a page anchor, an emailed `#reset=` link) is
 * not the portal's and is left alone; in path mode nothing outside the base path is.
 */
export class AddressBar {
  readonly basePath: string;

  constructor(
    readonly mode: RoutingMode,
    basePath: string | null = null,
  ) {
    this.basePath = normalizeBasePath(basePath);
  }

  /** The route in the address bar, or null when it holds none of the portal's. */
  read(): Route | null {
    if (this.mode === 'hash') {
      const { hash } = location;
      return hash.startsWith('#/') ? parseRoute(hash.slice(1)) : null;
    }
    if (this.mode === 'path') {
      const { pathname, search } = location;
      const base = this.basePath;
      if (!`${pathname}/`.startsWith(base)) return null;
      return parseRoute(`${pathname.slice(base.length - 1)}${search}`);
    }
    return null;
  }

  /** The URL of a route in this mode (hash: this page with the route as its hash). */
  href(route: Route): string {
    const path = formatRoute(route);
    if (this.mode === 'path') return `${this.basePath}${path.slice(1)}`;
    return `${location.pathname}${location.search}#${path}`;
  }

  /**
   * Puts the route in the address bar: a new history entry, or with `replace` the current one
   * (keeping the page's `history.state`). Nothing in `none` mode or when the address is already there.
   */
  write(route: Route, replace = false): void {
    if (this.mode === 'none') return;
    const url = this.href(route);
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(null, '', url);
  }

  /** Calls `onChange` on Back, Forward and a typed or followed hash; returns the unsubscribe. */
  listen(onChange: () => void): () => void {
    if (this.mode === 'none' || typeof window === 'undefined') return () => {};
    // Back/Forward fire popstate (and, across hashes, hashchange too); the portal ignores repeats.
    window.addEventListener('popstate', onChange);
    if (this.mode === 'hash') window.addEventListener('hashchange', onChange);
    return () => {
      window.removeEventListener('popstate', onChange);
      window.removeEventListener('hashchange', onChange);
    };
  }
}

/**
 * A section's view of its address inside `<kb-portal>`. `onChange(path, first)` runs when the
 * place inside this section changes: first when the section is connected (the deep link or the
 * refreshed address), then on Back/Forward and after each `go`. Routes for other sections are
 * ignored (the portal is about to remove this one).
 */
export class SectionAddress {
  private readonly consumer: ContextConsumer<typeof routeContext, ReactiveControllerHost & HTMLElement>;
  private section: string | null = null;
  private delivered: string | null = null;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly onChange: (path: readonly string[], first: boolean) => void,
  ) {
    this.consumer = new ContextConsumer(host, {
      context: routeContext,
      subscribe: true,
      callback: (state) => this.receive(state),
    });
  }

  /** True inside a portal: the section's views have addresses. */
  get routed(): boolean {
    return this.consumer.value !== undefined;
  }

  /** The place inside this section (empty outside a portal or on its first view). */
  get path(): readonly string[] {
    const state = this.consumer.value;
    return state && state.route.section === this.section ? state.route.path : [];
  }

  /**
   * Asks the portal to move to `path` inside this section. False outside a portal: the caller
   * then changes its view itself. True: the change comes back through `onChange` (unless refused).
   */
  go(path: readonly string[], options?: { replace?: boolean; query?: string }): boolean {
    const state = this.consumer.value;
    if (!state) return false;
    state.go(path, options);
    return true;
  }

  private receive(state: SectionRoute | undefined): void {
    if (!state) return;
    this.section ??= state.route.section;
    if (state.route.section !== this.section) return;
    const key = state.route.path.join('/');
    if (key === this.delivered) return;
    const first = this.delivered === null;
    this.delivered = key;
    this.onChange(state.route.path, first);
  }
}
