/**
 * createApp(deps) builds the whole HTTP API. Each edge entry (Node, Deno, Workers) calls it with
 * its own deps; no module keeps state of its own between requests.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { HTTPException } from 'hono/http-exception';
import { tenantContext, type AppDeps, type AppEnv } from './deps.ts';
import { ProblemError, problemBody, problemStatus, problemTitle, type ProblemCode } from './problem.ts';
import { renderApiReference } from './api-reference.ts';
import { OPENAPI_TAGS } from './openapi-shared.ts';
import { partnerCors } from './partner-auth.ts';
import { corsForPathOperator } from './middleware.ts';
import { limitBodySize, noSniff, requireDeclaredContentType, type DeclaredBody } from './request-guards.ts';
import { systemRoutes } from '../modules/system/routes.ts';
import { operatorRoutes } from '../modules/operators/routes.ts';
import { catalogRoutes } from '../modules/catalog/routes.ts';
import { commissionRoutes } from '../modules/commissions/routes.ts';
import { billingRoutes } from '../modules/billing/routes.ts';
import { qualificationRoutes } from '../modules/billing/qualification-routes.ts';
import { publicIdentityRoutes } from '../modules/identity/public-routes.ts';
import { partnerAccountRoutes } from '../modules/identity/partner-routes.ts';
import { teamRoutes } from '../modules/identity/team-routes.ts';
import { operatorIdentityRoutes } from '../modules/identity/operator-routes.ts';
import { renderHostedPortal } from '../modules/identity/hosted-portal.ts';
import { followTrackingLink, TRACKING_CODE_MAX, trackingRoutes } from '../modules/tracking/routes.ts';
import { campaignRoutes } from '../modules/campaigns/routes.ts';
import { eventRoutes } from '../modules/events/routes.ts';
import { postbackRoutes } from '../modules/postbacks/routes.ts';
import { networkRoutes } from '../modules/networks/routes.ts';
import { networkApiRoutes } from '../modules/network-api/routes.ts';
import { conversionRoutes } from '../modules/conversions/routes.ts';
import { statisticsRoutes } from '../modules/statistics/routes.ts';
import { reportApiRoutes } from '../modules/statistics/report-api-routes.ts';
import { reportFavoriteRoutes } from '../modules/report-favorites/routes.ts';
import { reportFeedRoutes } from '../modules/report-favorites/feed-routes.ts';
import { subAffiliateReportRoutes } from '../modules/statistics/sub-affiliate-report-routes.ts';
import { paymentRoutes } from '../modules/payments/routes.ts';
import { walletRoutes } from '../modules/wallet/routes.ts';
import { cashOutScheduleRoutes } from '../modules/cash-out-schedules/routes.ts';
import { requestedReportRoutes } from '../modules/requested-reports/routes.ts';
import { termsRoutes } from '../modules/terms/routes.ts';
import { registrationFieldRoutes } from '../modules/registration-fields/routes.ts';
import { notificationRoutes } from '../modules/notifications/routes.ts';
import { contactCardRoutes } from '../modules/contacts/card-routes.ts';
import { managerRoutes } from '../modules/contacts/manager-routes.ts';
import { partnerContactRoutes } from '../modules/contacts/partner-routes.ts';
import { newsRoutes } from '../modules/news/routes.ts';
import { partnerNewsRoutes } from '../modules/news/partner-routes.ts';
import { partnerDocumentRoutes } from '../modules/documents/partner-routes.ts';
import { operatorDocumentRoutes } from '../modules/documents/operator-routes.ts';
import { staffSessionRoutes } from '../modules/operator-staff/session-routes.ts';
import { staffRoutes } from '../modules/operator-staff/staff-routes.ts';
import { apiKeyRoutes } from '../modules/operators/api-key-routes.ts';
import { renderSetPasswordPage } from '../modules/operator-staff/set-password-page.ts';
import { listMailbox, renderMailboxPage } from '../modules/mail/service.ts';
import { VERSION } from '../lib/version.ts';

export const OPENAPI_INFO = {
  title: 'Kabinet API',
  version: VERSION,
  description:
    'White-label affiliate partner portal: Operator API (secret key), public portal configuration, tracking and postback endpoints.',
  license: { name: 'MIT', identifier: 'MIT' },
};

/**
 * The server is relative: it resolves against wherever /openapi.json was fetched from, which is
 * right on every runtime, behind a proxy and for each install, where a fixed URL would not be.
 */
const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: OPENAPI_INFO,
  servers: [{ url: '/', description: 'This Kabinet server' }],
  tags: OPENAPI_TAGS,
};

/** A library's HTTPException keeps its 4xx meaning; only real failures become 500. */
const HTTP_EXCEPTION_CODES: Record<number, ProblemCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'rate_limited',
};

function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof HTTPException) {
    const code = HTTP_EXCEPTION_CODES[error.status] ?? (error.status < 500 ? 'bad_request' : null);
    if (code) return new ProblemError(code, error.message || problemTitle(code));
  }
  // Malformed JSON bodies surface as SyntaxError from the validator's body parsing.
  if (error instanceof SyntaxError)
    return new ProblemError('bad_request', 'The request body is not valid JSON', [
      { path: 'body', reason: 'invalid_format', params: { format: 'json' }, message: 'is not valid JSON' },
    ]);
  return new ProblemError('internal', 'Something went wrong on our side; quote the request id if you contact support');
}

/** The body media types each OpenAPI route declares, for the one content-type check. */
function declaredBodies(definitions: ReadonlyArray<{ type: string; route?: unknown }>): DeclaredBody[] {
  const bodies: DeclaredBody[] = [];
  for (const definition of definitions) {
    if (definition.type !== 'route') continue;
    const route = definition.route as {
      method: string;
      path: string;
      request?: { body?: { content?: Record<string, unknown> } };
    };
    const content = route.request?.body?.content;
    if (content) bodies.push({ method: route.method, path: route.path, mediaTypes: Object.keys(content) });
  }
  return bodies;
}

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  // The hottest route first: a tracking link answers without the middleware chain below (request
  // id, CORS, body limits and content types guard nothing on a GET without a body). It sets its
  // own nosniff; /openapi.json still documents it through trackingRoutes, which also answers the
  // documented 422 for a code too long to be one.
  app.get('/t/:code', async (c, next) => {
    const code = c.req.param('code');
    if (code.length > TRACKING_CODE_MAX) return next();
    c.set('deps', deps);
    return followTrackingLink(c, code);
  });
  app.use('*', requestId({ headerName: 'x-request-id' }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  // CORS is mounted once, here: partner routes answer the session operator's origins, public
  // portal routes the origins of the operator their path names. Before the request guards, so a
  // browser can read their 413/415 answers too.
  app.use('/v1/partner/*', partnerCors);
  app.use('/v1/public/operators/:operatorId', corsForPathOperator);
  app.use('/v1/public/operators/:operatorId/*', corsForPathOperator);
  app.use('*', noSniff);
  app.use('*', limitBodySize);
  app.use(
    '*',
    requireDeclaredContentType(() => declaredBodies(app.openAPIRegistry.definitions)),
  );

  app.onError((error, c) => {
    const problem = toProblem(error);
    const id = c.var.requestId ?? null;
    if (problem.code === 'internal') deps.reportError?.(error, id);
    return c.body(JSON.stringify(problemBody(problem, id)), problemStatus(problem) as 500, {
      'content-type': 'application/problem+json',
    });
  });
  app.notFound((c) => {
    const problem = new ProblemError('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`);
    return c.body(JSON.stringify(problemBody(problem, c.var.requestId ?? null)), 404, {
      'content-type': 'application/problem+json',
    });
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'operatorKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'Operator secret key (`sk_…`), server-to-server only',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'staffSession', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kb_operator_session',
    description:
      'Console staff session (HttpOnly cookie set by the console sign-in on this server; unsafe methods need this server’s Origin)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'partnerSession', {
    type: 'http',
    scheme: 'bearer',
    description:
      'Partner session token from sign-in or the embed exchange (the hosted portal page uses the HttpOnly `kb_session` cookie instead)',
  });

  const routes = app
    .route('/', systemRoutes)
    .route('/', operatorRoutes)
    .route('/', staffSessionRoutes)
    .route('/', staffRoutes)
    .route('/', apiKeyRoutes)
    .route('/', catalogRoutes)
    .route('/', commissionRoutes)
    .route('/', publicIdentityRoutes)
    .route('/', partnerAccountRoutes)
    .route('/', teamRoutes)
    .route('/', operatorIdentityRoutes)
    .route('/', trackingRoutes)
    .route('/', campaignRoutes)
    .route('/', eventRoutes)
    .route('/', postbackRoutes)
    .route('/', networkRoutes)
    .route('/', networkApiRoutes)
    .route('/', conversionRoutes)
    .route('/', statisticsRoutes)
    .route('/', subAffiliateReportRoutes)
    .route('/', reportApiRoutes)
    .route('/', reportFavoriteRoutes)
    .route('/', reportFeedRoutes)
    .route('/', billingRoutes)
    .route('/', qualificationRoutes)
    .route('/', paymentRoutes)
    .route('/', walletRoutes)
    .route('/', cashOutScheduleRoutes)
    .route('/', requestedReportRoutes)
    .route('/', termsRoutes)
    .route('/', registrationFieldRoutes)
    .route('/', newsRoutes)
    .route('/', partnerNewsRoutes)
    .route('/', notificationRoutes)
    .route('/', contactCardRoutes)
    .route('/', managerRoutes)
    .route('/', partnerContactRoutes)
    .route('/', partnerDocumentRoutes)
    .route('/', operatorDocumentRoutes);

  app.get('/portal/:operatorId', async (c) => {
    const locale = c.req.query('locale') === 'ru' ? 'ru' : 'en';
    const page = await renderHostedPortal(tenantContext(c, c.req.param('operatorId')), locale);
    c.header('content-security-policy', page.contentSecurityPolicy);
    return c.html(page.html);
  });
  // Where a console staff invitation's set-password link opens.
  app.get('/console/:operatorId', async (c) => {
    const locale = c.req.query('locale') === 'ru' ? 'ru' : 'en';
    const page = await renderSetPasswordPage(tenantContext(c, c.req.param('operatorId')), locale);
    c.header('content-security-policy', page.contentSecurityPolicy);
    return c.html(page.html);
  });
  if (deps.demoMailbox) {
    app.get('/demo/mailbox', async (c) => c.html(renderMailboxPage(await listMailbox(deps, { limit: 100 }))));
  }

  app.doc31('/openapi.json', OPENAPI_DOCUMENT);
  app.get('/docs', (c) => c.html(renderApiReference(app.getOpenAPI31Document(OPENAPI_DOCUMENT))));

  return routes;
}

export type AppType = ReturnType<typeof createApp>;
