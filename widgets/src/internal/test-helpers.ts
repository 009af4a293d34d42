/**
 * Helpers for the browser tests: mocha globals with types, DOM fixtures, polling and a
 * scoped `fetch` stub. Assertions are chai's (`import { expect } from '@open-wc/testing'`,
 * with chai-dom); there is deliberately no `expect` here. Test-only: nothing under src/
 * outside *.test.ts and the *test-kit*.ts files imports this.
 */
import { render, type TemplateResult } from 'lit';

type Done = () => void | Promise<void>;
interface MochaGlobals {
  describe(name: string, fn: () => void): void;
  it(name: string, fn: Done): void;
  beforeEach(fn: Done): void;
  afterEach(fn: Done): void;
}
// Looked up at call time: @web/test-runner-mocha installs these before importing a test file.
const mocha = (): MochaGlobals => globalThis as unknown as MochaGlobals;
export const describe: MochaGlobals['describe'] = (name, fn) => mocha().describe(name, fn);
export const it: MochaGlobals['it'] = (name, fn) => mocha().it(name, fn);
export const beforeEach: MochaGlobals['beforeEach'] = (fn) => mocha().beforeEach(fn);
export const afterEach: MochaGlobals['afterEach'] = (fn) => mocha().afterEach(fn);

/** Renders `template` into a fresh container on document.body and waits for the first element's update. */
export async function fixture<T extends HTMLElement>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');
  container.dataset.testFixture = '';
  document.body.append(container);
  render(template, container);
  const el = container.firstElementChild as T | null;
  if (!el) throw new Error('fixture: the template rendered no element');
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** Removes every fixture container (call from afterEach). The DOM is the registry: no module state. */
export function cleanupFixtures(): void {
  for (const c of document.querySelectorAll('[data-test-fixture]')) c.remove();
}

/** Polls `predicate` each animation frame until it returns a truthy value; fails after `timeoutMs`. */
export async function waitFor<T>(predicate: () => T, timeoutMs = 2000, what = 'condition'): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = predicate();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeoutMs) throw new Error(`waitFor: ${what} not met within ${timeoutMs} ms`);
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  }
}

/** One intercepted request: what the widget sent, for assertions on URL, method, headers and body. */
export interface StubbedRequest {
  url: string;
  method: string;
  headers: Headers;
  /** The JSON body parsed (null when there was none). */
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export interface FetchStub {
  /** URLs of the intercepted requests, in order. */
  calls: string[];
  /** The intercepted requests in full, in order. */
  requests: StubbedRequest[];
  restore(): void;
}

/**
 * Replaces window.fetch for requests whose URL contains `match`; others (the test
 * runner's own traffic) pass through. Always `restore()` in afterEach.
 */
export function stubFetch(
  match: string,
  respond: (url: string, callIndex: number, request: StubbedRequest) => Response | Promise<Response>,
): FetchStub {
  const original = window.fetch;
  const calls: string[] = [];
  const requests: StubbedRequest[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.includes(match)) return original.call(window, input, init);
    const text = typeof init?.body === 'string' ? init.body : null;
    const request: StubbedRequest = {
      url,
      method: (init?.method ?? 'GET').toUpperCase(),
      headers: new Headers(init?.headers),
      body: text ? JSON.parse(text) : null,
      credentials: init?.credentials,
    };
    calls.push(url);
    requests.push(request);
    return Promise.resolve(respond(url, calls.length - 1, request));
  };
  return {
    calls,
    requests,
    restore: () => {
      window.fetch = original;
    },
  };
}

type ApiHandler = (request: StubbedRequest, nth: number) => Response | Promise<Response>;

/**
 * Stubs the Kabinet API by route: keys are `METHOD /v1/path` (no query), e.g.
 * `'POST /v1/public/operators/op_x/sign_in'`; a handler gets the request and how many times
 * its route was called before. Unknown routes answer a 404 problem naming the route.
 */
export function stubApi(handlers: Record<string, ApiHandler>): FetchStub {
  const seen = new Map<string, number>();
  return stubFetch('/v1/', (url, _i, request) => {
    const key = `${request.method} ${new URL(url).pathname.replace(/^.*?(?=\/v1\/)/, '')}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    const handler = handlers[key];
    return handler ? handler(request, nth) : problemResponse(404, 'not_found', `No stub for ${key}`);
  });
}

/** A problem+json answer as the server sends it (`errors` for 422s, each with its `reason` and `params`). */
export function problemResponse(
  status: number,
  code: string,
  detail: string,
  errors?: Array<{ path: string; reason?: string; params?: Record<string, unknown>; message: string }>,
  params: Record<string, unknown> = {},
): Response {
  return jsonResponse(
    {
      type: `https://kabinet.dev/problems/${code}`,
      title: code,
      status,
      code,
      detail,
      requestId: 'req_test',
      params,
      ...(errors ? { errors } : {}),
    },
    status,
    'application/problem+json',
  );
}

/** Sets an input's value as typing would (the `input` event the forms listen to). */
export function typeInto(input: HTMLInputElement | HTMLSelectElement, value: string): void {
  input.value = value;
  input.dispatchEvent(
    new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }),
  );
}

/** The element focused inside nested shadow roots (document.activeElement stops at the outer host). */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

/** `el.shadowRoot.querySelector(selector)` that fails loudly instead of returning null. */
export function $in<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in <${host.localName}>'s shadow root`);
  return found;
}
