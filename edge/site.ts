/**
 * The site the Node and Deno entries serve: the demo operator pages at `/` and `/northwind/`,
 * the widget bundle at `/kabinet.js` (and its lazy chunks), and the API for everything else.
 * On Workers the same files are served by the platform's static assets.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppType } from '../core/http/app.ts';
import { createDemoOperatorBackend } from '../demo/operator-backend.ts';
import { createDemoTracker } from '../demo/demo-tracker.ts';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const fromRoot = (path: string) => relative(process.cwd(), fileURLToPath(new URL(`../${path}`, import.meta.url))) || '.';
export const WIDGETS_DIST = fromRoot('widgets/dist');
export const DEMO_SITE = fromRoot('demo/site');

/** Paths the API owns (the core's routes and the public contracts of SPEC.md). */
const API_PREFIXES = ['/health', '/openapi.json', '/docs', '/v1', '/t', '/pb', '/api', '/portal', '/demo/mailbox', '/demo/operator-backend', '/demo/tracker'];

export type StaticFactory = (options: { root: string; rewriteRequestPath?: (path: string) => string }) => MiddlewareHandler;

/** `demo`: also serve the demo operator's backend (it mints embed sessions with the demo keys). */
export function createSite(api: AppType, serveStatic: StaticFactory, options: { demo: boolean }) {
  const site = new Hono();
  if (options.demo) site.route('/', createDemoOperatorBackend(api)).route('/', createDemoTracker());
  site.use('/kabinet.js', serveStatic({ root: WIDGETS_DIST }));
  site.use('/kabinet-operator.js', serveStatic({ root: WIDGETS_DIST }));
  site.use('/chunks/*', serveStatic({ root: WIDGETS_DIST }));
  const demoPages = serveStatic({ root: DEMO_SITE });
  site.use('/*', async (c, next) => {
    // API paths skip the file system entirely; everything else may be a demo page or stylesheet.
    const path = new URL(c.req.url).pathname;
    if (API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return next();
    return demoPages(c, next);
  });
  // The API app keeps its own 404/500 problem answers, so it gets the request whole.
  site.all('*', (c) => api.fetch(c.req.raw, c.env));
  return site;
}
