/**
 * The site the Node and Deno entries serve: the demo operator pages at `/` and `/northwind/`,
 * the widget bundle at `/kabinet.js` (and its lazy chunks), and the API for everything else.
 * On Workers the same files are served by the platform's static assets.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppType } from '../core/http/app.ts';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';

const fromRoot = (path: string) => relative(process.cwd(), fileURLToPath(new URL(`../${path}`, import.meta.url))) || '.';
export const WIDGETS_DIST = fromRoot('widgets/dist');
export const DEMO_SITE = fromRoot('demo/site');

export type StaticFactory = (options: { root: string; rewriteRequestPath?: (path: string) => string }) => MiddlewareHandler;

export function createSite(api: AppType, serveStatic: StaticFactory) {
  const site = new Hono();
  site.use('/kabinet.js', serveStatic({ root: WIDGETS_DIST }));
  site.use('/chunks/*', serveStatic({ root: WIDGETS_DIST }));
  site.use('/*', async (c, next) => {
    // Demo pages and their stylesheets; API paths never collide with these files.
    const path = new URL(c.req.url).pathname;
    if (path.startsWith('/v1/') || path.startsWith('/t/') || path.startsWith('/pb/')) return next();
    return serveStatic({ root: DEMO_SITE })(c, next);
  });
  // The API app keeps its own 404/500 problem answers, so it gets the request whole.
  site.all('*', (c) => api.fetch(c.req.raw, c.env));
  return site;
}
