/**
 * The hold every cash-out begins with, whoever asks (the partner by hand, or a schedule on its
 * behalf): the row, the available → pending transfer and the audit entry in one batch. The unique
 * key (partner, idempotency key) and the ledger's no-overdraft CHECK decide races in the database.
 */
import { and, eq, sql } from 'drizzle-orm';
import { insertManyAtomically } from '../../db/insert-many.ts';
import type { TenantContext, TenantRead } from '../../lib/context.ts';
import { DomainError, fieldProblems } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { formatMoney, money } from '../../lib/money.ts';
import type { AuditInput } from '../identity/audit.ts';
import { explainTransferFailure, openAccount, planTransfer, type PostTransferInput } from '../ledger/service.ts';
import { auditWhen } from '../identity/guarded-audit.ts';
import { cashOuts } from './table.ts';

/** The partner's cash-out asked for under this key, or null. */
export async function findCashOutByKey(ctx: TenantRead, input: { partnerId: string; key: string }) {
  const { partnerId, key } = input;
  const [row] = await ctx.db
    .select()
    .from(cashOuts)
    .where(
      and(eq(cashOuts.operatorId, ctx.operatorId), eq(cashOuts.partnerId, partnerId), eq(cashOuts.idempotencyKey, key)),
    );
  return row ?? null;
}

/** What a hold needs: the partner, where the money goes and who asks (a user, or the system for a schedule). */
export interface HoldInput {
  partnerId: string;
  account: { id: string; summary: string };
  method: { id: string; name: string };
  currency: string;
  minor: number;
  idempotencyKey: string;
  /** The user asking; null when a schedule asks on the partner's behalf. */
  userId: string | null;
  actor: AuditInput['actor'];
  /** Added to the audit entry's detail (a schedule names itself). */
  detail?: Record<string, string>;
}

/**
 * The hold: the cash-out row, the available → pending transfer and the audit entry in one batch.
 * Answers the row stored under the key afterwards, and whether this call's row is the one that
 * went in (a racing twin with the same key inserts nothing, and neither does its transfer).
 */
export async function holdCashOut(ctx: TenantContext, input: HoldInput) {
  const { partnerId, account, method, currency, minor, userId } = input;
  const available = await openAccount(ctx, { owner: 'partner', partnerId, kind: 'available', currency });
  const pending = await openAccount(ctx, { owner: 'partner', partnerId, kind: 'pending', currency });
  const id = newId('cout', ctx.clock);
  const now = ctx.clock.now();
  const mine = sql`exists (select 1 from ${cashOuts} where ${cashOuts.id} = ${id})`;
  const transfer: PostTransferInput = {
    key: `cash_out:${partnerId}:${input.idempotencyKey}`,
    debit: available.id,
    credit: pending.id,
    amount: minor,
    currency,
    reason: 'cash_out',
    action: 'subtract',
    reference: id,
  };
  const plan = await planTransfer(ctx, { ...transfer, onlyIf: mine });
  const row = {
    id,
    operatorId: ctx.operatorId,
    partnerId,
    paymentAccountId: account.id,
    methodId: method.id,
    methodName: method.name,
    accountSummary: account.summary,
    currency,
    amount: minor,
    state: 'pending' as const,
    idempotencyKey: input.idempotencyKey,
    requestedByUserId: userId,
    createdAt: now,
    updatedAt: now,
  };
  const detail = {
    cashOutId: id,
    amount: formatMoney(money(minor, currency)),
    currency,
    method: method.name,
    ...input.detail,
  };
  try {
    // The row first (a racing twin with this key inserts nothing), then the hold only with this
    // row: an overdraft fails the CHECK and the whole batch, row included, rolls back.
    await insertManyAtomically(ctx.db, [
      { table: cashOuts, rows: [row], onConflictDoNothing: true },
      ...plan.parts,
      auditWhen(ctx, {
        when: plan.posted,
        entry: { partnerId, userId, type: 'cash_out_requested', actor: input.actor, detail },
      }),
    ]);
  } catch (error) {
    const explained = await explainTransferFailure(ctx, { transfer, error });
    if (explained instanceof DomainError)
      throw fieldProblems(explained.errors.map((e) => ({ ...e, path: `body.${e.path}` })));
    throw explained;
  }
  const stored = await findCashOutByKey(ctx, { partnerId, key: input.idempotencyKey });
  if (!stored) throw new Error(`wallet: cash-out ${id} missing after its batch`);
  return { stored, created: stored.id === id };
}
