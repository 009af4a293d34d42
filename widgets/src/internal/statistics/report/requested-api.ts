/**
 * The requested reports routes (`/v1/partner/reports/requested…`): a report asked for as a file
 * (zipped CSV or XLSX), made by a job, kept for a while and mailed about when ready. Shapes from the
 * typed client, so a server change breaks these widgets at compile time.
 */
import type { KabinetClient, SuccessBody } from '../../../../../core/sdk/index.ts';
import { expectOk, type ApiClient } from '../../api-client.ts';
import type { ReportQuery } from '../statistics-types.ts';

type Requested = KabinetClient['v1']['partner']['reports']['requested'];
export type RequestedReport = SuccessBody<Awaited<ReturnType<Requested[':requestId']['$get']>>>;
export type RequestedFormat = RequestedReport['format'];
export type RequestedStatus = RequestedReport['status'];
export type RequestInput = Parameters<Requested['$post']>[0]['json'];
/** The question a requested report answers: the report's query without paging. */
export type RequestedQuery = RequestInput['query'];

export const REQUESTED_FORMATS = ['csv_zip', 'xlsx'] as const satisfies readonly RequestedFormat[];

const routes = (api: ApiClient): Requested => api.client.v1.partner.reports.requested;

/** The question as a request sends it: paging dropped (the file holds every row), empty values left out. */
export function requestedQuery(question: ReportQuery): RequestedQuery {
  const kept = Object.entries(question).filter(([k, v]) => v !== undefined && k !== 'limit' && k !== 'offset');
  return Object.fromEntries(kept) as RequestedQuery;
}

/** Asks for a report file; the same `idempotencyKey` again answers the first request (no second one). */
export function requestReport(api: ApiClient, input: RequestInput, idempotencyKey?: string): Promise<RequestedReport> {
  return expectOk(routes(api).$post({ json: input, header: { 'idempotency-key': idempotencyKey } }));
}

/** A page of the partner's requests, newest first; `nextBefore` asks for the older ones (null: no more). */
export const listRequested = (
  api: ApiClient,
  before?: string,
): Promise<{ data: RequestedReport[]; nextBefore: string | null }> =>
  expectOk(routes(api).$get({ query: { limit: '50', before } }));

export const getRequested = (api: ApiClient, requestId: string): Promise<RequestedReport> =>
  expectOk(routes(api)[':requestId'].$get({ param: { requestId } }));

export const renameRequested = (api: ApiClient, requestId: string, name: string): Promise<RequestedReport> =>
  expectOk(routes(api)[':requestId'].$patch({ param: { requestId }, json: { name } }));

/** The file's answer as it came (the caller reads the bytes, or the problem of a 409 or 410). */
export const fetchRequestedFile = async (api: ApiClient, requestId: string): Promise<Response> =>
  (await routes(api)[':requestId'].file.$get({ param: { requestId } })) as unknown as Response;
