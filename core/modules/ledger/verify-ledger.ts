/**
 * An audit of one operator's ledger against its own history: the posted sums each account caches
 * must equal the sums of its transfers, every currency must net to zero over all accounts, and no
 * flagged account may be past its limit. The database's guards make each list empty; this says so
 * from the rows (tests run it after concurrent posting; an operator check may run it any time).
 */
import { eq, sql } from 'drizzle-orm';
import type { TenantRead } from '../../lib/context.ts';
import { ledgerAccounts } from './table.ts';

export interface LedgerAudit {
  accounts: number;
  transfers: number;
  /** Accounts whose cached sums differ from their transfers'. */
  mismatched: Array<{ accountId: string; cached: [number, number]; recomputed: [number, number] }>;
  /** Currencies whose accounts do not sum to zero (credits − debits). */
  unbalanced: Array<{ currency: string; net: number }>;
  /** Accounts past their no-overdraft (or no-overcredit) limit. */
  pastLimit: string[];
}

/** Two reads: the accounts, and the transfers folded per account (one pass over the table). */
export async function verifyLedger(ctx: TenantRead): Promise<LedgerAudit> {
  const accounts = await ctx.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.operatorId, ctx.operatorId));
  const sums = await ctx.db.all<{ account_id: string; debits: number; credits: number; transfers: number }>(sql`
    select account_id, sum(d) as debits, sum(c) as credits, sum(n) as transfers from (
      select debit_account_id as account_id, amount as d, 0 as c, 1 as n from ledger_transfers where operator_id = ${ctx.operatorId}
      union all
      select credit_account_id, 0, amount, 0 from ledger_transfers where operator_id = ${ctx.operatorId}
    ) group by account_id`);
  const byAccount = new Map(sums.map((s) => [s.account_id, s]));
  const audit: LedgerAudit = { accounts: accounts.length, transfers: 0, mismatched: [], unbalanced: [], pastLimit: [] };
  const net = new Map<string, number>();
  for (const a of accounts) {
    const s = byAccount.get(a.id);
    const recomputed: [number, number] = [s?.debits ?? 0, s?.credits ?? 0];
    audit.transfers += s?.transfers ?? 0;
    if (recomputed[0] !== a.debitsPosted || recomputed[1] !== a.creditsPosted)
      audit.mismatched.push({ accountId: a.id, cached: [a.debitsPosted, a.creditsPosted], recomputed });
    net.set(a.currency, (net.get(a.currency) ?? 0) + a.creditsPosted - a.debitsPosted);
    if (
      (a.debitsMustNotExceedCredits && a.debitsPosted > a.creditsPosted) ||
      (a.creditsMustNotExceedDebits && a.creditsPosted > a.debitsPosted)
    )
      audit.pastLimit.push(a.id);
  }
  // A transfer whose account is not among this operator's would be a leak: count it as a mismatch.
  const known = new Set(accounts.map((a) => a.id));
  for (const [accountId, s] of byAccount)
    if (!known.has(accountId)) audit.mismatched.push({ accountId, cached: [0, 0], recomputed: [s.debits, s.credits] });
  for (const [currency, value] of net) if (value !== 0) audit.unbalanced.push({ currency, net: value });
  return audit;
}
