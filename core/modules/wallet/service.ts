/**
 * The wallet: a partner's money as the partner and the operator see it. It owns no table: balances
 * and transactions are the ledger's (read through its operations), a transaction's bill is
 * billing's, and a balance correction is a ledger transfer with its audit entry in one batch.
 * Here: balances per currency; list-wallet-transactions.ts and correct-balance.ts hold the rest.
 */
import type { PartnerRead, TenantRead } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { formatMoney } from '../../lib/money.ts';
import { isCoin } from '../billing/coins.ts';
import { partnerExists } from '../identity/partners.ts';
import { balancesOf } from '../ledger/service.ts';

async function balancesFor(ctx: TenantRead, partnerId: string) {
  const balances = await balancesOf(ctx, { partnerId });
  return {
    data: balances.map((b) => ({
      currency: b.currency,
      coin: isCoin(b.currency),
      available: formatMoney(b.available),
      pending: formatMoney(b.pending),
    })),
  };
}

/** The signed-in partner's balances per currency (available, pending). */
export const getBalances = (ctx: PartnerRead) => balancesFor(ctx, ctx.partner.partnerId);

/** One partner's balances, for the operator (another operator's partner answers 404). */
export async function getPartnerBalances(ctx: TenantRead, input: { partnerId: string }) {
  if (!(await partnerExists(ctx, input.partnerId))) throw notFound('Partner');
  return balancesFor(ctx, input.partnerId);
}
