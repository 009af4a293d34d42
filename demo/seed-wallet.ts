/**
 * Demo balance corrections: each demo partner gets two from its operator through the wallet's own
 * operation (never by writing rows), so its transactions list has both types beside the bills the
 * bill seed approved: a bonus added twelve days ago and a chargeback subtracted four days ago, in
 * the currency it holds most of. Fixed idempotency keys: seeding again posts nothing new.
 * Runs after the bill seed, so the corrections come in the currency the bills filled most.
 */
import type { AppDeps } from '../core/http/deps.ts';
import { manualClock } from '../core/lib/clock.ts';
import { withTenant } from '../core/lib/context.ts';
import { currencyExponent } from '../core/lib/money.ts';
import { balancesOf } from '../core/modules/ledger/service.ts';
import { correctBalance } from '../core/modules/wallet/correct-balance.ts';
import type { SeedDeps } from './seed-postbacks.ts';

const DAY = 86_400_000;

export async function seedWallet(
  deps: SeedDeps,
  partners: Array<{ operatorId: string; partnerId: string; fallbackCurrency: string }>,
): Promise<Array<{ partnerId: string; currency: string }>> {
  const out = [];
  for (const { operatorId, partnerId, fallbackCurrency } of partners) {
    const now = deps.clock.now().getTime();
    const at = (daysAgo: number) =>
      withTenant({ ...deps, clock: manualClock(new Date(now - daysAgo * DAY)) } as unknown as AppDeps, operatorId);
    const held = await balancesOf(at(0), { partnerId });
    // The currency with the most money in it among those with cents (minor units compare within one
    // exponent), else the operator's own; the bonus comes first, so the chargeback always has cover.
    const most = held
      .filter((b) => currencyExponent(b.currency) === 2)
      .sort((a, b) => b.available.minor - a.available.minor)[0];
    const currency = most?.currency ?? fallbackCurrency;
    await correctBalance(at(12), {
      partnerId,
      action: 'add',
      amount: '500.00',
      currency,
      comment: 'Bonus for the landing page you built for the autumn slots tournament',
      idempotencyKey: 'demo-tournament-bonus',
    });
    await correctBalance(at(4), {
      partnerId,
      action: 'subtract',
      amount: '45.00',
      currency,
      comment: "Chargeback: a player's first deposit was reversed by the card issuer",
      idempotencyKey: 'demo-chargeback',
    });
    out.push({ partnerId, currency });
  }
  return out;
}
