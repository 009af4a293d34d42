/**
 * When syncs run and that one runs at a time per connection: a sync claims the connection's
 * adapter row with a conditional update (lease), whoever asks (the schedule in any process or
 * isolate, or "sync now"); the release writes the cursor, the outcome and the next time. And
 * "test connection": one real request, nothing applied, the answer shown masked with the items
 * the paths read from it.
 */
import { and, eq, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import type { ServiceContext, TenantContext } from '../../lib/context.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import { openNetworkConnection } from '../networks/service.ts';
import { exchange, LOGGED_ANSWER_CHARS } from './exchange.ts';
import { maskSecrets, renderRequest } from './render-request.ts';
import { itemsOf, readItem, runStatusSync, windowVariables, type SyncOutcome } from './sync-statuses.ts';
import { networkAdapters, networkApiLog } from './table.ts';

/** Longer than a run may take (its deadline), so a live run is never claimed twice. */
const LEASE_MS = 5 * 60_000;
export const SYNC_RUN_BUDGET_MS = 45_000;

const userAgent = (ctx: Pick<ServiceContext, 'version'>) => `Kabinet/${ctx.version} (network API)`;

const emptyOutcome = (ctx: TenantContext): SyncOutcome => ({
  runId: newId('nsr', ctx.clock),
  outcome: 'ok',
  requests: 0,
  itemsSeen: 0,
  itemsChanged: 0,
  itemsSkipped: 0,
  error: null,
  retryAt: null,
  completeUntil: null,
});

async function claim(ctx: TenantContext, connectionId: string) {
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .update(networkAdapters)
    .set({ leaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where(
      and(
        eq(networkAdapters.operatorId, ctx.operatorId),
        eq(networkAdapters.connectionId, connectionId),
        or(isNull(networkAdapters.leaseUntil), lte(networkAdapters.leaseUntil, now)),
      ),
    )
    .returning();
  return row;
}

/** Runs one sync of the connection now; a sync already running is a conflict. */
export async function syncConnection(
  ctx: TenantContext,
  input: { connectionId: string; deadline?: number },
): Promise<SyncOutcome> {
  const connection = await openNetworkConnection(ctx, input.connectionId);
  const row = await claim(ctx, connection.id);
  if (!row) {
    const [exists] = await ctx.db
      .select({ id: networkAdapters.connectionId })
      .from(networkAdapters)
      .where(and(eq(networkAdapters.operatorId, ctx.operatorId), eq(networkAdapters.connectionId, connection.id)));
    if (!exists) throw notFound('Network API adapter');
    throw new DomainError('conflict', 'A sync of this connection is running now', [], {
      resource: 'network_adapter',
      state: 'running',
    });
  }
  const poll = row.adapter.statusPoll;
  let outcome: SyncOutcome | null = null;
  try {
    if (!poll)
      throw new DomainError('conflict', 'The connection’s API adapter has no status poll set up', [], {
        resource: 'network_adapter',
        state: 'not_configured',
      });
    const now = ctx.clock.now();
    if (!connection.enabled) {
      outcome = { ...emptyOutcome(ctx), outcome: 'failed', error: 'the connection is disabled' };
      return outcome;
    }
    const from = row.syncedUntil
      ? new Date(row.syncedUntil.getTime() - poll.overlapMinutes * 60_000)
      : new Date(now.getTime() - poll.firstLookbackDays * 86_400_000);
    outcome = await runStatusSync(ctx, {
      adapter: row.adapter,
      connection,
      from,
      to: now,
      deadline: input.deadline ?? Date.now() + SYNC_RUN_BUDGET_MS,
      userAgent: userAgent(ctx),
    });
    return outcome;
  } finally {
    const now = ctx.clock.now();
    const every = row.adapter.syncEveryMinutes * 60_000;
    await ctx.db
      .update(networkAdapters)
      .set({
        leaseUntil: null,
        ...(outcome
          ? {
              lastSyncAt: now,
              lastOutcome: outcome.outcome,
              lastError: outcome.error,
              nextSyncAt: poll ? (outcome.retryAt ?? new Date(now.getTime() + every)) : null,
              ...(outcome.completeUntil ? { syncedUntil: outcome.completeUntil } : {}),
            }
          : { nextSyncAt: poll ? new Date(now.getTime() + every) : null }),
      })
      .where(eq(networkAdapters.connectionId, row.connectionId));
  }
}

/** The connections whose next sync is due (any operator): the schedule's work list. */
export async function listDueSyncs(ctx: Pick<ServiceContext, 'db' | 'clock'>) {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ operatorId: networkAdapters.operatorId, connectionId: networkAdapters.connectionId })
    .from(networkAdapters)
    .where(
      and(
        isNotNull(networkAdapters.nextSyncAt),
        lte(networkAdapters.nextSyncAt, now),
        or(isNull(networkAdapters.leaseUntil), lt(networkAdapters.leaseUntil, now)),
      ),
    );
  return rows;
}

/**
 * One real request: the status poll's first page over the last day, with the items its paths
 * read. The lead push is never sent as a test: the network would take it as a real lead.
 */
export async function testConnection(ctx: TenantContext, input: { connectionId: string }) {
  const connection = await openNetworkConnection(ctx, input.connectionId);
  const [row] = await ctx.db
    .select()
    .from(networkAdapters)
    .where(and(eq(networkAdapters.operatorId, ctx.operatorId), eq(networkAdapters.connectionId, connection.id)));
  if (!row) throw notFound('Network API adapter');
  const poll = row.adapter.statusPoll;
  if (!poll)
    throw new DomainError('conflict', 'Test connection asks the status poll: set it up first', [], {
      resource: 'network_adapter',
      state: 'not_configured',
    });
  const now = ctx.clock.now();
  const paging = poll.paging;
  const vars = {
    ...windowVariables(new Date(now.getTime() - 86_400_000), now),
    page: String(paging.style === 'page' ? paging.firstPage : 0),
    offset: '0',
    limit: String(paging.style === 'page' || paging.style === 'offset' ? paging.pageSize : 0),
    cursor: '',
  };
  const rendered = await renderRequest(
    row.adapter,
    poll,
    { settings: connection.settings, vars },
    { secretSettings: connection.secretSettings, userAgent: userAgent(ctx), now, nonce: randomToken(12) },
  );
  const answer = await exchange(ctx, {
    connectionId: connection.id,
    runId: newId('nsr', ctx.clock),
    purpose: 'test',
    rendered,
  });
  let items: ReturnType<typeof readItem>[] = [];
  let itemCount = 0;
  let problem: string | null = answer.error;
  if (answer.status !== null && answer.json === undefined) problem = 'the answer is not JSON';
  else if (answer.json !== undefined) {
    try {
      const all = itemsOf(answer.json, poll);
      itemCount = all.length;
      items = all.slice(0, 5).map((item) => readItem(item, poll, connection.statusWords));
    } catch (error) {
      problem = `the items could not be read: ${(error as Error).message}`;
    }
  }
  // The log shows what the test read (it applies nothing: changed stays 0).
  if (itemCount || problem)
    await ctx.db
      .update(networkApiLog)
      .set({ itemsSeen: itemCount, error: problem })
      .where(eq(networkApiLog.id, answer.logId));
  const mask = (text: string) => maskSecrets(text, rendered.secrets);
  return {
    request: {
      method: rendered.request.method,
      url: mask(rendered.request.url),
      headers: Object.fromEntries(Object.entries(rendered.request.headers).map(([k, v]) => [k, mask(v)])),
      body: rendered.request.body === undefined ? null : mask(rendered.request.body),
    },
    status: answer.status,
    durationMs: answer.durationMs,
    answer: answer.status === null ? null : mask(answer.body.slice(0, LOGGED_ANSWER_CHARS)),
    itemCount,
    items,
    problem,
  };
}
