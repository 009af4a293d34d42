/**
 * The typed client for developers and for the widgets. Request and response types come from the
 * server's own route definitions (AppType), so a route change breaks the client at compile time.
 *
 *   const kabinet = createKabinetClient('https://partners.example.com', { secretKey: 'sk_…' });
 *   const res = await kabinet.v1.brands.$get();
 *
 * The package ships this file compiled (`kabinet/sdk`): its runtime needs only `hono/client`, and
 * its declarations carry the route types expanded, so nothing here may import core/ at runtime.
 */
import { hc, type ClientResponse, type InferRequestType } from 'hono/client';
import type { AppType } from '../http/app.ts';

export interface KabinetClientOptions {
  /** Operator secret key for the Operator API (server-side only: never ship it to a browser). */
  secretKey?: string;
  /**
   * A partner session token (from sign-in, or from exchanging an embed client secret), for calls
   * made as that partner user. Not the client secret itself: that is single-use and exchanged.
   */
  sessionToken?: string;
  /**
   * A partner user's statistic token (`st_…`, from the portal's Security section) for the Report
   * API (`client.api.customer.v1.partner.report`); createReportApiClient wraps those two routes.
   */
  statisticToken?: string;
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

export function createKabinetClient(baseUrl: string, options: KabinetClientOptions = {}) {
  const token = options.secretKey ?? options.sessionToken ?? options.statisticToken;
  return hc<AppType>(baseUrl, {
    headers: { ...options.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export type KabinetClient = ReturnType<typeof createKabinetClient>;

/**
 * Why a field is refused: FIELD_PROBLEM_REASONS of core/lib/errors.ts, spelled out here because
 * the SDK's declarations import nothing of core/ (tests/types/problem-reasons.test-d.ts keeps the
 * two lists equal).
 */
export type KabinetFieldReason =
  | 'required'
  | 'required_one_of'
  | 'requires_field'
  | 'not_applicable'
  | 'invalid_type'
  | 'too_short'
  | 'too_long'
  | 'too_small'
  | 'too_big'
  | 'too_few'
  | 'too_many'
  | 'too_large'
  | 'invalid_format'
  | 'invalid_choice'
  | 'must_accept'
  | 'outdated'
  | 'unknown_field'
  | 'money_format'
  | 'unknown_currency'
  | 'not_found_reference'
  | 'already_exists'
  | 'immutable'
  | 'weak_password'
  | 'wrong_code'
  | 'invalid_template'
  | 'invalid_value';

/** The values a problem's sentence needs: `{ minimum: 10 }`, `{ resource: 'campaign' }`, `{ allowed: ['GET'] }`. */
export type KabinetProblemParams = Record<string, string | number | string[]>;

/** One refused field: where, why (a closed list to switch on), the values the reason needs, and English words. */
export interface KabinetFieldProblem {
  path: string;
  reason: KabinetFieldReason;
  params: KabinetProblemParams;
  message: string;
}

/** The problem+json body of an error answer (RFC 9457). */
export interface KabinetProblem {
  code: string;
  /** English, for developers and logs; word `code` and `params` for people. */
  detail: string;
  /** What the detail names (`{ resource: 'campaign' }`); missing only from an answer that is not Kabinet's. */
  params?: KabinetProblemParams;
  errors?: KabinetFieldProblem[];
  requestId: string | null;
}

/** A problem+json answer from the API, thrown by `unwrap` and the operator helpers. */
export class KabinetApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: KabinetProblem,
    /** A 429's Retry-After in seconds (the Report API's per-token limit says when to call again); else null. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${status} ${problem.code}: ${problem.detail}`);
    this.name = 'KabinetApiError';
  }
}

type SuccessStatus = 200 | 201 | 202;
/** The body type of the 2xx answers among a route's possible responses. */
export type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, 'json'> ? (S extends SuccessStatus ? T : never) : never;

/** Resolves a client call to its success body, or throws KabinetApiError with the problem. */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(
  response: Promise<R> | R,
): Promise<SuccessBody<R>> {
  const res = await response;
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN);
    throw new KabinetApiError(res.status, await problemOf(res), Number.isFinite(retryAfter) ? retryAfter : null);
  }
  return (await res.json()) as SuccessBody<R>;
}

/** The answer's problem; a proxy's HTML error page or an empty 502 still becomes a KabinetApiError. */
async function problemOf(res: ClientResponse<unknown, number, string>): Promise<KabinetProblem> {
  const text = await res.text();
  const requestId = res.headers.get('x-request-id');
  try {
    const body = JSON.parse(text) as Partial<KabinetProblem>;
    if (typeof body.code === 'string')
      return { ...body, detail: body.detail ?? '', requestId: body.requestId ?? requestId } as KabinetProblem;
  } catch {
    /* not JSON: described below */
  }
  return {
    code: 'unexpected_response',
    detail: `HTTP ${res.status} without a problem body${text ? `: ${text.slice(0, 200)}` : ''}`,
    requestId,
  };
}

// ---- Operator helpers: the calls an operator's backend makes, typed from the same routes ----

type V1 = KabinetClient['v1'];
type Body<F extends (...args: never[]) => unknown> = SuccessBody<Awaited<ReturnType<F>>>;

/** `POST /v1/partner_sessions`: which partner user, which components, how long the secret lives. */
export type MintEmbedSessionInput = InferRequestType<V1['partner_sessions']['$post']>['json'];
/** The embed client secret (single use) for `<kb-portal client-secret>` or `fetchClientSecret`. */
export type EmbedSession = Body<V1['partner_sessions']['$post']>;
/** `PATCH /v1/conversions/{id}`: status and/or payout (a currency only together with a payout). */
export type ConversionPatch = InferRequestType<V1['conversions'][':conversionId']['$patch']>['json'];
export type ConversionDetail = Body<V1['conversions'][':conversionId']['$patch']>;
/** Per-event results of `POST /v1/events`; `index` is the event's position in the array sent. */
export type EventBatchResult = Body<V1['events']['$post']>;

/**
 * One player event (`POST /v1/events` validates each item on its own, so the route's body type
 * says only `unknown[]`). Written out here so the package's declarations need no server code;
 * tests/types/operator-helpers.test-d.ts checks it equals the server's PlayerEvent schema input.
 */
export interface PlayerEvent {
  /** Your id for the event: a repeat with the same content counts once, different content is a conflict. */
  id: string;
  type:
    | 'registration'
    | 'first_deposit'
    | 'deposit'
    | 'withdrawal'
    | 'wager'
    | 'ngr'
    | 'chargeback'
    | 'lead'
    | 'sale'
    | 'custom';
  playerId: string;
  /** The brand's id (`brand_…`). */
  brand: string;
  visitId?: string | undefined;
  promoCode?: string | undefined;
  /** A decimal string in the currency's units ("25.50"), never a number; only together with `currency`. */
  amount?: string | undefined;
  currency?: string | undefined;
  /** ISO 8601 with offset, e.g. 2026-11-24T10:00:00Z. */
  occurredAt: string;
  data?: Record<string, unknown> | undefined;
}

/** The server takes at most this many events per request (`MAX_EVENTS_PER_BATCH`); sendEvents splits longer arrays. */
export const EVENTS_PER_REQUEST = 1000;

/**
 * The Operator API for your backend (the secret key must never reach a browser). Each helper
 * resolves to the route's typed success body or throws KabinetApiError with the problem.
 *
 *   const operator = createOperatorClient('https://partners.example.com', process.env.KABINET_KEY!);
 *   const { clientSecret } = await operator.mintEmbedSession({ userId, components: ['profile'] });
 */
export function createOperatorClient(
  baseUrl: string,
  secretKey: string,
  options: Omit<KabinetClientOptions, 'secretKey' | 'sessionToken'> = {},
): KabinetOperatorClient {
  const client = createKabinetClient(baseUrl, { ...options, secretKey });
  return {
    client,
    mintEmbedSession: (input) => unwrap(client.v1.partner_sessions.$post({ json: input })),
    async sendEvents(events) {
      const total: EventBatchResult = { accepted: 0, duplicates: 0, conflicts: 0, rejected: 0, results: [] };
      for (let start = 0; start < events.length; start += EVENTS_PER_REQUEST) {
        const batch = await unwrap(
          client.v1.events.$post({ json: { events: events.slice(start, start + EVENTS_PER_REQUEST) } }),
        );
        total.accepted += batch.accepted;
        total.duplicates += batch.duplicates;
        total.conflicts += batch.conflicts;
        total.rejected += batch.rejected;
        total.results.push(...batch.results.map((r) => ({ ...r, index: r.index + start })));
      }
      return total;
    },
    updateConversion: (conversionId, patch) =>
      unwrap(client.v1.conversions[':conversionId'].$patch({ param: { conversionId }, json: patch })),
  };
}

/** Named rather than inferred, so the package's declarations spell the client's route types out once. */
export interface KabinetOperatorClient {
  /** The typed client for every other Operator API route. */
  client: KabinetClient;
  /** Mints a single-use embed client secret for one partner user (`POST /v1/partner_sessions`). */
  mintEmbedSession(input: MintEmbedSessionInput): Promise<EmbedSession>;
  /**
   * Sends player events (`POST /v1/events`), in requests of up to EVENTS_PER_REQUEST, one after
   * another; results are merged with `index` counted over the whole array (an empty array sends
   * nothing). Events are idempotent by id, so after a failed request the whole array can be sent again.
   */
  sendEvents(events: readonly PlayerEvent[]): Promise<EventBatchResult>;
  /** Moves a conversion through its states and/or reprices it (`PATCH /v1/conversions/{id}`); 409 when the state machine refuses. */
  updateConversion(conversionId: string, patch: ConversionPatch): Promise<ConversionDetail>;
}

// ---- Report API: a partner's statistics for scripts and BI tools, with a statistic token ----

type ReportApi = KabinetClient['api']['customer']['v1']['partner']['report'];

/**
 * `GET /api/customer/v1/partner/report`'s question: period (or from/to), timeZone, groupBy,
 * metrics, currency and the filters, as the portal's report asks it (lists comma-separated).
 */
export type ReportApiQuery = InferRequestType<ReportApi['$get']>['query'];
/** The report: the metrics shown, totals, rows (key and values) and paging. */
export type ReportApiReport = Body<ReportApi['$get']>;
/** What this token's partner may ask for: metrics, groupings, currencies and the filter values. */
export type ReportApiAttributes = Body<ReportApi['attributes']['$get']>;

/**
 * The Report API with a partner user's statistic token (Security section of the portal). Each call
 * resolves to the typed body or throws KabinetApiError: 401 `statistic_token_rotated` or
 * `statistic_token_expired` (get the current token in Security) or `unauthorized`, 422 naming the
 * query field, 429 `rate_limited` with `retryAfterSeconds` (60 calls a minute per token).
 *
 *   const reports = createReportApiClient('https://partners.example.com', process.env.KABINET_STAT_TOKEN!);
 *   const { metrics } = await reports.attributes();
 *   const report = await reports.report({ period: 'last_7_days', groupBy: 'day,campaign', metrics: 'clicks,ftds' });
 */
export function createReportApiClient(
  baseUrl: string,
  statisticToken: string,
  options: Omit<KabinetClientOptions, 'secretKey' | 'sessionToken' | 'statisticToken'> = {},
): KabinetReportApiClient {
  const client = createKabinetClient(baseUrl, { ...options, statisticToken });
  const api = client.api.customer.v1.partner.report;
  return {
    client,
    report: (query = {}) => unwrap(api.$get({ query })),
    attributes: () => unwrap(api.attributes.$get()),
  };
}

/** Named rather than inferred, like KabinetOperatorClient. */
export interface KabinetReportApiClient {
  /** The typed client, carrying the token (its other routes answer 401: the token reaches the Report API only). */
  client: KabinetClient;
  /** `GET /api/customer/v1/partner/report`: the token's partner performance report. */
  report(query?: ReportApiQuery): Promise<ReportApiReport>;
  /** `GET /api/customer/v1/partner/report/attributes`: the metrics, groupings and filter values allowed. */
  attributes(): Promise<ReportApiAttributes>;
}
