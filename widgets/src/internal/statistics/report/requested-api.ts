/**
 * The requested reports routes (`/v1/partner/reports/requested…`): a report asked for as a file
 * (zipped CSV or XLSX), made by a job, kept for a while and mailed about when ready. Their shapes
 * are written out here and called through the same typed-client proxy as every other route, until
 * the core's routes are in `AppType` and these types can come from it.
 */
import type { ClientResponse } from 'hono/client';
import { expectOk, type ApiClient } from '../../api-client.ts';
import type { ReportQuery } from '../statistics-types.ts';

export const REQUESTED_FORMATS = ['csv_zip', 'xlsx'] as const;
export type RequestedFormat = (typeof REQUESTED_FORMATS)[number];
export type RequestedStatus = 'processing' | 'successful' | 'failed';
/** The question a requested report answers: the report's query without paging. */
export type RequestedQuery = Omit<ReportQuery, 'limit' | 'offset'>;

export interface RequestedReport {
  id: string;
  name: string;
  format: RequestedFormat;
  status: RequestedStatus;
  failureReason: string | null;
  query: RequestedQuery;
  /** The days the report covers, once the job has read them. */
  period: { from: string; to: string; timeZone: string } | null;
  requestedBy: { userId: string; email: string };
  requestedAt: string;
  finishedAt: string | null;
  /** After this the file is gone (the request stays listed). */
  expiresAt: string | null;
  rowCount: number | null;
  fileSize: number | null;
}

export interface RequestInput {
  name?: string;
  format: RequestedFormat;
  query: RequestedQuery;
  favoriteId?: string;
}

type Json<T> = Promise<ClientResponse<T, 200 | 201, 'json'>>;
type Options = { headers?: Record<string, string> };
interface RequestedRoutes {
  $get(): Json<{ data: RequestedReport[] }>;
  $post(args: { json: RequestInput }, options?: Options): Json<RequestedReport>;
  ':requestId': {
    $get(args: { param: { requestId: string } }): Json<RequestedReport>;
    $patch(args: { param: { requestId: string }; json: { name: string } }): Json<RequestedReport>;
    file: { $get(args: { param: { requestId: string } }): Promise<Response> };
  };
}

const routes = (api: ApiClient): RequestedRoutes =>
  (api.client.v1.partner.reports as unknown as { requested: RequestedRoutes }).requested;

/** The question as a request sends it: paging dropped (the file holds every row), empty values left out. */
export function requestedQuery(question: ReportQuery): RequestedQuery {
  const kept = Object.entries(question).filter(([k, v]) => v !== undefined && k !== 'limit' && k !== 'offset');
  return Object.fromEntries(kept) as RequestedQuery;
}

/** Asks for a report file; the same `idempotencyKey` again answers the first request (no second one). */
export function requestReport(api: ApiClient, input: RequestInput, idempotencyKey?: string): Promise<RequestedReport> {
  const headers = idempotencyKey ? { 'idempotency-key': idempotencyKey } : undefined;
  return expectOk(routes(api).$post({ json: input }, headers ? { headers } : undefined));
}

export async function listRequested(api: ApiClient): Promise<RequestedReport[]> {
  return (await expectOk(routes(api).$get())).data;
}

export const getRequested = (api: ApiClient, requestId: string): Promise<RequestedReport> =>
  expectOk(routes(api)[':requestId'].$get({ param: { requestId } }));

export const renameRequested = (api: ApiClient, requestId: string, name: string): Promise<RequestedReport> =>
  expectOk(routes(api)[':requestId'].$patch({ param: { requestId }, json: { name } }));

/** The file's answer as it came (the caller reads the bytes, or the problem of a 409 or 410). */
export const fetchRequestedFile = (api: ApiClient, requestId: string): Promise<Response> =>
  routes(api)[':requestId'].file.$get({ param: { requestId } });
