/**
 * The demo operator's own backend, as an operator would write it with the typed SDK: its
 * partner is "logged in" on the operator's site, so it mints an embed session for that partner
 * user (POST /v1/partner_sessions with the operator's secret key) and hands the single-use
 * client secret to its page. The secret key never reaches the browser.
 */
import { Hono } from 'hono';
import { createKabinetClient, unwrap } from '../core/sdk/index.ts';
import type { AppType } from '../core/http/app.ts';
import { DEMO_OPERATORS } from './seed.ts';

export function createDemoOperatorBackend(api: AppType) {
  const backend = new Hono();
  backend.get('/demo/operator-backend/:operatorId/embed-secret', async (c) => {
    const demo = DEMO_OPERATORS.find((d) => d.id === c.req.param('operatorId'));
    if (!demo) return c.json({ error: 'Unknown demo operator' }, 404);
    // In-process fetch stands in for the network hop between the operator's server and Kabinet.
    const kabinet = createKabinetClient(new URL(c.req.url).origin, {
      secretKey: demo.apiKey,
      fetch: ((input: RequestInfo | URL, init?: RequestInit) => api.request(input instanceof Request ? input : String(input), init)) as typeof fetch,
    });
    const session = await unwrap(kabinet.v1.partner_sessions.$post({ json: { userId: demo.userId, components: ['program', 'profile', 'security', 'team', 'events', 'campaigns', 'conversions'] } }));
    c.header('cache-control', 'no-store');
    return c.json({ clientSecret: session.clientSecret, expiresAt: session.expiresAt, partner: demo.signInEmail });
  });
  return backend;
}
