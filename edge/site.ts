/**
 * The site the Node and Deno entries serve: the demo operator pages at `/` and `/northwind/`,
 * the widget bundle at `/kabinet.js` (and its lazy chunks), and the API for everything else.
 * On Workers the same files are served by the platform's static assets; their headers (CORS on
 * the widget code, the demo pages' Content-Security-Policy) come from demo/site/_headers there,
 * and from the same file here.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppType } from '../core/http/app.ts';
import { createDemoOperatorBackend } from '../demo/operator-backend.ts';
import { createDemoTracker } from '../demo/demo-tracker.ts';
import { readFileSync } from 'node:fs';
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
];

const isApiPath = (path: string) => API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

export type StaticFactory = (options: {
  root: string;
  rewriteRequestPath?: (path: string) => string;
}) => MiddlewareHandler;

/** `demo`: also serve the demo operator's backend (it mints embed sessions with the demo keys). */
export function createSite(api: AppType, serveStatic: StaticFactory, options: { demo: boolean }) {
  const site = new Hono();
  const headerRules = readHeaderRules(readFileSync(join(DEMO_SITE, '_headers'), 'utf8'));
  site.use('*', async (c, next) => {
    await next();
    const path = new URL(c.req.url).pathname;
    if (!isApiPath(path)) applyHeaderRules(headerRules, path, c.res.headers);
  });
  if (options.demo) site.route('/', createDemoOperatorBackend(api)).route('/', createDemoTracker());
  site.use('/kabinet.js', serveStatic({ root: WIDGETS_DIST }));
  site.use('/kabinet-operator.js', serveStatic({ root: WIDGETS_DIST }));
  site.use('/chunks/*', serveStatic({ root: WIDGETS_DIST }));
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
  return site;
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
