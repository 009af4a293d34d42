/**
 * A network's API described as data: how to authenticate, how to push a lead and where the
 * network's order id is in its answer, how to poll statuses (time window, paging, where each
 * item's fields are). The operator fills it from the network's own API documentation; nothing
 * here knows any network's endpoint. Templates and paths are checked on save, each problem
 * named at its field (templates.ts says which languages they are).
 */
import { z } from '@hono/zod-openapi';
import {
  COMMON_VARIABLES,
  LEAD_VARIABLES,
  POLL_VARIABLES,
  SIGNING_VARIABLES,
  checkJsonPath,
  checkMustache,
  checkRequestUrl,
  checkUriTemplate,
  type TemplateScope,
} from './templates.ts';

const template = z.string().trim().min(1).max(2000);
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/, 'an HTTP header name (letters, digits, -)');
const jsonPath = z.string().trim().min(1).max(300);
const headers = z.record(headerName, template.max(1000)).refine((h) => Object.keys(h).length <= 20, {
  params: { reason: 'too_many', maximum: 20 },
  message: 'at most 20 headers',
});

export const AuthSchema = z
  .discriminatedUnion('style', [
    z.object({ style: z.literal('none') }).strict(),
    /** A token in a header (`X-Api-Key: {{api_token}}`). */
    z.object({ style: z.literal('header'), name: headerName, value: template }).strict(),
    /** A token in the query (`?api_key={{api_token}}`), added to every request's URL. */
    z.object({ style: z.literal('query'), name: z.string().trim().min(1).max(64), value: template }).strict(),
    /** `Authorization: Bearer …`. */
    z.object({ style: z.literal('bearer'), token: template }).strict(),
    /** `Authorization: Basic base64(user:password)`. */
    z.object({ style: z.literal('basic'), user: template, password: template }).strict(),
    /**
     * Key + secret: the `canonical` string (Mustache over the request's method, path, query,
     * path_and_query, body, timestamp, nonce and the settings) is signed with HMAC under `secret`
     * and sent in `signatureHeader`; `headers` carry the key and the timestamp the network checks.
     */
    z
      .object({
        style: z.literal('hmac'),
        algorithm: z.enum(['SHA-256', 'SHA-512', 'SHA-1']).default('SHA-256'),
        secret: template,
        canonical: template,
        signatureHeader: headerName,
        encoding: z.enum(['hex', 'base64']).default('hex'),
        headers: headers.default({}),
      })
      .strict(),
  ])
  .openapi('NetworkApiAuth');

const BodySchema = z
  .object({
    format: z.enum(['none', 'json', 'form']),
    /** Field name → Mustache template; JSON bodies are flat objects of strings. */
    fields: z.record(z.string().min(1).max(100), template.max(1000)).default({}),
  })
  .strict();

export const LeadPushSchema = z
  .object({
    method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
    url: template,
    headers: headers.default({}),
    body: BodySchema.default({ format: 'json', fields: {} }),
    /** Where the network's order id is in a successful answer (e.g. `$.data.order_id`). */
    orderIdPath: jsonPath,
    /** A duplicate answer: its HTTP status, and optionally a path that must equal a value. */
    duplicate: z
      .object({
        statuses: z.array(z.number().int().min(200).max(599)).max(10).default([409]),
        path: jsonPath.optional(),
        equals: z.string().max(200).optional(),
      })
      .strict()
      .default({ statuses: [409] }),
  })
  .strict();

export const PagingSchema = z.discriminatedUnion('style', [
  z.object({ style: z.literal('none') }).strict(),
  /** `{page}` counts from `firstPage`; the last page is one with fewer than `pageSize` items. */
  z
    .object({
      style: z.literal('page'),
      firstPage: z.number().int().min(0).max(1).default(1),
      pageSize: z.number().int().min(1).max(1000),
    })
    .strict(),
  /** `{offset}` grows by `pageSize` (`{limit}`); the last page is one with fewer items. */
  z.object({ style: z.literal('offset'), pageSize: z.number().int().min(1).max(1000) }).strict(),
  /** `{cursor}` is the token the previous answer gave at `nextTokenPath`; none ends it. */
  z.object({ style: z.literal('token'), nextTokenPath: jsonPath }).strict(),
]);

export const StatusPollSchema = z
  .object({
    method: z.enum(['GET', 'POST']).default('GET'),
    url: template,
    headers: headers.default({}),
    body: BodySchema.default({ format: 'none', fields: {} }),
    paging: PagingSchema.default({ style: 'none' }),
    /** Selects the items (e.g. `$.data[*]`); each field path below is read from one item. */
    itemsPath: jsonPath,
    orderIdPath: jsonPath,
    /** Where the item carries our visit id (the sub id sent); without it, leads pushed give it by order id. */
    subIdPath: jsonPath.optional(),
    statusPath: jsonPath,
    payoutPath: jsonPath.optional(),
    currencyPath: jsonPath.optional(),
    commentPath: jsonPath.optional(),
    reasonPath: jsonPath.optional(),
    /** The network's own words for approve, cancel, trash and hold, as postback tails' sta/stc/stt/stw. */
    statusWords: z
      .object({
        sta: z.string().max(64).optional(),
        stc: z.string().max(64).optional(),
        stt: z.string().max(64).optional(),
        stw: z.string().max(64).optional(),
      })
      .strict()
      .default({}),
    /** Each sync asks again for this much before the last one's end (late status changes). */
    overlapMinutes: z.number().int().min(0).max(10_080).default(60),
    /** How far back the first sync looks. */
    firstLookbackDays: z.number().int().min(1).max(90).default(7),
  })
  .strict();

export const AdapterSchema = z
  .object({
    auth: AuthSchema,
    leadPush: LeadPushSchema.nullable().default(null),
    statusPoll: StatusPollSchema.nullable().default(null),
    syncEveryMinutes: z.number().int().min(5).max(1440).default(30),
    /** The network's rate limit: requests of one sync are spaced to stay under it. */
    requestsPerMinute: z.number().int().min(1).max(600).default(60),
    timeoutSeconds: z.number().int().min(1).max(60).default(20),
    /** Lead contact data is erased this many days after the lead arrived (masked copies too). */
    leadContactRetentionDays: z.number().int().min(1).max(3650).default(90),
  })
  .strict()
  .superRefine((adapter, ctx) => {
    for (const problem of checkAdapterTemplates(adapter))
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message, params: problem.params });
  })
  .openapi('NetworkApiAdapter');

export type Adapter = z.infer<typeof AdapterSchema>;
export type AdapterInput = z.input<typeof AdapterSchema>;

/** Settings and offer parameters are named whatever the network calls them: any name under these. */
const prefixes = ['settings.', 'offer.'];

const scopeOf = (names: readonly string[]): TemplateScope => ({
  names: new Set([...names, ...COMMON_VARIABLES]),
  prefixes,
});

interface TemplateProblem {
  path: Array<string | number>;
  message: string;
  params: Record<string, unknown>;
}

function checkAdapterTemplates(adapter: Adapter): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const bad = (path: Array<string | number>, message: string | null, format: string) => {
    if (message) problems.push({ path, message, params: { reason: 'invalid_format', format } });
  };
  const anyRequest = scopeOf([...LEAD_VARIABLES, ...POLL_VARIABLES]);
  const auth = adapter.auth;
  const authTemplates: Array<[string, string]> =
    auth.style === 'header' || auth.style === 'query'
      ? [['value', auth.value]]
      : auth.style === 'bearer'
        ? [['token', auth.token]]
        : auth.style === 'basic'
          ? [
              ['user', auth.user],
              ['password', auth.password],
            ]
          : auth.style === 'hmac'
            ? [
                ['secret', auth.secret],
                ...Object.entries(auth.headers).map(([k, v]) => [`headers.${k}`, v] as [string, string]),
              ]
            : [];
  for (const [field, value] of authTemplates)
    bad(['auth', ...field.split('.')], checkMustache(value, anyRequest), 'api_template');
  if (auth.style === 'hmac')
    bad(
      ['auth', 'canonical'],
      checkMustache(auth.canonical, scopeOf([...LEAD_VARIABLES, ...POLL_VARIABLES, ...SIGNING_VARIABLES])),
      'api_template',
    );
  const requests = [
    ['leadPush', adapter.leadPush, LEAD_VARIABLES],
    ['statusPoll', adapter.statusPoll, POLL_VARIABLES],
  ] as const;
  for (const [key, request, names] of requests) {
    if (!request) continue;
    const scope = scopeOf(names);
    const urlProblem = checkUriTemplate(request.url, scope);
    bad([key, 'url'], urlProblem, 'api_template');
    if (!urlProblem) bad([key, 'url'], checkRequestUrl(request.url), 'url');
    for (const [name, value] of Object.entries(request.headers))
      bad([key, 'headers', name], checkMustache(value, scope), 'api_template');
    for (const [name, value] of Object.entries(request.body.fields))
      bad([key, 'body', 'fields', name], checkMustache(value, scope), 'api_template');
  }
  if (adapter.leadPush) {
    bad(['leadPush', 'orderIdPath'], checkJsonPath(adapter.leadPush.orderIdPath), 'json_path');
    if (adapter.leadPush.duplicate.path)
      bad(['leadPush', 'duplicate', 'path'], checkJsonPath(adapter.leadPush.duplicate.path), 'json_path');
  }
  const poll = adapter.statusPoll;
  if (poll) {
    const paths = ['itemsPath', 'orderIdPath', 'subIdPath', 'statusPath', 'payoutPath', 'currencyPath'] as const;
    for (const name of [...paths, 'commentPath', 'reasonPath'] as const) {
      const path = poll[name];
      if (path) bad(['statusPoll', name], checkJsonPath(path), 'json_path');
    }
    if (poll.paging.style === 'token')
      bad(['statusPoll', 'paging', 'nextTokenPath'], checkJsonPath(poll.paging.nextTokenPath), 'json_path');
  }
  return problems;
}
