/**
 * Response shapes of the partner account routes, taken from the typed client so a server change
 * breaks the widgets at compile time. Shared by <kb-profile>, <kb-security>, <kb-team>, <kb-activity>.
 */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type Partner = KabinetClient['v1']['partner'];
type BodyOf<F extends (...args: never[]) => unknown> = SuccessBody<Awaited<ReturnType<F>>>;

export type Profile = BodyOf<Partner['profile']['$get']>;
export type ProfileUpdate = NonNullable<Parameters<Partner['profile']['$patch']>[0]>['json'];
export type EmailTopic = keyof Profile['emailPreferences'];
export type PartnerStatus = Profile['partner']['status'];
export type SessionInfo = BodyOf<Partner['sessions']['$get']>['data'][number];
export type StatisticToken = BodyOf<Partner['statistic_token']['$get']>;
export type Member = BodyOf<Partner['team']['$get']>['data'][number];
export type UserRole = Member['role'];
export type InviteInput = NonNullable<Parameters<Partner['team']['$post']>[0]>['json'];
export type ActivityEntry = BodyOf<Partner['activity']['$get']>['data'][number];
export type ActivityType = ActivityEntry['type'];
export type ActivityQuery = NonNullable<Parameters<Partner['activity']['$get']>[0]>['query'];

/** Roles a manager may give; `owner` is the partner's founder and is never assigned. */
export const ASSIGNABLE_ROLES = ['admin', 'analyst', 'finance'] as const satisfies readonly UserRole[];
export const EMAIL_TOPICS = ['news', 'reports', 'payments', 'security'] as const satisfies readonly EmailTopic[];

/** Owners and admins manage the team and the partner's company details. */
export function isManager(role: UserRole | undefined | null): boolean {
  return role === 'owner' || role === 'admin';
}
