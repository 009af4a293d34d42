/** Types of the plans console, from the typed client (the Operator API's plans and partners). */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type V1 = KabinetClient['v1'];
type BodyOf<F extends (...args: never[]) => unknown> = SuccessBody<Awaited<ReturnType<F>>>;

/** A plan as the operator sees it: `current` and `scheduled` versions with typed terms and words. */
export type OperatorPlan = BodyOf<V1['plans']['$get']>['data'][number];
/** Terms as the API takes and gives them (amounts and percentages as decimal strings). */
export type PlanTerms = NonNullable<NonNullable<OperatorPlan['current']>['terms']>;
/** A partner account as `GET /v1/partners` lists it. */
export type PartnerSummary = BodyOf<V1['partners']['$get']>['data'][number];
/** A brand as `GET /v1/brands` lists it (for the CPA amounts' brand picker). */
export type BrandSummary = { id: string; name: string };
/** The parts of the terms the form edits, each switched on or off. */
export type TermsPart = 'cpa' | 'revshare' | 'cpl' | 'tiers' | 'subAffiliate';
export const TERMS_PARTS: readonly TermsPart[] = ['cpa', 'revshare', 'cpl', 'tiers', 'subAffiliate'];
/** What a volume tier's step pays: a CPA amount (needs CPA terms) or a RevShare percentage (needs RevShare). */
export type StepKind = 'cpa' | 'percent';
/** Sub-affiliate commission reaches at most this many levels (as the API allows). */
export const MAX_LEVELS = 5;
/** The most rows the API takes: CPA amounts, CPL amounts, tier steps. */
export const MAX_ROWS = { cpa: 50, cpl: 250, steps: 20 } as const;
