/**
 * Saving and reading a connection's API adapter, and its request log. Only a network connection
 * (not a tracker) takes one; saving keeps the sync cursor, so editing a path does not make the
 * next sync start over.
 */
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { openNetworkConnection } from '../networks/service.ts';
import type { Adapter } from './adapter.ts';
import { networkAdapters, networkApiLog } from './table.ts';

type AdapterRow = typeof networkAdapters.$inferSelect;

async function adapterRow(ctx: TenantContext, connectionId: string): Promise<AdapterRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(networkAdapters)
    .where(and(eq(networkAdapters.operatorId, ctx.operatorId), eq(networkAdapters.connectionId, connectionId)));
  return row;
}

export async function loadAdapter(ctx: TenantContext, connectionId: string): Promise<Adapter | null> {
  return (await adapterRow(ctx, connectionId))?.adapter ?? null;
}

function present(row: AdapterRow, now: Date) {
  return {
    connectionId: row.connectionId,
    adapter: row.adapter,
    sync: {
      syncedUntil: row.syncedUntil?.toISOString() ?? null,
      nextSyncAt: row.adapter.statusPoll ? (row.nextSyncAt?.toISOString() ?? null) : null,
      lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
      lastOutcome: row.lastOutcome,
      lastError: row.lastError,
      running: !!row.leaseUntil && row.leaseUntil.getTime() > now.getTime(),
    },
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getAdapter(ctx: TenantContext, connectionId: string) {
  await openNetworkConnection(ctx, connectionId);
  const row = await adapterRow(ctx, connectionId);
  if (!row) throw notFound('Network API adapter');
  return present(row, ctx.clock.now());
}

export async function saveAdapter(ctx: TenantContext, input: { connectionId: string; adapter: Adapter }) {
  const connection = await openNetworkConnection(ctx, input.connectionId);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(networkAdapters)
    .values({
      connectionId: connection.id,
      operatorId: ctx.operatorId,
      adapter: input.adapter,
      nextSyncAt: input.adapter.statusPoll ? now : null,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: networkAdapters.connectionId,
      set: {
        adapter: input.adapter,
        updatedAt: now,
        // Only an adapter with a status poll is synced: one that gains a poll is due now, one that keeps it keeps its time.
        nextSyncAt: input.adapter.statusPoll ? sql`coalesce(${networkAdapters.nextSyncAt}, ${now.getTime()})` : null,
      },
    })
    .returning();
  return present(row!, now);
}

export async function deleteAdapter(ctx: TenantContext, connectionId: string) {
  await openNetworkConnection(ctx, connectionId);
  const deleted = await ctx.db
    .delete(networkAdapters)
    .where(and(eq(networkAdapters.operatorId, ctx.operatorId), eq(networkAdapters.connectionId, connectionId)))
    .returning({ id: networkAdapters.connectionId });
  if (!deleted.length) throw notFound('Network API adapter');
  return { deleted: 1 };
}

export async function listApiLog(
  ctx: TenantContext,
  input: { connectionId: string; limit: number; before?: string; runId?: string },
) {
  await openNetworkConnection(ctx, input.connectionId);
  const rows = await ctx.db
    .select()
    .from(networkApiLog)
    .where(
      and(
        eq(networkApiLog.operatorId, ctx.operatorId),
        eq(networkApiLog.connectionId, input.connectionId),
        input.runId ? eq(networkApiLog.runId, input.runId) : undefined,
        input.before ? lt(networkApiLog.id, input.before) : undefined,
      ),
    )
    .orderBy(desc(networkApiLog.id))
    .limit(input.limit + 1);
  return {
    data: rows.slice(0, input.limit).map((r) => ({
      id: r.id,
      runId: r.runId,
      purpose: r.purpose,
      at: r.at.toISOString(),
      method: r.method,
      url: r.url,
      requestBody: r.requestBody,
      status: r.status,
      durationMs: r.durationMs,
      answer: r.answer,
      itemsSeen: r.itemsSeen,
      itemsChanged: r.itemsChanged,
      error: r.error,
    })),
    nextBefore: rows.length > input.limit ? rows[input.limit - 1]!.id : null,
  };
}
