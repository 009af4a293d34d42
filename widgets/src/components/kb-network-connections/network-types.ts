/**
 * Shapes of the operator console's routes, taken from the server's own route types (type-only:
 * nothing of the server is bundled), so a server change breaks the console at compile time.
 */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

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
export const CONVERSION_STATUSES = [
  'hold',
  'approve',
  'cancel',
  'trash',
] as const satisfies readonly ConversionStatus[];

/** A network connection's API routes (`/v1/network_connections/{id}/api…`). */
type ApiRoutes = KabinetClient['v1']['network_connections'][':connectionId']['api'];
/** GET/PUT …/api: the adapter as saved (defaults filled in) and its sync state. */
export type ApiAdapterView = Body<ApiRoutes['$get']>;
export type ApiAdapter = ApiAdapterView['adapter'];
export type ApiSyncState = ApiAdapterView['sync'];
/** What PUT …/api takes (optional fields may be left out). */
export type ApiAdapterInput = NonNullable<Parameters<ApiRoutes['$put']>[0]>['json'];
/** POST …/api/test: the request sent (secrets masked), the answer and the first items read. */
export type ApiTestResult = Body<ApiRoutes['test']['$post']>;
export type ApiPolledItem = ApiTestResult['items'][number];
/** POST …/api/sync: what one sync did. */
export type ApiSyncResult = Body<ApiRoutes['sync']['$post']>;
/** One request of GET …/api/log. */
export type ApiLogEntry = Body<ApiRoutes['log']['$get']>['data'][number];
/** One lead of GET …/leads (contact masked). */
export type NetworkLead = Body<
  KabinetClient['v1']['network_connections'][':connectionId']['leads']['$get']
>['data'][number];
