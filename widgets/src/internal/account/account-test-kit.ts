/**
 * Test-only helpers for the account sections' browser tests: a stand-in portal that provides the
 * api, session and locale contexts, and a fetch stub that records method, path, query and body.
 * Nothing outside *.test.ts imports this.
 */
import { html } from 'lit';
import { ContextProvider } from '@lit/context';
import { createApiClient, type FieldError } from '../api-client.ts';
import {
  anonymousSession,
  apiContext,
  localeContext,
  sessionContext,
  type SessionState,
  type SessionUser,
} from '../contexts.ts';
import { createLocaleState, type Locale } from '../i18n.ts';
import { fixture, jsonResponse, waitFor } from '../test-helpers.ts';

export const API = 'https://api.kabinet.test';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}
export type Handler = (request: RecordedRequest) => Response | undefined | Promise<Response | undefined>;

export interface ApiMock {
  requests: RecordedRequest[];
  /** Requests matching `METHOD /path` (e.g. 'PATCH /v1/partner/profile'). */
  sent(route: string): RecordedRequest[];
  restore(): void;
}

/** Stubs window.fetch for API calls; unanswered routes get a 404 problem so a missing stub fails loudly. */
export function mockApi(handler: Handler): ApiMock {
  const original = window.fetch;
  const requests: RecordedRequest[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== API) return original.call(window, input, init);
    const request: RecordedRequest = {
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    return (await handler(request)) ?? problem(404, 'not_found', `No stub for ${request.method} ${request.path}`);
  };
  return {
    requests,
    sent: (route) => requests.filter((r) => `${r.method} ${r.path}` === route),
    restore: () => {
      window.fetch = original;
    },
  };
}

export const json = jsonResponse;

export function problem(
  status: number,
  code: string,
  detail: string,
  errors: FieldError[] = [],
  params: Record<string, unknown> = {},
): Response {
  return new Response(
    JSON.stringify({
      type: `https://kabinet.dev/problems/${code}`,
      title: code,
      status,
      code,
      detail,
      params,
      errors,
      requestId: 'req_test',
    }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}

export function makeUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 'usr_owner',
    partnerId: 'prt_1',
    email: 'owner@partner.test',
    name: 'Olga Owner',
    role: 'owner',
    locale: 'en',
    twoFactorEnabled: false,
    blocked: false,
    locked: false,
    createdAt: '2025-01-10T10:00:00.000Z',
    lastSignInAt: '2025-03-01T09:30:00.000Z',
    ...overrides,
  };
}

/** Mounts `<tag>` inside a plain element acting as the portal (the three contexts), and waits for its first render. */
export async function mountSection<E extends HTMLElement>(
  tag: string,
  options: { user?: SessionUser; locale?: Locale } = {},
) {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  const session: SessionState = {
    ...anonymousSession(),
    status: 'signed_in',
    user: options.user ?? makeUser(),
    expiresAt: '2099-01-01T00:00:00.000Z',
  };
  const providers = {
    api: new ContextProvider(host, { context: apiContext, initialValue: createApiClient(API) }),
    session: new ContextProvider(host, { context: sessionContext, initialValue: session }),
    locale: new ContextProvider(host, {
      context: localeContext,
      initialValue: createLocaleState(options.locale ?? 'en'),
    }),
  };
  const el = document.createElement(tag) as E;
  host.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { el, host, providers };
}

/** The shadow root's text with whitespace collapsed. */
export const textOf = (el: Element): string => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

export function query<E extends Element = HTMLElement>(el: Element, selector: string): E | null {
  return el.shadowRoot?.querySelector<E>(selector) ?? null;
}

/** Waits for `selector` in `el`'s shadow root and returns it. */
export function find<E extends Element = HTMLElement>(el: Element, selector: string, timeoutMs = 2000): Promise<E> {
  return waitFor(() => query<E>(el, selector), timeoutMs, `${selector} in <${el.localName}>`);
}

/** Types into an input or picks an option, firing the events a user's edit would. */
export function fill(field: HTMLInputElement | HTMLSelectElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Replaces navigator.clipboard.writeText for a test; returns what was written. */
export function stubClipboard(): { written: string[]; restore(): void } {
  const written: string[] = [];
  const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (text: string) => {
        written.push(text);
      },
    },
  });
  return {
    written,
    restore: () => {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (descriptor && !Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard'))
        Object.defineProperty(Navigator.prototype, 'clipboard', descriptor);
    },
  };
}
