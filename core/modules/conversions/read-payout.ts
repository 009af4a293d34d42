/**
 * A payout as any sender writes it (tracker `payout`/`currency`, network `pay`/`cc`, operator
 * `payout`/`currency`), read by the one rule in `parsePayout`; a refusal names the parameter
 * that is wrong, so every endpoint refuses the same value with the same words.
 */
import { fieldProblems, moneyProblem } from '../../lib/errors.ts';
import { MAX_PAYOUT_MINOR, MoneyError, parsePayout } from '../../lib/money.ts';

export function readPayout(
  amount: string,
  currency: string,
  paths: { amount: string; currency: string },
): { minor: number; currency: string } {
  try {
    const value = parsePayout(amount, currency);
    return { minor: value.minor, currency: value.currency };
  } catch (error) {
    if (!(error instanceof MoneyError)) throw error;
    throw fieldProblems([moneyProblem(paths, error, currency, MAX_PAYOUT_MINOR)]);
  }
}
