/** The operator's cash-out types (from the typed client), the console's filters and what each state allows. */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type V1 = KabinetClient['v1'];
export type OperatorCashOutList = SuccessBody<Awaited<ReturnType<V1['cash_outs']['$get']>>>;
export type OperatorCashOut = OperatorCashOutList['data'][number];
export type CashOutState = OperatorCashOut['state'];
export const CASH_OUT_STATES: readonly CashOutState[] = ['pending', 'success', 'cancelled', 'refunded'];

/** The list's filters: no state is every state. */
export interface CashOutFilters {
  state?: CashOutState;
  partnerId?: string;
}

/** The operator's moves: mark paid (with the reference), cancel, refund. */
export type CashOutMove = 'pay' | 'cancel' | 'refund';

/** What each state allows (the server's moves, so no button is shown that it would refuse). */
export const MOVES_BY_STATE: Record<CashOutState, readonly CashOutMove[]> = {
  pending: ['pay', 'cancel'],
  success: ['refund'],
  cancelled: [],
  refunded: [],
};
