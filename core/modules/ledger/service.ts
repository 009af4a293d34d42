/**
 * The ledger: double-entry accounts per partner × currency (available, pending) and the
 * operator's payable account, and immutable transfers between them. Other modules call these
 * operations (billing credits an approved bill, the wallet pays out); nothing else writes the
 * tables. Invariants live in the database (table.ts, migration 0006), not in a lock here:
 * - every transfer balances: one row debits one account and credits another by the same amount,
 *   and both running sums change in the batch that inserts it;
 * - a partner's available balance never goes below zero (a CHECK on UPDATE: the batch rolls back);
 * - a key posts once (UNIQUE (operator_id, key); the sums move only if this attempt's row exists).
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { insertManyAtomically, rawStatement, type InsertPart, type QueryPart } from '../../db/insert-many.ts';
import type { TenantRead, TenantStore } from '../../lib/context.ts';
import { DomainError, fieldProblem, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { formatMoney, isCurrencyCode, money, type Money } from '../../lib/money.ts';
import { partnerExists } from '../identity/partners.ts';
import {
  TRANSFER_ACTIONS,
  TRANSFER_REASONS,
  ledgerAccounts,
  ledgerTransfers,
  type LedgerAccountRow,
  type LedgerTransferRow,
  type TransferAction,
  type TransferReason,
} from './table.ts';

export { TRANSFER_ACTIONS, TRANSFER_REASONS, type TransferAction, type TransferReason } from './table.ts';
export type LedgerTransfer = LedgerTransferRow;

// core/lib/ids.ts does not list the ledger's prefixes yet (outside this module); the shape is the same.
const ledgerId = (prefix: 'lacc' | 'ltr', ctx: TenantStore) => newId(prefix, ctx.clock);

export interface LedgerAccount {
  id: string;
  owner: 'partner' | 'operator';
  ownerId: string;
  kind: 'available' | 'pending' | 'payable';
  currency: string;
  debitsPosted: number;
  creditsPosted: number;
  /** credits − debits, in minor units (negative for the operator's payable account as it owes). */
  balance: Money;
}

const toAccount = (row: LedgerAccountRow): LedgerAccount => ({
  id: row.id,
  owner: row.owner,
  ownerId: row.ownerId,
  kind: row.kind,
  currency: row.currency,
  debitsPosted: row.debitsPosted,
  creditsPosted: row.creditsPosted,
  balance: money(row.creditsPosted - row.debitsPosted, row.currency),
});

export type OpenAccountInput =
  | { owner: 'partner'; partnerId: string; kind: 'available' | 'pending'; currency: string }
  | { owner: 'operator'; kind: 'payable'; currency: string };

/**
 * Finds or creates an account (safe to call from two processes at once: the unique key decides).
 * A partner's available account always refuses to go below zero.
 */
export async function openAccount(ctx: TenantStore, input: OpenAccountInput): Promise<LedgerAccount> {
  if (!isCurrencyCode(input.currency)) throw fieldProblem('currency', 'unknown_currency', 'Unknown currency');
  const allowed = input.owner === 'partner' ? ['available', 'pending'] : ['payable'];
  if (!allowed.includes(input.kind))
    throw fieldProblem('kind', 'invalid_choice', `A ${input.owner} has ${allowed.join(' and ')} accounts`, { allowed });
  const ownerId = input.owner === 'partner' ? input.partnerId : ctx.operatorId;
  const where = and(
    eq(ledgerAccounts.operatorId, ctx.operatorId),
    eq(ledgerAccounts.owner, input.owner),
    eq(ledgerAccounts.ownerId, ownerId),
    eq(ledgerAccounts.kind, input.kind),
    eq(ledgerAccounts.currency, input.currency),
  );
  const [found] = await ctx.db.select().from(ledgerAccounts).where(where);
  if (found) return toAccount(found);
  if (input.owner === 'partner' && !(await partnerExists(ctx, ownerId))) throw notFound('Partner');
  await ctx.db
    .insert(ledgerAccounts)
    .values({
      id: ledgerId('lacc', ctx),
      operatorId: ctx.operatorId,
      owner: input.owner,
      ownerId,
      kind: input.kind,
      currency: input.currency,
      debitsMustNotExceedCredits: input.owner === 'partner' && input.kind === 'available',
      createdAt: ctx.clock.now(),
    })
    .onConflictDoNothing();
  const [row] = await ctx.db.select().from(ledgerAccounts).where(where);
  return toAccount(row!);
}

export interface PostTransferInput {
  /** Idempotency key, unique per operator: posting it again returns the first transfer. */
  key: string;
  /** Account ids (from openAccount). */
  debit: string;
  credit: string;
  /** Positive integer minor units of `currency`. */
  amount: number;
  currency: string;
  reason: TransferReason;
  action: TransferAction;
  /** What it is for, e.g. a bill id. */
  reference?: string | null;
  /** Words kept with the transfer (a balance correction's comment), at most 1,000 characters. */
  comment?: string | null;
}

/**
 * A transfer as batch parts, for a caller that posts it in its own batch with its own change (a
 * bill's approval): the row, then both running sums, which move only if this attempt's row was
 * inserted. `onlyIf` further conditions the row (e.g. "the bill is approved"); `posted` is the
 * condition "this attempt's row went in", for the caller's parts that must go with it.
 */
export async function planTransfer(
  ctx: TenantStore,
  input: PostTransferInput & { onlyIf?: SQL },
): Promise<{ id: string; parts: Array<InsertPart | QueryPart>; posted: SQL }> {
  const { debit, credit, amount, currency } = input;
  checkTransferInput(input);
  const accounts = await ctx.db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.operatorId, ctx.operatorId), inArray(ledgerAccounts.id, [debit, credit])));
  const debitAccount = accounts.find((a) => a.id === debit);
  const creditAccount = accounts.find((a) => a.id === credit);
  // Another operator's account is simply not found.
  if (!debitAccount) throw new DomainError('not_found', 'The debit account was not found');
  if (!creditAccount) throw new DomainError('not_found', 'The credit account was not found');
  for (const account of [debitAccount, creditAccount])
    if (account.currency !== currency)
      throw fieldProblem(
        'currency',
        'invalid_choice',
        `Account ${account.id} holds ${account.currency}, not ${currency}`,
        {
          allowed: [account.currency],
        },
      );
  const partnerId = partnerOf(debitAccount, creditAccount, input.action);

  const id = ledgerId('ltr', ctx);
  const mine = sql`exists (select 1 from ${ledgerTransfers} where ${ledgerTransfers.id} = ${id})`;
  const bump = (account: string, column: 'debits_posted' | 'credits_posted') =>
    rawStatement(
      sql`update ${ledgerAccounts} set ${sql.identifier(column)} = ${sql.identifier(column)} + ${amount}
        where ${ledgerAccounts.id} = ${account} and ${ledgerAccounts.operatorId} = ${ctx.operatorId} and ${mine}`,
    );
  const row = {
    id,
    operatorId: ctx.operatorId,
    key: input.key,
    debitAccountId: debit,
    creditAccountId: credit,
    amount,
    currency,
    reason: input.reason,
    action: input.action,
    reference: input.reference ?? null,
    partnerId,
    comment: input.comment ?? null,
    createdAt: ctx.clock.now(),
  };
  return {
    id,
    // "This attempt's transfer went in": for the caller's own parts of the batch (its audit entry).
    posted: mine,
    parts: [
      { table: ledgerTransfers, rows: [row], onConflictDoNothing: true, ...(input.onlyIf && { onlyIf: input.onlyIf }) },
      bump(debit, 'debits_posted'),
      bump(credit, 'credits_posted'),
    ],
  };
}

/** Turns a failed CHECK of a batch holding a transfer into the refusal that names the limit. */
export async function explainTransferFailure(
  ctx: TenantStore,
  { transfer: input, error }: { transfer: PostTransferInput; error: unknown },
) {
  if (failedCheck(error, 'ledger_accounts_no_overdraft')) return beyondLimit(ctx, input.debit, input, 'debit');
  if (failedCheck(error, 'ledger_accounts_no_overcredit')) return beyondLimit(ctx, input.credit, input, 'credit');
  return error;
}

/**
 * Posts one transfer in one batch (one SQLite transaction). `created` is false when the key was
 * posted before (with the same content; different content is refused). An overdraft leaves
 * everything as it was. `alongside` adds the caller's own parts to the batch, written only with
 * this attempt's transfer (`posted`), e.g. the audit entry of a balance correction.
 */
export async function postTransfer(
  ctx: TenantStore,
  input: PostTransferInput & { alongside?: (posted: SQL) => Array<InsertPart | QueryPart> },
): Promise<{ transfer: LedgerTransfer; created: boolean }> {
  const { alongside, ...transfer } = input;
  const { id, parts, posted } = await planTransfer(ctx, transfer);
  try {
    await insertManyAtomically(ctx.db, [...parts, ...(alongside?.(posted) ?? [])]);
  } catch (error) {
    throw await explainTransferFailure(ctx, { transfer: input, error });
  }
  const [stored] = await ctx.db
    .select()
    .from(ledgerTransfers)
    .where(and(eq(ledgerTransfers.operatorId, ctx.operatorId), eq(ledgerTransfers.key, input.key)));
  if (!stored) throw new Error(`ledger: transfer ${input.key} missing after its batch`);
  if (stored.id === id) return { transfer: stored, created: true };
  const same =
    stored.debitAccountId === input.debit &&
    stored.creditAccountId === input.credit &&
    stored.amount === input.amount &&
    stored.currency === input.currency &&
    stored.reason === input.reason &&
    stored.action === input.action &&
    stored.reference === (input.reference ?? null) &&
    stored.comment === (input.comment ?? null);
  if (!same) throw fieldProblem('key', 'already_exists', `Key ${input.key} was used for a different transfer`);
  return { transfer: stored, created: false };
}

function checkTransferInput(input: PostTransferInput) {
  if (typeof input.key !== 'string' || input.key.length === 0 || input.key.length > 200)
    throw fieldProblem('key', 'required', 'An idempotency key of 1 to 200 characters is required');
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw fieldProblem('amount', 'too_small', 'The amount is a positive integer of minor units', { minimum: 1 });
  if (!isCurrencyCode(input.currency)) throw fieldProblem('currency', 'unknown_currency', 'Unknown currency');
  if (!TRANSFER_REASONS.includes(input.reason))
    throw fieldProblem('reason', 'invalid_choice', 'Unknown reason', { allowed: [...TRANSFER_REASONS] });
  if (!TRANSFER_ACTIONS.includes(input.action))
    throw fieldProblem('action', 'invalid_choice', 'Unknown action', { allowed: [...TRANSFER_ACTIONS] });
  if (
    input.comment !== undefined &&
    input.comment !== null &&
    (typeof input.comment !== 'string' || input.comment.length > 1000)
  )
    throw fieldProblem('comment', 'too_long', 'A comment has at most 1,000 characters', { maximum: 1000 });
  if (input.debit === input.credit)
    throw fieldProblem('credit', 'invalid_value', 'A transfer moves money between two different accounts');
}

/**
 * The partner whose ledger the transfer belongs to (a transfer never spans two partners), and its
 * action checked against the direction: `add` credits the partner, `subtract` debits it.
 */
function partnerOf(debit: LedgerAccountRow, credit: LedgerAccountRow, action: TransferAction): string | null {
  const debited = debit.owner === 'partner' ? debit.ownerId : null;
  const credited = credit.owner === 'partner' ? credit.ownerId : null;
  if (debited && credited && debited !== credited)
    throw fieldProblem('credit', 'invalid_value', "A transfer moves money within one partner's ledger");
  if (debited && !credited && action !== 'subtract')
    throw fieldProblem('action', 'invalid_choice', "Debiting a partner's account subtracts", { allowed: ['subtract'] });
  if (credited && !debited && action !== 'add')
    throw fieldProblem('action', 'invalid_choice', "Crediting a partner's account adds", { allowed: ['add'] });
  return debited ?? credited;
}

/** Whether the driver's error (libSQL or D1, possibly wrapped) is the named CHECK constraint failing. */
function failedCheck(error: unknown, constraint: string): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (e.message.includes('CHECK constraint failed') && e.message.includes(constraint)) return true;
  }
  return false;
}

/** The refusal of an amount that would take an account past its limit, naming what it could take. */
async function beyondLimit(ctx: TenantStore, accountId: string, input: PostTransferInput, side: 'debit' | 'credit') {
  const [account] = await ctx.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.id, accountId));
  const room =
    side === 'debit' ? account!.creditsPosted - account!.debitsPosted : account!.debitsPosted - account!.creditsPosted;
  const maximum = formatMoney(money(Math.max(0, room), input.currency));
  const wanted = formatMoney(money(input.amount, input.currency));
  const what = side === 'debit' ? 'available' : 'that may be credited';
  return fieldProblem(
    'amount',
    'too_big',
    `${wanted} ${input.currency} is more than the ${maximum} ${input.currency} ${what}`,
    {
      maximum,
    },
  );
}

export interface PartnerBalance {
  currency: string;
  /** What the partner may be paid. */
  available: Money;
  /** Held for cash-outs in flight. */
  pending: Money;
}

/** A partner's balances per currency (currencies with an account), from the posted sums. One query. */
export async function balancesOf(ctx: TenantRead, input: { partnerId: string }): Promise<PartnerBalance[]> {
  const rows = await ctx.db
    .select()
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.operatorId, ctx.operatorId),
        eq(ledgerAccounts.owner, 'partner'),
        eq(ledgerAccounts.ownerId, input.partnerId),
      ),
    );
  const byCurrency = new Map<string, PartnerBalance>();
  for (const row of rows) {
    const entry = byCurrency.get(row.currency) ?? {
      currency: row.currency,
      available: money(0, row.currency),
      pending: money(0, row.currency),
    };
    if (row.kind === 'available' || row.kind === 'pending')
      entry[row.kind] = money(row.creditsPosted - row.debitsPosted, row.currency);
    byCurrency.set(row.currency, entry);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
