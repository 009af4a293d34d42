/** The Operator API's staff answers the staff console shows (types from the server's routes). */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type StaffCall = KabinetClient['v1']['operator']['staff']['$get'];
type MeCall = KabinetClient['v1']['operator']['me']['$get'];
export type StaffUser = SuccessBody<Awaited<ReturnType<StaffCall>>>['items'][number];
export type StaffRole = StaffUser['role'];
export type StaffMe = SuccessBody<Awaited<ReturnType<MeCall>>>;

/** The roles in the order the console offers them (core/http/operator-roles.ts decides what each may do). */
export const STAFF_ROLES: readonly StaffRole[] = ['owner', 'manager', 'finance', 'viewer'];

/** A change that waits for the owner's confirmation in its row. */
export type StaffConfirm =
  | { id: string; action: 'deactivate' | 'reactivate' | 'resetTwoFactor' }
  /** The signed-in owner giving themselves another role: they lose the staff page at once. */
  | { id: string; action: 'demoteSelf'; role: StaffRole };
