/**
 * The partner's bill types, from the typed client. How a bill's values read (amounts, the coin
 * mark, the period, the state, what a bill not priced yet waits for) is shared with the operator's
 * console: internal/billing/bill-format.ts.
 */
import type { KabinetClient, SuccessBody } from '../../../../core/sdk/index.ts';

type ListCall = KabinetClient['v1']['partner']['bills']['$get'];
type DetailCall = KabinetClient['v1']['partner']['bills'][':billId']['$get'];
export type BillList = SuccessBody<Awaited<ReturnType<ListCall>>>;
export type Bill = BillList['data'][number];
export type BillTotal = BillList['totals'][number];
export type BillDetail = SuccessBody<Awaited<ReturnType<DetailCall>>>;
