/**
 * Demo bills: each demo operator's plans billed as the hourly billing run bills them (every closed
 * period from the first seeded event), then reviewed as an operator reviews them, through the bill
 * operations (never by writing rows): most bills that ended over five weeks ago approved (which
 * credits the partner's ledger), those over nine weeks old marked paid, two put on hold, one
 * cancelled with its reason, and corrections that add and subtract (one on an approved bill: it
 * moves the ledger at once). Newer bills, the latest period's among them, stay pending; a bill
 * that waits for an exchange rate the demo does not have (BTC is published on Mondays only) waits.
 * Runs last: it bills the events, qualifications and rates the other seeds wrote.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../core/http/deps.ts';
import { createOutbox } from '../core/jobs/outbox.ts';
import { withTenant, type TenantContext } from '../core/lib/context.ts';
import { formatMoney, money } from '../core/lib/money.ts';
import { addDays, localDateAt } from '../core/lib/time-zones.ts';
import { addBillCorrection, changeBillState, type BillAction } from '../core/modules/billing/bill-actions.ts';
import { runBilling } from '../core/modules/billing/run-billing.ts';
import { billLines, bills, type BillRow } from '../core/modules/billing/table.ts';
import { commissionPlans } from '../core/modules/commissions/table.ts';
import { partners } from '../core/modules/identity/table.ts';
import { findOperatorTimeZone } from '../core/modules/operators/service.ts';
import type { SeedDeps } from './seed-postbacks.ts';
import { demoAmountMinor, prng } from './seed-tracking.ts';

const HOLD_REASONS = [
  "On hold until the partner sends its traffic sources for the players' country",
  'On hold: two players share a card with an account blocked last month',
];
const CANCEL_REASON = 'Cancelled: incentivised traffic (players paid to sign up), against the programme terms';

export interface BillSeedResult {
  operatorId: string;
  issued: number;
  approved: number;
  paid: number;
  held: number;
  cancelled: number;
  corrected: number;
}

/** Bills each operator and reviews its bills. `maxParams` as for the other seeds (32,000 on libSQL). */
export async function seedBills(
  deps: SeedDeps,
  operatorIds: string[],
  options: { maxParams?: number } = {},
): Promise<BillSeedResult[]> {
  // Billing enqueues qualification postbacks (the demo's are switched off) and sizes its batches.
  const jobs = createOutbox(deps.db, deps.clock, undefined, options.maxParams ? { maxParams: options.maxParams } : {});
  const base = { ...deps, jobs, ...(options.maxParams ? { maxBoundParams: options.maxParams } : {}) } as AppDeps;
  const results: BillSeedResult[] = [];
  for (const operatorId of operatorIds) {
    const ctx = withTenant(base, operatorId);
    const run = await runBilling(ctx);
    results.push({ operatorId, issued: run.issued, ...(await reviewBills(ctx)) });
  }
  return results;
}

interface Listed extends BillRow {
  planName: string;
  partnerName: string;
}

const toPay = (b: BillRow) => b.issuedMinor + b.correctionsMinor;

async function reviewBills(ctx: TenantContext) {
  const random = prng(4_2026);
  const zone = await findOperatorTimeZone(ctx);
  const today = localDateAt(zone, ctx.clock.now().getTime());
  // Bill ids are random: the review goes by period, plan and partner names, so every run picks the same bills.
  const rows: Listed[] = (
    await ctx.db
      .select({ bill: bills, planName: commissionPlans.name, partnerName: partners.name })
      .from(bills)
      .innerJoin(commissionPlans, eq(commissionPlans.id, bills.planId))
      .innerJoin(partners, eq(partners.id, bills.partnerId))
      .where(eq(bills.operatorId, ctx.operatorId))
  )
    .map((r) => ({ ...r.bill, planName: r.planName, partnerName: r.partnerName }))
    .sort(
      (a, b) =>
        a.periodStart.localeCompare(b.periodStart) ||
        a.planName.localeCompare(b.planName) ||
        a.partnerName.localeCompare(b.partnerName) ||
        a.brandId.localeCompare(b.brandId) ||
        a.source.localeCompare(b.source),
    );
  const latestEnd = new Map<string, string>();
  for (const b of rows) if ((latestEnd.get(b.planId) ?? '') < b.periodEnd) latestEnd.set(b.planId, b.periodEnd);
  const open = (b: Listed) => b.state === 'pending' && b.waitingFor === null && toPay(b) > 0;
  const isLatest = (b: Listed) => latestEnd.get(b.planId) === b.periodEnd;

  // Each operation at its own instant, held still while it runs: the bill's change and its audit
  // entry are matched by that instant (a clock that moves during the operation loses the entry).
  let last = 0;
  const at = (): TenantContext => {
    const instant = new Date(Math.max(ctx.clock.now().getTime(), last + 1));
    last = instant.getTime();
    return { ...ctx, clock: { now: () => instant } };
  };
  const move = (b: Listed, action: BillAction, comment?: string) =>
    changeBillState(at(), { billId: b.id, action, ...(comment && { comment }) });
  const correct = (b: Listed, action: 'add' | 'subtract', minor: number, comment: string) =>
    addBillCorrection(at(), {
      billId: b.id,
      action,
      amount: formatMoney(money(minor, b.currency)),
      comment,
    });
  const count = { approved: 0, paid: 0, held: 0, cancelled: 0, corrected: 0 };

  // Corrections the operator made while the bills were still pending.
  // A bonus on the latest bill that covers Black Friday (else the latest period's largest bill).
  const latest = rows.filter((b) => open(b) && isLatest(b));
  const blackFriday = blackFridayOf(Number(today.slice(0, 4)));
  const fridayBill = largest(latest.filter((b) => b.periodStart <= blackFriday && blackFriday < b.periodEnd));
  const bonusBill = fridayBill ?? largest(latest);
  if (bonusBill) {
    const comment = fridayBill ? 'Bonus for the Black Friday campaign' : 'Bonus for the month-end tournament campaign';
    await correct(bonusBill, 'add', demoAmountMinor(bonusBill.currency, 250, true), comment);
    count.corrected += 1;
  }
  // One player's CPA taken off a pending bill that is not the latest (it stays pending).
  const cpaUnits = await cpaUnitOf(
    ctx,
    rows.filter((b) => open(b) && !isLatest(b)),
  );
  const fraudBill = [...cpaUnits.keys()].at(-1);
  if (fraudBill) {
    const unit = cpaUnits.get(fraudBill)!;
    await correct(fraudBill, 'subtract', unit, "Fraud traffic removed: one player's deposits were charged back");
    count.corrected += 1;
  }

  // The review of everything that ended over five weeks ago.
  const reviewUntil = addDays(today, -35);
  const due = rows.filter((b) => open(b) && !isLatest(b) && b.periodEnd <= reviewUntil);
  const picked = new Set<string>();
  const pick = (from: Listed[]) => {
    const left = from.filter((b) => !picked.has(b.id));
    const chosen = left[Math.floor(random() * left.length)];
    if (chosen) picked.add(chosen.id);
    return chosen;
  };
  const cancel = pick(due.filter((b) => b.planName.startsWith('CPA'))) ?? pick(due);
  if (cancel) {
    await move(cancel, 'cancel', CANCEL_REASON);
    count.cancelled += 1;
  }
  const recent = due.filter((b) => b.periodEnd > addDays(reviewUntil, -21));
  for (const [n, reason] of HOLD_REASONS.entries()) {
    const hold = pick(n === 0 ? recent : due);
    if (!hold) continue;
    await move(hold, 'hold', reason);
    count.held += 1;
    // The partner sent what was missing for the first: its bill gets what the tracker had lost.
    if (n === 0) {
      await correct(
        hold,
        'add',
        demoAmountMinor(hold.currency, 120, true),
        'Added: deposits the tracker missed during its outage',
      );
      count.corrected += 1;
    }
  }
  const approved: Listed[] = [];
  for (const b of due) {
    if (picked.has(b.id)) continue;
    approved.push({ ...b, ...(await move(b, 'approve')) });
    count.approved += 1;
  }
  // Paid: what ended over nine weeks ago. Approved and not paid yet: a correction moves the ledger.
  const payUntil = addDays(today, -63);
  for (const b of approved) {
    if (b.periodEnd > payUntil) continue;
    await move(b, 'mark_paid');
    count.paid += 1;
  }
  const unpaid = largest(approved.filter((b) => b.periodEnd > payUntil));
  const minor = unpaid && Math.min(demoAmountMinor(unpaid.currency, 180, true), Math.floor(toPay(unpaid) / 2));
  if (unpaid && minor) {
    await correct(unpaid, 'subtract', minor, 'Fraud traffic removed: duplicate accounts from one device');
    count.corrected += 1;
  }
  return count;
}

/** Roughly in euros (the demo's own rates), so bills in different currencies compare. */
const euros = (b: BillRow) => (toPay(b) / demoAmountMinor(b.currency, 1000, false)) * 1000;
const largest = (from: Listed[]) =>
  from.reduce<Listed | undefined>((best, b) => (best && euros(best) >= euros(b) ? best : b), undefined);

/** The Friday after the fourth Thursday of November. */
function blackFridayOf(year: number): string {
  const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - firstWeekday + 7) % 7);
  return `${year}-11-${String(firstThursday + 22).padStart(2, '0')}`;
}

/** The amount of one player of each bill's CPA lines (bills with at least two players), in bill order. */
async function cpaUnitOf(ctx: TenantContext, from: Listed[]): Promise<Map<Listed, number>> {
  const out = new Map<Listed, number>();
  const ids = from.map((b) => b.id);
  if (ids.length === 0) return out;
  const lines = [];
  const chunk = Math.max(1, (ctx.maxBoundParams ?? 100) - 2);
  for (let i = 0; i < ids.length; i += chunk)
    lines.push(
      ...(await ctx.db
        .select()
        .from(billLines)
        .where(and(inArray(billLines.billId, ids.slice(i, i + chunk)), eq(billLines.kind, 'cpa')))),
    );
  for (const b of from) {
    const line = lines.find((l) => l.billId === b.id && (l.quantity ?? 0) >= 2);
    if (line) out.set(b, Math.floor(line.amountMinor / line.quantity!));
  }
  return out;
}
