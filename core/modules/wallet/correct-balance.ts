/**
 * The operator adds to or subtracts from a partner's available balance, with a comment the partner
 * reads: one ledger transfer (reason `balance_correction`, against the operator's payable account)
 * and its `balance_corrected` audit entry in one batch. The operator's idempotency key becomes the
 * transfer's key, so a retried request posts once and answers the same; a subtraction beyond what
 * is available is refused by the ledger's no-overdraft CHECK and changes nothing.
 */
import type { TenantContext } from '../../lib/context.ts';
import { DomainError, fieldProblem, fieldProblems, moneyProblem, notFound } from '../../lib/errors.ts';
import { formatMoney, MAX_PAYOUT_MINOR, money, MoneyError, parsePayout } from '../../lib/money.ts';
import { partnerExists } from '../identity/partners.ts';
import { balancesOf, openAccount, postTransfer } from '../ledger/service.ts';
import { auditWhen } from '../identity/guarded-audit.ts';
import { presentTransactions } from './list-wallet-transactions.ts';

export interface BalanceCorrectionInput {
  partnerId: string;
  action: 'add' | 'subtract';
  /** A positive decimal string in `currency`. */
  amount: string;
  currency: string;
  comment: string;
  /** The operator's key for this correction (unique per partner). */
  idempotencyKey: string;
}

function minorOf(input: BalanceCorrectionInput): number {
  let minor: number;
  try {
    minor = parsePayout(input.amount, input.currency).minor;
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    throw fieldProblems([
      moneyProblem({ amount: 'body.amount', currency: 'body.currency' }, error, input.currency, MAX_PAYOUT_MINOR),
    ]);
  }
  if (minor <= 0)
    throw fieldProblem('body.amount', 'too_small', 'A correction moves at least one minor unit', { minimum: 0 });
  return minor;
}

/** Posts the correction (or finds the one posted with this key) and answers it as a wallet transaction. */
export async function correctBalance(ctx: TenantContext, input: BalanceCorrectionInput) {
  if (!(await partnerExists(ctx, input.partnerId))) throw notFound('Partner');
  const minor = minorOf(input);
  const { partnerId, currency, action } = input;
  if (action === 'subtract') {
    // No account in the currency holds nothing; refusing here leaves no empty account behind.
    const held = (await balancesOf(ctx, { partnerId })).some((b) => b.currency === currency);
    if (!held) {
      const wanted = formatMoney(money(minor, currency));
      throw fieldProblem('body.amount', 'too_big', `${wanted} ${currency} is more than the 0 ${currency} available`, {
        maximum: formatMoney(money(0, currency)),
      });
    }
  }
  const partner = await openAccount(ctx, { owner: 'partner', partnerId, kind: 'available', currency });
  const operator = await openAccount(ctx, { owner: 'operator', kind: 'payable', currency });
  const [debit, credit] = action === 'add' ? [operator.id, partner.id] : [partner.id, operator.id];
  const detail = { action, amount: formatMoney(money(minor, currency)), currency, comment: input.comment };
  try {
    const { transfer } = await postTransfer(ctx, {
      key: `balance_correction:${partnerId}:${input.idempotencyKey}`,
      debit,
      credit,
      amount: minor,
      currency,
      reason: 'balance_correction',
      action,
      comment: input.comment,
      alongside: (posted) => [
        auditWhen(ctx, {
          when: posted,
          entry: { partnerId, userId: null, type: 'balance_corrected', actor: { kind: 'operator' }, detail },
        }),
      ],
    });
    const [shown] = await presentTransactions(ctx, [transfer]);
    return shown!;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // The ledger names its own fields; the operator sent the key as `idempotencyKey`.
    if (error.errors.some((e) => e.path === 'key'))
      throw fieldProblem('body.idempotencyKey', 'already_exists', 'This key was used for a different correction');
    if (error.errors.length === 0) throw error;
    throw fieldProblems(error.errors.map((e) => ({ ...e, path: `body.${e.path}` })));
  }
}
