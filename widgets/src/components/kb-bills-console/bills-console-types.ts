/**
 * The operator's bill types (from the typed client) and what each state allows. How a bill's values
 * read is shared with the partner's `<kb-bills>`: internal/billing/bill-format.ts.
 */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type V1 = KabinetClient['v1'];
export type OperatorBillList = SuccessBody<Awaited<ReturnType<V1['bills']['$get']>>>;
export type OperatorBill = OperatorBillList['data'][number];
export type OperatorBillDetail = SuccessBody<Awaited<ReturnType<V1['bills'][':billId']['$get']>>>;
export type BillAction = 'approve' | 'hold' | 'cancel' | 'mark_paid';
export type BillState = OperatorBill['state'];

/** What each state allows (the server's moves, so no button is shown that it would refuse). */
export const ACTIONS_BY_STATE: Record<BillState, readonly BillAction[]> = {
  pending: ['approve', 'hold', 'cancel'],
  on_hold: ['approve', 'cancel'],
  approved: ['mark_paid'],
  cancelled: [],
  paid: [],
};
/** States a correction may still change. */
export const CORRECTABLE: readonly BillState[] = ['pending', 'on_hold', 'approved'];
