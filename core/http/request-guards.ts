/**
 * Checks every request passes before any route runs, mounted once in createApp: a body-size
 * limit, the content type a route declares, and `nosniff` on every answer. Routes never repeat
 * them, so a new route is covered the day it is added.
 */
import { createMiddleware } from 'hono/factory';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './deps.ts';
import { ProblemError } from './problem.ts';

const KB = 1024;

/** Bodies larger than any real request of its route are refused before they are read whole. */
export const DEFAULT_BODY_LIMIT = 64 * KB;

/**
 * Routes whose real bodies are larger (or must be smaller) than the default. A batch of 1,000
 * player events with a few hundred bytes of custom `data` each fits in 2 MB; 1,000 cost lines
 * fit in 256 kB; inbound postbacks are a handful of parameters.
 */
export const BODY_LIMITS: ReadonlyArray<{ path: string; method: string; maxBytes: number; what: string }> = [
  { method: 'POST', path: '/v1/events', maxBytes: 2048 * KB, what: 'a batch of player events' },
  { method: 'PUT', path: '/v1/costs', maxBytes: 256 * KB, what: 'a costs upload' },
  { method: 'PUT', path: '/v1/managers/', maxBytes: 1024 * KB, what: 'a manager’s photo' },
  { method: 'PUT', path: '/v1/news/', maxBytes: 2048 * KB, what: 'a news banner' },
  // The file itself is at most 10 MB (documents' service says so on `file`); the rest is room for the form's parts.
  {
    method: 'POST',
    path: '/v1/partner/documents',
    maxBytes: 11 * 1024 * KB,
    what: 'a document upload (its file at most 10 MB)',
  },
  { method: '*', path: '/pb/', maxBytes: 16 * KB, what: 'an inbound postback' },
];

const describeSize = (bytes: number) => (bytes >= 1024 * KB ? `${bytes / (1024 * KB)} MB` : `${bytes / KB} kB`);

export function bodyLimitFor(method: string, path: string) {
  const rule = BODY_LIMITS.find(
    (r) =>
      (r.method === '*' || r.method === method) && (r.path.endsWith('/') ? path.startsWith(r.path) : path === r.path),
  );
  return rule ?? { maxBytes: DEFAULT_BODY_LIMIT, what: 'a request body' };
}

/** Methods whose requests carry no body we read: they skip the body checks. */
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const limiters = new Map<number, ReturnType<typeof bodyLimit>>();

/** 413 before the body is read past the limit (a Content-Length over it is refused unread). */
export const limitBodySize = createMiddleware<AppEnv>(async (c, next) => {
  // Before touching c.req.raw: on Node reading its body materialises a whole Web Request, which
  // cost /health and the /t redirect a large share of their rate.
  if (BODYLESS_METHODS.has(c.req.method)) return next();
  const { maxBytes, what } = bodyLimitFor(c.req.method, c.req.path);
  let limiter = limiters.get(maxBytes);
  if (!limiter) {
    limiter = bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new ProblemError(
          'payload_too_large',
          `${what[0]!.toUpperCase()}${what.slice(1)} is at most ${describeSize(maxBytes)}`,
          [
            {
              path: 'body',
              reason: 'too_large',
              params: { maximum: maxBytes },
              message: `larger than the limit of ${describeSize(maxBytes)} (${maxBytes} bytes)`,
            },
          ],
          { maximum: maxBytes },
        );
      },
    });
    limiters.set(maxBytes, limiter);
  }
  return limiter(c, next);
});

/**
 * `X-Content-Type-Options: nosniff` on every answer, problems included. Set before the handler
 * runs, so every answer made through the context carries it; setting it on the finished
 * response instead would make Node's adapter build a full Response per request (it cost /health
 * more than half of its rate).
 */
export const noSniff = createMiddleware<AppEnv>(async (c, next) => {
  c.header('X-Content-Type-Options', 'nosniff');
  await next();
});

export interface DeclaredBody {
  method: string;
  /** The route's OpenAPI path, e.g. `/v1/brands/{brandId}`. */
  path: string;
  mediaTypes: string[];
}

interface BodyRoute extends DeclaredBody {
  pattern: RegExp;
  params: number;
}

const mediaTypeOf = (header: string) => header.split(';')[0]!.trim().toLowerCase();

function hasBody(headers: Headers): boolean {
  const length = headers.get('content-length');
  return headers.has('transfer-encoding') || (length !== null && length !== '0');
}

/**
 * 415 naming the expected type when a body-carrying route gets another content type, or a body
 * without one. The routes and their types come from the OpenAPI definitions, so what is enforced
 * is what the document promises. Static paths win over parameterised ones (`/brands/archived`
 * before `/brands/{id}`).
 */
export function requireDeclaredContentType(declared: () => DeclaredBody[]) {
  let routes: BodyRoute[] | null = null;
  const compile = (): BodyRoute[] =>
    declared()
      .map((route) => ({
        ...route,
        method: route.method.toUpperCase(),
        mediaTypes: route.mediaTypes.map((t) => t.toLowerCase()),
        params: (route.path.match(/\{/g) ?? []).length,
        pattern: new RegExp(`^${route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      }))
      .sort((a, b) => a.params - b.params);

  return createMiddleware<AppEnv>(async (c, next) => {
    routes ??= compile();
    const method = c.req.method;
    if (BODYLESS_METHODS.has(method)) return next();
    const path = c.req.path;
    const route = routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) return next();
    const header = c.req.header('content-type');
    const sent = header ? mediaTypeOf(header) : null;
    if (sent ? route.mediaTypes.includes(sent) : !hasBody(c.req.raw.headers)) return next();
    const expected = route.mediaTypes.join(' or ');
    throw new ProblemError(
      'unsupported_media_type',
      `${method} ${route.path} takes ${expected}; the request was sent as ${sent ?? 'a body with no Content-Type'}`,
      [
        {
          path: 'header.content-type',
          reason: 'invalid_choice',
          params: { allowed: route.mediaTypes },
          message: `must be ${expected}`,
        },
      ],
      { allowed: route.mediaTypes },
    );
  });
}
