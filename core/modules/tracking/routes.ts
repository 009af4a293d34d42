/**
 * The tracking edge, `GET /t/{code}` (public contract): count the click, then send the player
 * on. The 302 waits for the click's commit (group commit on Node and Deno, a direct insert on
 * Workers). HEAD requests and browser prefetches are redirected without counting. Unknown codes
 * go to the operator's fallback (found by the tracking host), else the install's default; never
 * an error page.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../http/deps.ts';
import { createRouter } from '../../http/router.ts';
import { problemResponses, publicSecurity } from '../../http/openapi-shared.ts';
import { newId } from '../../lib/ids.ts';
import { isPrefetch, rawQueryPairs, truncateIp } from './click-context.ts';
import { landingWithVisit } from './promo-target.ts';
import { findFallbackUrlForHost } from '../operators/service.ts';

const UNIQUE_COOKIE_TTL_S = 86_400;
/** Longer than any code can be: the route answers 422 rather than look it up. */
export const TRACKING_CODE_MAX = 200;

/** Answers one tracking link; core/http/app.ts mounts it ahead of the middleware chain. */
export async function followTrackingLink(c: Context<AppEnv>, code: string): Promise<Response> {
  const { deps } = c.var;
  const tracking = deps.tracking;
  const target = /^[A-Za-z0-9_-]{4,64}$/.test(code) ? await tracking.promoTargets.resolve(code) : null;
  if (!target) {
    // The operator that owns the tracking host, else the install default.
    const fallback = (await findFallbackUrlForHost(deps, new URL(c.req.url).host)) ?? tracking.defaultFallbackUrl;
    return c.body('', 302, { location: fallback, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  }
  const visitId = newId('v', deps.clock);
  const location = landingWithVisit(target.landingUrl, target.visitParam, visitId, target.referralCode);
  // c.body with an empty string (not `new Response`, not a null body) keeps @hono/node-server on
  // its lightweight path: Content-Length 0 instead of a chunked stream.
  if (c.req.method === 'HEAD' || isPrefetch(c.req.raw.headers)) {
    return c.body('', 302, {
      location: landingWithVisit(target.landingUrl, target.visitParam, 'prefetch', target.referralCode),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  }
  const ip = deps.clientIp?.(c) ?? null;
  const traits = tracking.describeClient(c.req.header('user-agent') ?? null);
  const seenCookie = `kb_seen_${code}`;
  const unique = !(c.req.header('cookie') ?? '').includes(`${seenCookie}=1`);
  try {
    await tracking.writer.write({
      id: visitId,
      operatorId: target.operatorId,
      partnerId: target.partnerId,
      campaignId: target.campaignId,
      promoId: target.promoId,
      brandId: target.attributes.brandId,
      planId: target.attributes.planId,
      landingId: target.attributes.landingId,
      creativeId: target.attributes.creativeId,
      trafficSourceId: target.attributes.trafficSourceId,
      createdAt: deps.clock.now(),
      params: rawQueryPairs(c.req.url),
      ipPrefix: truncateIp(ip),
      country: tracking.countryOf(c, ip),
      device: traits.device,
      os: traits.os,
      browser: traits.browser,
      referrer: c.req.header('referer')?.slice(0, 1000) ?? null,
      isBot: traits.isBot,
      isUnique: unique && !traits.isBot,
    });
  } catch (error) {
    // The player still gets where they were going; the failure is reported, not hidden.
    deps.reportError?.(error, c.var.requestId ?? null);
  }
  return c.body('', 302, {
    location,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'set-cookie': `${seenCookie}=1; Path=/t/${code}; Max-Age=${UNIQUE_COOKIE_TTL_S}; HttpOnly; SameSite=Lax`,
  });
}

const trackRoute = createRoute({
  operationId: 'followTrackingLink',
  security: publicSecurity,
  method: 'get',
  path: '/t/{code}',
  tags: ['Tracking'],
  summary:
    "Tracking link: counts the click (every query parameter kept as sent), then 302 to the landing with the visit id added under the brand's parameter; unknown codes go to the fallback URL",
  request: {
    params: z.object({
      code: z
        .string()
        .max(TRACKING_CODE_MAX)
        .openapi({ param: { name: 'code', in: 'path' }, example: 'AbC123xy' }),
    }),
  },
  responses: { 302: { description: 'Redirect to the landing (Location header)' }, 422: problemResponses[422] },
});

/**
 * The contract as /openapi.json documents it. Requests are answered by the same function mounted
 * first in core/http/app.ts, so a click skips the middleware chain (request id, CORS, body guards:
 * nothing a GET without a body needs); this route is what a request would reach without that.
 */
export const trackingRoutes = createRouter().openapi(
  trackRoute,
  (c) => followTrackingLink(c, c.req.valid('param').code) as never,
);
