/**
 * Shapes of the partner postback routes, taken from the typed client so a server change breaks
 * the postback widgets at compile time. Shared by <kb-postbacks>, <kb-postback-editor> and
 * <kb-postback-log>.
 */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type Routes = KabinetClient['v1']['partner']['postbacks'];
type BodyOf<F extends (...args: never[]) => unknown> = SuccessBody<Awaited<ReturnType<F>>>;

export type Postback = BodyOf<Routes['$get']>['data'][number];
export type PostbackQuery = NonNullable<Parameters<Routes['$get']>[0]>['query'];
export type PostbackInput = NonNullable<Parameters<Routes['$post']>[0]>['json'];
export type PostbackChange = NonNullable<Parameters<Routes[':postbackId']['$patch']>[0]>['json'];
export type PostbackScope = Postback['scope'];
export type PostbackAction = Postback['action'];
export type PostbackMethod = Postback['method'];
export type BodyFormat = NonNullable<Postback['bodyFormat']>;
type ServerProblem = Postback['warnings'][number];
/** A template problem: from /validate with its code and values; from a 422 with the message only. */
export type TemplateProblem = Omit<ServerProblem, 'code' | 'params'> & Partial<Pick<ServerProblem, 'code' | 'params'>>;
export type BuiltInMacro = BodyOf<Routes['validate']['$post']>['builtIns'][number];
export type PostbackPreview = BodyOf<Routes['preview']['$post']>;
export type PreviewInput = NonNullable<Parameters<Routes['preview']['$post']>[0]>['json'];
export type PostbackTestResult = BodyOf<Routes[':postbackId']['test']['$post']>;
export type PostbackAttempt = BodyOf<Routes['log']['$get']>['data'][number];
export type PostbackLogQuery = NonNullable<Parameters<Routes['log']['$get']>[0]>['query'];

export const POSTBACK_SCOPES = ['account', 'campaign', 'promo'] as const satisfies readonly PostbackScope[];

/** The server's POSTBACK_ACTIONS in its order; a missing or extra one fails the label maps' type check. */
export const POSTBACK_ACTIONS = [
  'registration',
  'first_deposit',
  'deposit',
  'withdrawal',
  'wager',
  'ngr',
  'chargeback',
  'lead',
  'sale',
  'rejected',
  'custom',
  'qualification',
] as const satisfies readonly PostbackAction[];

/** The server's BUILT_IN_MACROS in its order (the chips' order). */
export const BUILT_IN_MACROS = [
  'visit_id',
  'promo_id',
  'promo_code',
  'campaign_id',
  'campaign_name',
  'player_id',
  'event_id',
  'action',
  'amount',
  'currency',
  'payout',
  'payout_currency',
  'country',
  'occurred_at',
  'brand_id',
  'partner_id',
  'transaction_id',
  'status',
  'timestamp',
] as const satisfies readonly BuiltInMacro[];
