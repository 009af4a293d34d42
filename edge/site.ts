/**
 * The site the Node and Deno entries serve: the demo operator pages at `/` and `/northwind/`,
 * the widget bundle at `/kabinet.js` (its lazy chunks, `/kabinet-operator.js` and the elements'
 * manifest `/custom-elements.json` beside it), and the API for everything else.
 * On Workers the same files are served by the platform's static assets; their headers (CORS on
 * the widget code, the demo pages' Content-Security-Policy, Cache-Control) come from
 * demo/site/_headers there, and from the same file here.
 *
 * The widget code goes out compressed: the build wrote `.br` and `.gz` siblings beside each file
 * (edge/precompress.ts), and Hono's serve-static (`precompressed`) sends the one Accept-Encoding
 * allows, brotli first, with its own Content-Length; a Range request gets the file as stored. The
 * entries, which keep their names across releases, carry an ETag and answer If-None-Match with 304.
 * (Workers compress and tag static assets themselves.)
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppType } from '../core/http/app.ts';
import { createDemoOperatorBackend } from '../demo/operator-backend.ts';
import { createDemoTracker } from '../demo/demo-tracker.ts';
import { createDemoNetwork } from '../demo/demo-network.ts';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';

const fromRoot = (path: string) =>
  relative(process.cwd(), fileURLToPath(new URL(`../${path}`, import.meta.url))) || '.';
export const WIDGETS_DIST = fromRoot('widgets/dist');
export const DEMO_SITE = fromRoot('demo/site');

/** Paths the API owns (the core's routes and the public contracts of SPEC.md). */
const API_PREFIXES = [
  '/health',
  '/openapi.json',
  '/docs',
  '/v1',
  '/t',
  '/pb',
  '/api',
  '/portal',
  '/demo/mailbox',
  '/demo/operator-backend',
  '/demo/tracker',
  '/demo/network',
];

const isApiPath = (path: string) => API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

export type StaticFactory = (options: {
  root: string;
  rewriteRequestPath?: (path: string) => string;
  /** Send `file.br` / `file.gz` instead of `file` when Accept-Encoding allows (Hono's serve-static). */
  precompressed?: boolean;
}) => MiddlewareHandler;

/** `demo`: also serve the demo operator's backend (it mints embed sessions with the demo keys). */
export function createSite(
  api: AppType,
  serveStatic: StaticFactory,
  options: { demo: boolean; demoNetworkStateFile?: string },
) {
  const site = new Hono();
  const headerRules = readHeaderRules(readFileSync(join(DEMO_SITE, '_headers'), 'utf8'));
  site.use('*', async (c, next) => {
    await next();
    const path = new URL(c.req.url).pathname;
    if (!isApiPath(path)) applyHeaderRules(headerRules, path, c.res.headers);
  });
  if (options.demo)
    site
      .route('/', createDemoOperatorBackend(api))
      .route('/', createDemoTracker())
      .route('/', createDemoNetwork({ stateFile: options.demoNetworkStateFile }));
  const widgetCode = serveWidgetCode(serveStatic);
  for (const entry of ['/kabinet.js', '/kabinet-operator.js', '/custom-elements.json'])
    site.use(entry, revalidated(), widgetCode);
  site.use('/chunks/*', widgetCode);
  const demoPages = serveStatic({ root: DEMO_SITE });
  site.use('/*', async (c, next) => {
    // API paths skip the file system entirely; everything else may be a demo page or stylesheet.
    // `_headers` configures the server and is not a page (Cloudflare does not serve it either).
    const path = new URL(c.req.url).pathname;
    if (isApiPath(path) || path === '/_headers') return next();
    return demoPages(c, next);
  });
  // The API app keeps its own 404/500 problem answers, so it gets the request whole.
  site.all('*', (c) => api.fetch(c.req.raw, c.env));
  // A tracking link, the hottest path, goes straight to the API: none of the site's layers (the
  // pages' header rules, the demo's routes, the files) applies to it, and each costs it time.
  return {
    fetch: (request: Request, env?: unknown) =>
      isTrackingLink(request.url) ? api.fetch(request, env) : site.fetch(request, env),
  };
}

/** The URL's path starts with /t/ (read without parsing the URL). */
function isTrackingLink(url: string): boolean {
  const path = url.indexOf('/', url.indexOf('//') + 2);
  return path > 0 && url.startsWith('/t/', path);
}

/**
 * The files of widgets/dist, each in the encoding the request accepts. Every answer says it
 * depends on Accept-Encoding (Hono adds Vary only to the compressed ones), so a shared cache never
 * hands the brotli copy to a client that did not ask for it, nor keeps only the identity one.
 */
function serveWidgetCode(serveStatic: StaticFactory): MiddlewareHandler {
  const negotiated = serveStatic({ root: WIDGETS_DIST, precompressed: true });
  // Byte ranges are offsets into the file as stored, whatever the client accepts.
  const identity = serveStatic({ root: WIDGETS_DIST });
  return async (c, next) => {
    // `chunks/x.js.br` is an encoding of `chunks/x.js`, not a file of its own (Workers do not have it).
    if (/\.(?:br|gz)$/.test(c.req.path)) return next();
    const res = await (c.req.header('range') ? identity : negotiated)(c, next);
    const answer = res instanceof Response ? res : c.res;
    if ((answer.status === 200 || answer.status === 206) && !/accept-encoding/i.test(answer.headers.get('vary') ?? ''))
      answer.headers.append('Vary', 'Accept-Encoding');
    return res;
  };
}

/** Headers a 304 keeps from the 200 it stands for (RFC 9110 15.4.5); the `_headers` rules add theirs after. */
const NOT_MODIFIED_HEADERS = new Set(['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary']);

/**
 * A strong ETag for a widget entry (its Cache-Control is `no-cache`: every use revalidates) and
 * 304 Not Modified when If-None-Match names it. The tag is a digest of the file on disk plus the
 * encoding sent, since each encoding is its own representation; the same build gives the same tags
 * on every server and on HEAD as on GET.
 */
function revalidated(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status !== 200 && c.res.status !== 206) return;
    const encoding = c.res.headers.get('content-encoding');
    const tag = `"${fileDigest(join(WIDGETS_DIST, c.req.path))}${encoding ? `-${encoding}` : ''}"`;
    c.res.headers.set('ETag', tag);
    if (!etagListed(c.req.header('if-none-match'), tag)) return;
    await c.res.body?.cancel();
    c.res = new Response(null, { status: 304 });
    // Hono's `c.res` setter carries the 200's headers over; a 304 keeps only the validators' kin.
    // (The names are copied first: deleting while iterating Headers skips entries.)
    const names = Array.from(c.res.headers.keys());
    for (const name of names) if (!NOT_MODIFIED_HEADERS.has(name)) c.res.headers.delete(name);
  };
}

/** If-None-Match compares weakly (RFC 9110 13.1.2): `W/"x"` there matches our `"x"`. */
function etagListed(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((listed) => listed.trim().replace(/^W\//, '') === tag);
}

const digests = new Map<string, { stamp: string; digest: string }>();
/** SHA-256 of a file, read again only when its size or modification time changes. */
function fileDigest(file: string): string {
  const { size, mtimeMs } = statSync(file);
  const stamp = `${size}:${mtimeMs}`;
  const known = digests.get(file);
  if (known?.stamp === stamp) return known.digest;
  const digest = createHash('sha256').update(readFileSync(file)).digest('base64url').slice(0, 27);
  digests.set(file, { stamp, digest });
  return digest;
}

/** One rule of a `_headers` file: a path pattern, the headers it drops (`! Name`) and those it sets. */
export interface HeaderRule {
  pattern: RegExp;
  unset: string[];
  set: Array<[string, string]>;
}

/** Reads Cloudflare's `_headers` format: a path line (`*` matches anything), then indented `Name: value` lines. */
export function readHeaderRules(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('/')) {
      const pattern = line
        .split('*')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
        .join('.*');
      rules.push({ pattern: new RegExp(`^${pattern}$`), unset: [], set: [] });
      continue;
    }
    const rule = rules.at(-1);
    const colon = line.indexOf(':');
    if (!rule || (!line.startsWith('! ') && colon < 1)) throw new Error(`_headers: cannot read the line "${line}"`);
    if (line.startsWith('! ')) rule.unset.push(line.slice(2).trim());
    else rule.set.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * Applies every rule matching `path`, in order, as Cloudflare's asset server does: a header a
 * rule sets replaces what the response had; a second matching rule setting it again appends.
 */
export function applyHeaderRules(rules: readonly HeaderRule[], path: string, headers: Headers): void {
  const setHere = new Set<string>();
  for (const rule of rules.filter((r) => r.pattern.test(path))) {
    for (const name of rule.unset) headers.delete(name);
    for (const [name, value] of rule.set) {
      if (setHere.has(name.toLowerCase())) headers.append(name, value);
      else headers.set(name, value);
      setHere.add(name.toLowerCase());
    }
  }
}
