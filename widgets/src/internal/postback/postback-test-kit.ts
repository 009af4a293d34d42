/**
 * Test-only fixtures for the postback widgets' browser tests: postbacks and log attempts as the
 * server sends them, and a stateful fake of the postback routes on top of the campaign fake. The
 * template check is the server's own (`validatePostbackTemplate`, pure), so the problems and
 * positions the widgets show are exactly what the real server answers. Nothing outside *.test.ts
 * imports this.
 */
import {
  BUILT_IN_MACROS as SERVER_MACROS,
  validatePostbackTemplate,
} from '../../../../core/modules/postbacks/template.ts';
import { json, problem, type ApiMock, type Handler, type RecordedRequest } from '../account/account-test-kit.ts';
import { fakeCampaignApi } from '../campaign/campaign-test-kit.ts';
import type {
  Postback,
  PostbackAttempt,
  PostbackPreview,
  PostbackScope,
  PostbackTestResult,
} from './postback-types.ts';

const at = '2025-03-01T09:00:00.000Z';

export function postback(id: string, overrides: Partial<Postback> = {}): Postback {
  return {
    id,
    scope: 'account',
    campaignId: null,
    campaignName: null,
    promoId: null,
    promoTitle: null,
    action: 'first_deposit',
    method: 'GET',
    bodyFormat: null,
    url: 'https://tracker.example/pb?click=${visit_id}&promo=${promo_id}&sum=${amount}',
    enabled: true,
    warnings: [],
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export const postbacks = (): Postback[] => [
  postback('pb_account'),
  postback('pb_campaign', {
    scope: 'campaign',
    campaignId: 'camp_1',
    campaignName: 'Summer push',
    action: 'registration',
    method: 'POST',
    bodyFormat: 'json',
    url: 'https://tracker.example/reg?c=${campaign_id}',
  }),
  postback('pb_promo', {
    scope: 'promo',
    campaignId: 'camp_1',
    campaignName: 'Summer push',
    promoId: 'promo_1',
    promoTitle: 'Welcome banner',
    action: 'qualification',
    enabled: false,
    url: 'https://tracker.example/q?p=${promo_id}&cid=${clickID}',
  }),
];

export function attempt(id: string, overrides: Partial<PostbackAttempt> = {}): PostbackAttempt {
  return {
    id,
    deliveryId: `pbd_${id}`,
    postbackId: 'pb_account',
    sentAt: '2025-03-02T10:15:00.000Z',
    url: 'https://tracker.example/pb?click=clk_9f2a&promo=promo_1&sum=25.00',
    method: 'GET',
    action: 'first_deposit',
    responseCode: 200,
    error: null,
    durationMs: 134,
    campaignId: 'camp_1',
    campaignName: 'Summer push',
    promoId: 'promo_1',
    promoTitle: 'Welcome banner',
    promoCode: 'SUMMER25',
    isTest: false,
    ...overrides,
  };
}

/**
 * What the server's 422 says for a template with errors: one `errors[]` entry per error, reason
 * `invalid_template` with the template code and position in params, the message `at <position>: …`.
 */
export function templateRefusal(url: string, scope: PostbackScope): Response | null {
  const errors = validatePostbackTemplate(url, { scope }).filter((p) => p.severity === 'error');
  if (errors.length === 0) return null;
  return problem(
    422,
    'validation_failed',
    `body.url: ${errors.map((e) => `at ${e.position}: ${e.message}`).join('; ')}`,
    errors.map((e) => ({
      path: 'body.url',
      reason: 'invalid_template',
      params: { ...e.params, problem: e.code, position: e.position },
      message: `at ${e.position}: ${e.message}`,
    })),
  );
}

export const previewAnswer = (overrides: Partial<PostbackPreview> = {}): PostbackPreview => ({
  url: 'https://tracker.example/pb?click=clk_9f2a&promo=promo_1&sum=25.00',
  method: 'GET',
  body: null,
  clickId: 'clk_9f2a',
  sample: false,
  problems: [],
  ...overrides,
});

export const testAnswer = (overrides: Partial<PostbackTestResult> = {}): PostbackTestResult => ({
  url: 'https://tracker.example/pb?click=clk_9f2a&promo=promo_1&sum=25.00',
  method: 'GET',
  clickId: 'clk_9f2a',
  sample: false,
  responseCode: 200,
  error: null,
  durationMs: 134,
  delivered: true,
  ...overrides,
});

type Body = Record<string, unknown>;

/**
 * The postback routes answering like the server (validate, create with 422s, list by scope,
 * change, delete, preview, test, log), plus the campaign read routes. `first` answers before them.
 */
export function fakePostbackApi(
  first: Handler = () => undefined,
  initial: Postback[] = postbacks(),
): ApiMock & { stored: () => Postback[] } {
  let rows = [...initial];
  let seq = 0;
  const route = async (request: RecordedRequest): Promise<Response | undefined> => {
    const own = await first(request);
    if (own) return own;
    const { method, path, query } = request;
    const body = (request.body ?? {}) as Body;
    const one = path.match(/^\/v1\/partner\/postbacks\/(pb_\w+)$/)?.[1];
    if (method === 'POST' && path === '/v1/partner/postbacks/validate') {
      return json({
        problems: validatePostbackTemplate(String(body.url), { scope: body.scope as PostbackScope }),
        builtIns: [...SERVER_MACROS],
      });
    }
    if (method === 'GET' && path === '/v1/partner/postbacks') {
      return json({
        data: rows.filter(
          (p) =>
            (!query.get('scope') || p.scope === query.get('scope')) &&
            (!query.get('campaignId') || p.campaignId === query.get('campaignId')) &&
            (!query.get('promoId') || p.promoId === query.get('promoId')),
        ),
      });
    }
    if (method === 'POST' && path === '/v1/partner/postbacks') {
      const scope = body.scope as PostbackScope;
      const refused = templateRefusal(String(body.url), scope);
      if (refused) return refused;
      const created = postback(`pb_new${++seq}`, {
        scope,
        action: body.action as Postback['action'],
        method: (body.method as Postback['method']) ?? 'GET',
        url: String(body.url),
        bodyFormat: body.method === 'POST' ? ((body.bodyFormat as Postback['bodyFormat']) ?? 'form') : null,
        enabled: body.enabled !== false,
        campaignId: (body.campaignId as string | undefined) ?? (body.promoId ? 'camp_1' : null),
        campaignName: body.campaignId || body.promoId ? 'Summer push' : null,
        promoId: (body.promoId as string | undefined) ?? null,
        promoTitle: body.promoId ? 'Welcome banner' : null,
        warnings: validatePostbackTemplate(String(body.url), { scope }).filter((p) => p.severity === 'warning'),
      });
      rows = [...rows, created];
      return json(created, 201);
    }
    if (method === 'PATCH' && one) {
      const current = rows.find((p) => p.id === one);
      if (!current) return problem(404, 'not_found', 'Postback not found');
      const refused = body.url === undefined ? null : templateRefusal(String(body.url), current.scope);
      if (refused) return refused;
      const changed = { ...current, ...body, updatedAt: '2025-03-03T00:00:00.000Z' } as Postback;
      rows = rows.map((p) => (p.id === one ? changed : p));
      return json(changed);
    }
    if (method === 'DELETE' && one) {
      rows = rows.filter((p) => p.id !== one);
      return json({ deleted: 1 });
    }
    if (method === 'POST' && path === '/v1/partner/postbacks/preview') return json(previewAnswer());
    if (method === 'POST' && /^\/v1\/partner\/postbacks\/pb_\w+\/test$/.test(path)) return json(testAnswer());
    if (method === 'GET' && path === '/v1/partner/postbacks/log')
      return json({ data: [attempt('pba_2'), attempt('pba_1')], nextBefore: null });
    return undefined;
  };
  const api = fakeCampaignApi(route);
  return { ...api, stored: () => rows };
}
