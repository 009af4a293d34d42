/**
 * One place where conversions change, whoever reports it (a tracker, a CPA network, the
 * operator): find the conversion by its dedupe key or create it attributed through its click,
 * apply the status state machine, log the raw values and any warning, and owe the partner's
 * postbacks for the change — all written in one batch.
 *
 * State machine: hold → approve | cancel | trash; approve → cancel | trash (a reversal after
 * approval); cancel and trash are final. A repeat of the current status with the same payout is
 * a duplicate (counted once). An unknown status is kept raw with a warning, never dropped.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ServiceContext, TenantContext } from '../../lib/context.ts';
import { insertManyAtomically } from '../../db/insert-many.ts';
import { preparedOnce } from '../../db/prepared-queries.ts';
import { DomainError } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { formatStoredAmount } from '../../lib/money.ts';
import { planPostbacks, type PostbackAction } from '../postbacks/plan-postbacks.ts';
import { clickAttributions } from '../tracking/service.ts';
import { conversionChanges, conversions, type ConversionStatus } from './table.ts';

const NEXT: Record<ConversionStatus, readonly ConversionStatus[]> = {
  hold: ['approve', 'cancel', 'trash'],
  approve: ['cancel', 'trash'],
  cancel: [],
  trash: [],
};
export const canMove = (from: ConversionStatus, to: ConversionStatus) => NEXT[from].includes(to);

/** Which partner postback action a conversion's status fires. */
export const ACTION_FOR_STATUS: Record<ConversionStatus, PostbackAction> = {
  hold: 'lead',
  approve: 'sale',
  cancel: 'rejected',
  trash: 'rejected',
};

export type ConversionRow = typeof conversions.$inferSelect;
export type ChangeOutcome = 'created' | 'changed' | 'duplicate' | 'refused' | 'unknown_status';

/** What a sender reports about one conversion of the context's operator. */
export interface ConversionReport {
  source: 'tracker' | 'network' | 'operator';
  connectionId: string | null;
  /** Identity of the conversion at its source (see the table's comment). */
  dedupeKey: string;
  externalId: string | null;
  clickId: string | null;
  /** null: the sender's status was not recognised (`rawStatus` says what it was). */
  status: ConversionStatus | null;
  rawStatus: string | null;
  payout: { minor: number; currency: string } | null;
  comment?: string | null;
  reason?: string | null;
  received?: Record<string, string>;
}

export interface ChangeResult {
  outcome: ChangeOutcome;
  conversion: ConversionRow;
  warning: string | null;
}

function postbackTrigger(row: ConversionRow) {
  return {
    partnerId: row.partnerId!,
    campaignId: row.campaignId,
    promoId: row.promoId,
    clickId: row.clickId,
    action: ACTION_FOR_STATUS[row.status],
    triggerKey: `conversion:${row.id}:${row.revision}`,
    at: row.updatedAt,
    values: {
      event_id: row.id,
      status: row.status,
      transaction_id: row.externalId,
      payout: formatStoredAmount(row.payoutMinor, row.currency),
      payout_currency: row.currency,
    },
  };
}

async function findExisting(ctx: TenantContext, report: ConversionReport): Promise<ConversionRow | undefined> {
  const values = { operatorId: ctx.operatorId, source: report.source, dedupeKey: report.dedupeKey };
  // Every tracker and network postback reads this first: its query is built once (two shapes).
  const [row] = report.connectionId
    ? await preparedOnce(ctx.db, 'conversions.byConnectionReport', (db) =>
        db
          .select()
          .from(conversions)
          .where(and(sameReport, eq(conversions.connectionId, sql.placeholder('connectionId'))))
          .prepare(),
      ).all({ ...values, connectionId: report.connectionId })
    : await preparedOnce(ctx.db, 'conversions.byOperatorReport', (db) =>
        db
          .select()
          .from(conversions)
          .where(and(sameReport, isNull(conversions.connectionId)))
          .prepare(),
      ).all(values);
  return row;
}

/** The same report of the same source, the connection apart (findExisting's placeholders). */
const sameReport = and(
  eq(conversions.operatorId, sql.placeholder('operatorId')),
  eq(conversions.source, sql.placeholder('source')),
  eq(conversions.dedupeKey, sql.placeholder('dedupeKey')),
);

/** A report to apply, and what the caller already knows about it. */
export interface RecordInput {
  report: ConversionReport;
  /** The conversion the report is about (the operator names it by id, whatever source reported it). */
  known?: ConversionRow;
  /** The report changes the payout only: the status stays whatever it is when the report is applied. */
  keepStatus?: boolean;
}

/**
 * Within a process, reports about one conversion are applied one after another: each reads the
 * state the previous one wrote, so they never race each other for the database's guard (below)
 * and are applied in arrival order. Across processes (Workers isolates, several Node servers on
 * one database) this lock sees nothing: there the database decides. Keyed per deps, not a
 * module-wide singleton: by the deps' job queue, which each process or isolate builds once with its
 * deps and every context built from them (one per request) shares.
 */
const chainsByQueue = new WeakMap<ServiceContext['jobs'], Map<string, Promise<unknown>>>();
export function oneAtATime<T>(
  ctx: Pick<ServiceContext, 'jobs'>,
  turn: { key: string; run: () => Promise<T> },
): Promise<T> {
  const { key, run } = turn;
  let chains = chainsByQueue.get(ctx.jobs);
  if (!chains) chainsByQueue.set(ctx.jobs, (chains = new Map()));
  const previous = chains.get(key) ?? Promise.resolve();
  const current = previous.then(run, run);
  const settled = current.catch(() => undefined);
  chains.set(key, settled);
  void settled.then(() => {
    if (chains.get(key) === settled) chains.delete(key);
  });
  return current;
}

/** How often a report that lost a race is decided again before the sender is asked to retry. */
const ATTEMPTS = 5;

/**
 * The database refused this report's batch because another report got there first: the same
 * conversion created meanwhile (its unique dedupe key), or changed meanwhile (the history row's
 * guard, see `applyReport`). The batch wrote nothing.
 */
function lostRace(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? error} ${(error as { cause?: Error })?.cause?.message ?? ''}`;
  return /UNIQUE constraint failed: conversions\.|NOT NULL constraint failed: conversion_changes\.id/.test(text);
}

/** Applies a report: creates the conversion or moves it, and owes postbacks when something changed. */
export function recordConversion(ctx: TenantContext, input: RecordInput): Promise<ChangeResult> {
  const { report } = input;
  // Keyed by the click (a tracker's transactions on one click share a turn; harmless), not the
  // dedupe key: libSQL reads text only up to its first NUL and a tracker's key holds one, so the
  // key of a conversion read back (an operator change) would differ from the reports' own.
  return oneAtATime(ctx, {
    key: `${ctx.operatorId}\u0000${report.connectionId ?? ''}\u0000${report.clickId ?? report.dedupeKey}`,
    run: async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await applyReport(ctx, input);
        } catch (error) {
          // Lost to another process: read the new state and decide again (a duplicate, a refusal,
          // or a change from where the winner left it).
          if (!lostRace(error)) throw error;
          if (attempt >= ATTEMPTS)
            throw new DomainError(
              'conflict',
              'The conversion kept changing while this report was applied; send it again',
              [],
              { resource: 'conversion', state: 'changed' },
            );
        }
      }
    },
  });
}

/**
 * A report refused before it could be applied (a payout nobody may store): logged on the
 * conversion it names, if that exists, so the operator sees the call; nothing else changes.
 */
export async function logRefusedReport(
  ctx: TenantContext,
  input: { report: ConversionReport; warning: string },
): Promise<boolean> {
  const { report, warning } = input;
  const existing = await findExisting(ctx, report);
  if (!existing) return false;
  await ctx.db.insert(conversionChanges).values({
    id: newId('cch', ctx.clock),
    operatorId: ctx.operatorId,
    conversionId: existing.id,
    at: ctx.clock.now(),
    source: report.source,
    fromStatus: existing.status,
    toStatus: null,
    rawStatus: report.rawStatus,
    payoutMinor: null,
    currency: null,
    outcome: 'refused',
    warning,
    received: report.received ?? null,
  });
  return true;
}

async function applyReport(ctx: TenantContext, options: RecordInput): Promise<ChangeResult> {
  const { report } = options;
  const { operatorId } = ctx;
  const now = ctx.clock.now();
  // Read inside the turn, so the state is what the previous report left.
  const existing = options.known
    ? (
        await ctx.db
          .select()
          .from(conversions)
          .where(and(eq(conversions.operatorId, operatorId), eq(conversions.id, options.known.id)))
      )[0]
    : await findExisting(ctx, report);
  const change = {
    id: newId('cch', ctx.clock),
    operatorId,
    at: now,
    source: report.source,
    rawStatus: report.rawStatus,
    payoutMinor: report.payout?.minor ?? null,
    currency: report.payout?.currency ?? null,
    received: report.received ?? null,
  };
  if (!existing) {
    const click = report.clickId ? (await clickAttributions(ctx, [report.clickId])).get(report.clickId) : undefined;
    const warnings = [
      report.status ? null : `unknown status "${report.rawStatus ?? ''}": kept on hold with the raw value`,
      click || !report.clickId ? null : `no click "${report.clickId}": kept unattributed`,
      report.clickId ? null : 'no click id: kept unattributed',
    ].filter(Boolean);
    const row: ConversionRow = {
      id: newId('conv', ctx.clock),
      operatorId,
      source: report.source,
      connectionId: report.connectionId,
      dedupeKey: report.dedupeKey,
      externalId: report.externalId,
      clickId: click?.id ?? report.clickId,
      partnerId: click?.partnerId ?? null,
      campaignId: click?.campaignId ?? null,
      promoId: click?.promoId ?? null,
      status: report.status ?? 'hold',
      rawStatus: report.rawStatus,
      payoutMinor: report.payout?.minor ?? null,
      currency: report.payout?.currency ?? null,
      comment: report.comment ?? null,
      reason: report.reason ?? null,
      revision: 1,
      createdAt: now,
      updatedAt: now,
    };
    const warning = warnings.join('; ') || null;
    const outcome: ChangeOutcome = report.status ? 'created' : 'unknown_status';
    const planned = row.partnerId ? await planPostbacks(ctx, [postbackTrigger(row)]) : { jobs: [], parts: [] };
    // A report about the same conversion creating it meanwhile (another process) makes this
    // batch fail on the unique dedupe key: nothing is written and the report is decided again.
    await ctx.jobs.enqueueMany(planned.jobs, [
      { table: conversions, rows: [row] },
      {
        table: conversionChanges,
        rows: [{ ...change, conversionId: row.id, fromStatus: null, toStatus: row.status, outcome, warning }],
      },
      ...planned.parts,
    ]);
    return { outcome, conversion: row, warning };
  }

  const logOnly = async (outcome: ChangeOutcome, warning: string | null) => {
    // An atomic batch, so a repeat joins the group commit with every other report (edge/boot.ts).
    await insertManyAtomically(ctx.db, [
      {
        table: conversionChanges,
        rows: [{ ...change, conversionId: existing.id, fromStatus: existing.status, toStatus: null, outcome, warning }],
      },
    ]);
    return { outcome, conversion: existing, warning };
  };
  const status = options.keepStatus ? existing.status : report.status;
  if (!status)
    return logOnly(
      'unknown_status',
      `unknown status "${report.rawStatus ?? ''}": kept as raw, status stays ${existing.status}`,
    );
  const payoutChanged =
    report.payout !== null &&
    (report.payout.minor !== existing.payoutMinor || report.payout.currency !== existing.currency);
  if (status === existing.status && !payoutChanged) return logOnly('duplicate', null);
  if (status !== existing.status && !canMove(existing.status, status)) {
    return logOnly('refused', `status ${existing.status} cannot become ${status}`);
  }
  const updated: ConversionRow = {
    ...existing,
    status,
    rawStatus: report.rawStatus ?? existing.rawStatus,
    revision: existing.revision + 1,
    updatedAt: now,
    payoutMinor: report.payout?.minor ?? existing.payoutMinor,
    currency: report.payout?.currency ?? existing.currency,
    comment: report.comment ?? existing.comment,
    reason: report.reason ?? existing.reason,
  };
  const planned = updated.partnerId ? await planPostbacks(ctx, [postbackTrigger(updated)]) : { jobs: [], parts: [] };
  // The database, not this process, decides which of two racing reports wins (another process
  // may have changed the conversion since it was read above). The history row's id is selected
  // from the conversion's row at the revision this decision was made on, so once the conversion
  // has moved on it is NULL: the NOT NULL constraint fails the whole batch (history, update,
  // postbacks, their jobs) and the report is decided again from the new state. A batch is one
  // transaction on libSQL and on D1, and needs no interactive transaction D1 lacks.
  const guardedId = sql`(select ${change.id} from ${conversions} where ${conversions.id} = ${existing.id} and ${conversions.revision} = ${existing.revision})`;
  await ctx.jobs.enqueueMany(planned.jobs, [
    {
      query: ctx.db.insert(conversionChanges).values({
        ...change,
        id: guardedId,
        conversionId: existing.id,
        fromStatus: existing.status,
        toStatus: updated.status,
        outcome: 'changed',
        warning: null,
      }),
    },
    {
      query: ctx.db
        .update(conversions)
        .set({
          status: updated.status,
          rawStatus: updated.rawStatus,
          revision: sql`${conversions.revision} + 1`,
          updatedAt: now,
          payoutMinor: updated.payoutMinor,
          currency: updated.currency,
          comment: updated.comment,
          reason: updated.reason,
        })
        .where(and(eq(conversions.id, existing.id), eq(conversions.revision, existing.revision))),
    },
    ...planned.parts,
  ]);
  return { outcome: 'changed', conversion: updated, warning: null };
}
