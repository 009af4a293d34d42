/**
 * The wallet's transaction types and the ledger reasons behind them. A bill's approval and a
 * correction of an approved bill are both "bill" (money from that bill); the operator's own change
 * of a balance is "balance_correction"; a cash-out's hold and its release when cancelled are
 * "cash_out", a paid cash-out's money coming back is "refund".
 */
import type { TransferReason } from '../ledger/service.ts';

export const WALLET_TRANSACTION_TYPES = ['bill', 'balance_correction', 'cash_out', 'refund'] as const;
export type WalletTransactionType = (typeof WALLET_TRANSACTION_TYPES)[number];

const REASONS: Record<WalletTransactionType, readonly TransferReason[]> = {
  bill: ['bill', 'correction'],
  balance_correction: ['balance_correction'],
  cash_out: ['cash_out'],
  refund: ['refund'],
};

/** The ledger reasons of these types. */
export const reasonsOf = (types: readonly WalletTransactionType[]): TransferReason[] =>
  types.flatMap((t) => REASONS[t]);

/** The type a transfer shows as. */
export function typeOf(reason: TransferReason): WalletTransactionType {
  for (const type of WALLET_TRANSACTION_TYPES) if (REASONS[type].includes(reason)) return type;
  throw new Error(`wallet: no transaction type for the ledger reason ${reason}`);
}
