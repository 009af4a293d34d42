/**
 * How the operator console talks to Kabinet: through the operator's OWN backend, never with a
 * secret key in the browser. `api-base` is that backend's prefix (it forwards `/v1/networks`,
 * `/v1/network_connections` and `/v1/conversions` with the key added); calls are same-origin
 * fetches with the page's cookies, so the backend's own admin login applies. Types come from
 * the server's routes (type-only imports: nothing of the server is bundled).
 */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';
import { negotiateLocale, type Locale } from '../../internal/i18n.ts';

type Body<F extends (...args: never[]) => unknown> = SuccessBody<Awaited<ReturnType<F>>>;
/** One entry of GET /v1/networks. */
export type NetworkEntry = Body<KabinetClient['v1']['networks']['$get']>['data'][number];
export type NetworkSetting = NetworkEntry['settings'][number];
export type OfferParameter = NetworkEntry['offerParameters'][number];
/** A tracker or network connection (secrets masked) with its postback URLs. */
export type Connection = Body<KabinetClient['v1']['network_connections']['$post']>;
export type NetworkOffer = Body<KabinetClient['v1']['network_connections'][':connectionId']['offers']['$post']>;
/** A conversion from GET /v1/conversions (tracker, network or operator). */
export type OperatorConversion = Body<KabinetClient['v1']['conversions']['$get']>['data'][number];
export type ConversionStatus = OperatorConversion['status'];
export const CONVERSION_STATUSES = ['hold', 'approve', 'cancel', 'trash'] as const satisfies readonly ConversionStatus[];

export interface FieldProblem { path: string; message: string }

/** A problem+json answer (the server's `detail`, and `errors[]` for a 422). */
export class ConsoleApiError extends Error {
  constructor(readonly status: number, readonly code: string, readonly detail: string, readonly errors: FieldProblem[] = []) {
    super(detail);
  }
}

/** Calls `${apiBase}${path}` (e.g. `/v1/networks`) and returns the JSON body, or throws ConsoleApiError. */
export async function consoleCall<T>(apiBase: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${apiBase.replace(/\/+$/, '')}${path}`, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const problem = (body ?? {}) as { code?: string; detail?: string; error?: string; errors?: FieldProblem[] };
    throw new ConsoleApiError(res.status, problem.code ?? 'internal', problem.detail ?? problem.error ?? res.statusText, problem.errors ?? []);
  }
  return body as T;
}

/** The element's `locale` attribute, else the browser's languages, else English. */
export const consoleLocale = (requested: string | null | undefined): Locale => negotiateLocale(requested);
