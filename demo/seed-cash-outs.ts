/**
 * Demo cash-outs: each demo partner has one in every state, asked for and moved through the
 * wallet's own operations (never by writing rows), so its Cash-outs view, its transactions and the
 * operator's payment run show the whole life of one:
 * - paid ten days ago (with the payment system's reference);
 * - paid, then refunded when the payment came back;
 * - cancelled by the partner;
 * - cancelled by the operator;
 * - pending since yesterday (the operator's CSV for the payment run has it).
 * The amounts go to the partner's accounts whose methods pay them (an e-wallet for the small ones,
 * the bank for the pending one when its minimum allows). The demo partner has no 2FA (its sign-in
 * would ask for a code), so the hold is the wallet's own, without the second factor a partner's
 * request needs. A small seed's partner has little money: each takes at most its share of the
 * starting balance (whole units), and one its methods' minimums refuse is left out.
 * Fixed keys: seeding again asks for nothing new and moves nothing twice.
 *
 * And an automatic cash-out: weekly to the e-wallet, 50 to 1,000, on the weekday two days before
 * the seeding day (in the operator's zone), so the schedule shows its next date and no cash-out of
 * its own appears while a freshly seeded demo is being looked at or tested.
 */
import type { AppDeps } from '../core/http/deps.ts';
import { manualClock } from '../core/lib/clock.ts';
import { withPartner, withTenant, type PartnerPrincipal } from '../core/lib/context.ts';
import { DomainError } from '../core/lib/errors.ts';
import { currencyExponent, parsePayout } from '../core/lib/money.ts';
import { balancesOf } from '../core/modules/ledger/service.ts';
import { listPaymentAccounts } from '../core/modules/payments/accounts.ts';
import {
  cancelCashOut,
  cancelOwnCashOut,
  markCashOutPaid,
  payableTo,
  refundCashOut,
} from '../core/modules/wallet/cashouts.ts';
import { holdCashOut } from '../core/modules/wallet/hold-cash-out.ts';
import { isoWeekday, localDateOf } from '../core/modules/cash-out-schedules/calendar.ts';
import { savePartnerSchedule } from '../core/modules/cash-out-schedules/save-schedule.ts';
import { DEMO_OPERATORS } from './demo-operators.ts';
import type { SeedDeps } from './seed-postbacks.ts';

const DAY = 86_400_000;

type Step = 'paid' | 'refunded' | 'cancelled_by_partner' | 'cancelled_by_operator' | 'pending';
interface DemoCashOut {
  key: string;
  amount: string;
  /**
   * The most of the starting balance it may take (a small seed has little money), in percent. Each
   * one ends before the next is asked for, so only the paid one's 30% is gone when the others ask.
   */
  share: number;
  daysAgo: number;
  ends: Step;
  /** Prefer the bank (its minimum is higher); otherwise the first account that pays the amount. */
  bank?: boolean;
}

const CASH_OUTS: DemoCashOut[] = [
  { key: 'demo-cash-out-paid', amount: '150.00', share: 30, daysAgo: 10, ends: 'paid' },
  { key: 'demo-cash-out-refunded', amount: '60.00', share: 20, daysAgo: 9, ends: 'refunded' },
  { key: 'demo-cash-out-cancelled-partner', amount: '75.00', share: 20, daysAgo: 5, ends: 'cancelled_by_partner' },
  { key: 'demo-cash-out-cancelled-operator', amount: '90.00', share: 20, daysAgo: 3, ends: 'cancelled_by_operator' },
  { key: 'demo-cash-out-pending', amount: '120.00', share: 40, daysAgo: 1, ends: 'pending', bank: true },
];

export async function seedCashOuts(deps: SeedDeps, partners: Array<{ partnerId: string; currency: string }>) {
  for (const { partnerId, currency } of partners) {
    const demo = DEMO_OPERATORS.find((o) => o.partnerId === partnerId);
    if (!demo) throw new Error(`No demo operator for ${partnerId}`);
    const owner: PartnerPrincipal = {
      operatorId: demo.id,
      partnerId,
      userId: demo.userId,
      email: demo.signInEmail,
      role: 'owner',
      sessionId: 'demo-seed',
      kind: 'password',
      transport: 'bearer',
      components: null,
    };
    const now = deps.clock.now().getTime();
    const at = (daysAgo: number) =>
      ({ ...deps, clock: manualClock(new Date(now - daysAgo * DAY)) }) as unknown as AppDeps;
    const accounts = await listPaymentAccounts(withPartner(deps, owner));
    const eWallet = accounts.find((a) => a.method.kind !== 'bank_transfer' && a.method.kind !== 'crypto_wallet');
    if (eWallet)
      await savePartnerSchedule(withTenant(at(0), demo.id), {
        partnerId,
        paymentAccountId: eWallet.id,
        currency,
        kind: 'weekly',
        weekdays: [isoWeekday(localDateOf(now - 2 * DAY, demo.timeZone))],
        min: '50',
        max: '1000',
        enabled: true,
      });
    const balances = await balancesOf(withTenant(at(0), demo.id), { partnerId });
    const start = balances.find((b) => b.currency === currency)?.available.minor ?? 0;
    for (const plan of CASH_OUTS) {
      const tenant = withTenant(at(plan.daysAgo), demo.id);
      // The plan's amount, or its share of the starting balance in whole units when that is less.
      const unit = 10 ** currencyExponent(currency);
      const share = Math.floor((start * plan.share) / 100 / unit) * unit;
      const minor = Math.min(parsePayout(plan.amount, currency).minor, share);
      if (minor <= 0) continue;
      // The accounts whose methods pay this amount in this currency, the bank first when asked for.
      const fitting = [];
      for (const account of accounts) {
        try {
          fitting.push(await payableTo(tenant, { partnerId, paymentAccountId: account.id, currency, minor }));
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      const banks = fitting.filter((f) => f.method.kind === 'bank_transfer');
      const chosen = (plan.bank ? banks[0] : undefined) ?? fitting.find((f) => f.method.kind !== 'bank_transfer');
      if (!chosen) continue;
      let held;
      try {
        held = await holdCashOut(tenant, {
          partnerId,
          account: chosen.account,
          method: chosen.method,
          currency,
          minor,
          idempotencyKey: plan.key,
          userId: demo.userId,
          actor: { kind: 'user', userId: demo.userId },
        });
      } catch (error) {
        // The balance does not cover it (a small seed): the demo has the cash-outs it can pay for.
        if (error instanceof DomainError) continue;
        throw error;
      }
      if (!held.created) continue;
      await finish(plan, held.stored.id, { at, operatorId: demo.id, owner });
    }
  }
}

/** Moves a new demo cash-out to its last state, each move a day or two after the one before. */
async function finish(
  plan: DemoCashOut,
  cashOutId: string,
  o: { at: (daysAgo: number) => AppDeps; operatorId: string; owner: PartnerPrincipal },
) {
  const operator = (daysAgo: number) => withTenant(o.at(daysAgo), o.operatorId);
  const reference = `PAY-${plan.key.slice('demo-cash-out-'.length).toUpperCase()}-${cashOutId.slice(-6)}`;
  if (plan.ends === 'paid' || plan.ends === 'refunded')
    await markCashOutPaid(operator(plan.daysAgo - 2), { cashOutId, reference });
  if (plan.ends === 'refunded') await refundCashOut(operator(plan.daysAgo - 3), { cashOutId });
  if (plan.ends === 'cancelled_by_partner')
    await cancelOwnCashOut(withPartner(o.at(plan.daysAgo - 1), o.owner), { cashOutId });
  if (plan.ends === 'cancelled_by_operator') await cancelCashOut(operator(plan.daysAgo - 1), { cashOutId });
}
