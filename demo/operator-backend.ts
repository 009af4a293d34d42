/**
 * The demo operator's own backend, as an operator would write it with the typed SDK: its
 * partner is "logged in" on the operator's site, so it mints an embed session for that partner
 * user (POST /v1/partner_sessions with the operator's secret key) and hands the single-use
 * client secret to its page. The secret key never reaches the browser.
 *
 * It also forwards the operator console's calls (`<kb-network-connections>`, `<kb-operator-reports>`,
 * `<kb-plans-console>`, `<kb-bills-console>`, `<kb-qualifications-console>`, `<kb-cash-outs-console>`,
 * `<kb-partners-console>`, `<kb-terms-console>`, `<kb-registration-fields-console>`) to the Operator API,
 *   adding the secret key itself: see KABINET_PROXY_PREFIXES,
 * KABINET_PROXY_READS and KABINET_PROXY_PARTNER_ROUTES.
 */
import { Hono } from 'hono';
import { createKabinetClient, unwrap } from '../core/sdk/index.ts';
import type { AppType } from '../core/http/app.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';

/**
 * The only Operator API paths the console proxy forwards: the CPA-network catalog, connections
 * (with their offers), conversions, commission plans (with their assignments), bills (their state
 * changes and corrections), billing runs and cash-outs (marking them paid, cancelling, refunding, and
 * the payment-run CSV with the payees' full details, which the console exists to hand the operator's
 * staff: behind a real admin login only). Anything else (API keys, balance corrections…) is a 404, so the proxy cannot be used as a general-purpose key holder.
 */
export const KABINET_PROXY_PREFIXES = [
  '/v1/networks',
  '/v1/network_connections',
  '/v1/conversions',
  '/v1/plans',
  '/v1/bills',
  '/v1/billing/runs',
  '/v1/cash_outs',
  // Managers (their photos' bytes too) and contact cards, for <kb-contacts-console>.
  '/v1/managers',
  '/v1/contacts',
  // News articles (their banners' bytes too), for <kb-news-console>.
  '/v1/news',
  // Partners' documents (the queue, a file's bytes, the review), for <kb-documents-console>.
  '/v1/documents',
  // Terms versions (publish, preview, who accepted), for <kb-terms-console>.
  '/v1/terms',
  // The extra sign-up fields, for <kb-registration-fields-console>.
  '/v1/registration_fields',
] as const;
/**
 * And these paths read with GET only: for the report screen, the report over all partners (and as a file) and its
 * options (what partners may see, `/v1/reports/settings`, is not the console's to change); for the
 * plans panel's partner picker and the bills panel's filters, the partner list (approving or blocking
 * partners goes through KABINET_PROXY_PARTNER_ROUTES) and the brand list (creating or changing brands is not); the
 * qualified players over all partners, for the qualifications panel.
 */
export const KABINET_PROXY_READS = [
  '/v1/reports/performance',
  '/v1/reports/performance/export',
  '/v1/reports/options',
  '/v1/partners',
  '/v1/brands',
  '/v1/qualifications',
] as const;
/**
 * And, for the partners panel (`<kb-partners-console>`), one partner's routes by method: its page, the
 * decision on it (approve, reject, block, unblock), its manager and its sign-up answers. Its balance
 * corrections, wallet and sub-affiliates are not forwarded.
 */
export const KABINET_PROXY_PARTNER_ROUTES: ReadonlyArray<readonly [string, RegExp]> = [
  ['GET', /^\/v1\/partners\/[A-Za-z0-9_-]+$/],
  ['POST', /^\/v1\/partners\/[A-Za-z0-9_-]+\/decision$/],
  ['GET', /^\/v1\/partners\/[A-Za-z0-9_-]+\/manager$/],
  ['PUT', /^\/v1\/partners\/[A-Za-z0-9_-]+\/manager$/],
  ['GET', /^\/v1\/partners\/[A-Za-z0-9_-]+\/fields$/],
];

/** The image types a manager's photo upload may be forwarded as (Kabinet checks the bytes themselves). */
const PROXY_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

export function createDemoOperatorBackend(api: AppType) {
  const backend = new Hono();
  // In-process fetch stands in for the network hop between the operator's server and Kabinet.
  const inProcessFetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    api.request(input instanceof Request ? input : String(input), init)) as typeof fetch;

  backend.get('/demo/operator-backend/:operatorId/embed-secret', async (c) => {
    const demo = DEMO_OPERATORS.find((d) => d.id === c.req.param('operatorId'));
    if (!demo) return c.json({ error: 'Unknown demo operator' }, 404);
    const kabinet = createKabinetClient(new URL(c.req.url).origin, { secretKey: demo.apiKey, fetch: inProcessFetch });
    const session = await unwrap(
      kabinet.v1.partner_sessions.$post({
        json: {
          userId: demo.userId,
          components: [
            'program',
            'profile',
            'security',
            'team',
            'activity',
            'campaigns',
            'conversions',
            'postbacks',
            'bills',
            'wallet',
          ],
        },
      }),
    );
    c.header('cache-control', 'no-store');
    return c.json({ clientSecret: session.clientSecret, expiresAt: session.expiresAt, partner: demo.signInEmail });
  });

  /*
   * The operator console's proxy: `<kb-network-connections api-base="/demo/operator-backend/<id>/kabinet">`
   * (and `<kb-operator-reports>` on the same `api-base`) calls `<api-base>/v1/…` and this forwards
   * the call to Kabinet with the operator's secret key,
   * which therefore stays on the server (a browser must never hold an `sk_…` key). Method, query and
   * JSON body pass through; status and body come back as Kabinet sent them (problem+json included).
   * An operator's real backend would put its own admin authentication (and CSRF protection) in front
   * of this route, so only its staff reach it; the demo has no admin login, so it is open.
   */
  backend.all('/demo/operator-backend/:operatorId/kabinet/*', async (c) => {
    const demo = DEMO_OPERATORS.find((d) => d.id === c.req.param('operatorId'));
    if (!demo) return c.json({ error: 'Unknown demo operator' }, 404);
    const url = new URL(c.req.url);
    const prefix = `/demo/operator-backend/${demo.id}/kabinet`;
    const path = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : '';
    const method = c.req.method.toUpperCase();
    const read = method === 'GET' && (KABINET_PROXY_READS as readonly string[]).includes(path);
    const partnerRoute = KABINET_PROXY_PARTNER_ROUTES.some(([m, pattern]) => m === method && pattern.test(path));
    if (!read && !partnerRoute && !KABINET_PROXY_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) {
      return c.json(
        {
          error:
            'The operator console proxy forwards only /v1/networks, /v1/network_connections, /v1/conversions, ' +
            '/v1/plans, /v1/bills, /v1/billing/runs, /v1/cash_outs, /v1/managers, /v1/contacts, /v1/news, /v1/documents, /v1/terms, /v1/registration_fields and GET /v1/reports/performance (and its /export), ' +
            '/v1/reports/options, ' +
            '/v1/partners, /v1/brands and /v1/qualifications, and one partner’s page, ' +
            'decision, manager and sign-up answers',
        },
        404,
      );
    }
    // A manager's photo or a news banner goes on as its bytes with its image type; every other body is JSON.
    const sentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const image = PROXY_IMAGE_TYPES.includes(sentType);
    const body =
      method === 'GET' || method === 'HEAD'
        ? ''
        : image
          ? new Uint8Array(await c.req.arrayBuffer())
          : await c.req.text();
    // Only our own headers go on: the browser's cookies and headers are for this backend, not for Kabinet.
    const headers: Record<string, string> = { authorization: `Bearer ${demo.apiKey}`, accept: 'application/json' };
    if (body.length) headers['content-type'] = image ? sentType : 'application/json';
    const answer = await inProcessFetch(`${url.origin}${path}${url.search}`, {
      method,
      headers,
      ...(body.length ? { body } : {}),
    });
    const empty = method === 'HEAD' || answer.status === 204 || answer.status === 304;
    return new Response(empty ? null : await answer.arrayBuffer(), {
      status: answer.status,
      headers: {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
        'cache-control': 'no-store',
        // The payment-run CSV keeps its file name.
        ...(answer.headers.has('content-disposition')
          ? { 'content-disposition': answer.headers.get('content-disposition')! }
          : {}),
        // A partner's document keeps its lock-down: shown sandboxed, never sniffed into another type.
        ...(answer.headers.has('content-security-policy')
          ? { 'content-security-policy': answer.headers.get('content-security-policy')! }
          : {}),
      },
    });
  });
  return backend;
}
