/**
 * Status sync: ask the network for the orders that changed in a time window, page by page, and
 * apply each item through the one conversion state machine (`recordConversion`), exactly as a
 * postback about the same order would be applied: same source, connection and dedupe key (our
 * visit id, which the network got as its sub id), so a status learned by polling and by a
 * postback is one conversion. An item whose report is the same as last time applies nothing.
 * The cursor (`syncedUntil`) moves only when every page of a window was read.
 */
import { and, eq } from 'drizzle-orm';
import type { TenantContext } from '../../lib/context.ts';
import { DomainError } from '../../lib/errors.ts';
import { newId, randomToken } from '../../lib/ids.ts';
import { recordConversion } from '../conversions/record-conversion.ts';
import { readPayout } from '../conversions/read-payout.ts';
import { normaliseNetworkStatus } from '../networks/network-settings.ts';
import type { OpenedConnection } from '../networks/service.ts';
import type { Adapter } from './adapter.ts';
import { exchange, retryAfterSeconds, type Exchange } from './exchange.ts';
import { renderRequest } from './render-request.ts';
import { selectAll, selectText } from './templates.ts';
import { networkApiLog, networkLeads, networkOrderReports } from './table.ts';

type Poll = NonNullable<Adapter['statusPoll']>;

/** A run stops paging here; the next one reads the window again (applied items are skipped). */
export const MAX_PAGES_PER_RUN = 100;
/** A 429 asking for longer than this ends the run; a shorter wait is waited out (twice at most per page). */
const LONGEST_WAIT_IN_RUN_S = 30;

export interface PolledItem {
  orderId: string | null;
  subId: string | null;
  rawStatus: string | null;
  status: string | null;
  payout: string | null;
  currency: string | null;
  comment: string | null;
  reason: string | null;
}

export interface SyncOutcome {
  runId: string;
  outcome: 'ok' | 'partial' | 'failed';
  requests: number;
  itemsSeen: number;
  itemsChanged: number;
  /** Items the sync could not apply: no order id, no visit id, a payout it cannot store. */
  itemsSkipped: number;
  error: string | null;
  /** When the network asked to wait (429), the earliest the next sync should run. */
  retryAt: Date | null;
  /** The window's end, when every page of it was read. */
  completeUntil: Date | null;
}

const iso = (d: Date) => d.toISOString();
const dateTime = (d: Date) => iso(d).slice(0, 19).replace('T', ' ');

export function windowVariables(from: Date, to: Date): Record<string, string> {
  return {
    from: iso(from),
    to: iso(to),
    from_unix: String(Math.floor(from.getTime() / 1000)),
    to_unix: String(Math.floor(to.getTime() / 1000)),
    from_date: iso(from).slice(0, 10),
    to_date: iso(to).slice(0, 10),
    from_datetime: dateTime(from),
    to_datetime: dateTime(to),
  };
}

/** The items a page holds: the path's matches, or the one array it selects. */
export function itemsOf(json: unknown, poll: Poll): unknown[] {
  const matches = selectAll(json, poll.itemsPath);
  return matches.length === 1 && Array.isArray(matches[0]) ? (matches[0] as unknown[]) : matches;
}

/** The item's fields; `catalogWords` (the network's tail words) apply where the adapter names none. */
export function readItem(item: unknown, poll: Poll, catalogWords: OpenedConnection['statusWords'] = {}): PolledItem {
  const rawStatus = selectText(item, poll.statusPath);
  return {
    orderId: selectText(item, poll.orderIdPath),
    subId: selectText(item, poll.subIdPath),
    rawStatus,
    status: normaliseNetworkStatus({
      status: rawStatus ?? undefined,
      ...catalogWords,
      ...definedWords(poll.statusWords),
    }).status,
    payout: selectText(item, poll.payoutPath),
    currency: selectText(item, poll.currencyPath),
    comment: selectText(item, poll.commentPath),
    reason: selectText(item, poll.reasonPath),
  };
}

const definedWords = (words: Poll['statusWords']) =>
  Object.fromEntries(Object.entries(words).filter(([, v]) => v !== undefined && v.trim() !== ''));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface RunInput {
  adapter: Adapter;
  connection: OpenedConnection;
  from: Date;
  to: Date;
  /** Stop paging (partial) past this moment. */
  deadline: number;
  userAgent: string;
}

/** Reads every page of the window and applies its items. */
export async function runStatusSync(ctx: TenantContext, input: RunInput): Promise<SyncOutcome> {
  const { adapter, connection } = input;
  const poll = adapter.statusPoll!;
  const runId = newId('nsr', ctx.clock);
  const result: SyncOutcome = {
    runId,
    outcome: 'ok',
    requests: 0,
    itemsSeen: 0,
    itemsChanged: 0,
    itemsSkipped: 0,
    error: null,
    retryAt: null,
    completeUntil: null,
  };
  const spacingMs = Math.ceil(60_000 / adapter.requestsPerMinute);
  const paging = poll.paging;
  let page = paging.style === 'page' ? paging.firstPage : 0;
  let offset = 0;
  let cursor = '';
  let previousBody: string | null = null;
  const stop = (outcome: 'partial' | 'failed', error: string) => Object.assign(result, { outcome, error });
  for (let pages = 0; ; pages++) {
    if (pages >= MAX_PAGES_PER_RUN) return stop('partial', `stopped after ${MAX_PAGES_PER_RUN} pages`);
    if (Date.now() > input.deadline) return stop('partial', 'stopped at the run’s time limit');
    const limit = paging.style === 'page' || paging.style === 'offset' ? paging.pageSize : 0;
    const vars = {
      ...windowVariables(input.from, input.to),
      page: String(page),
      offset: String(offset),
      limit: String(limit),
      cursor,
    };
    let answer: Exchange;
    for (let waits = 0; ; waits++) {
      if (result.requests > 0) await sleep(spacingMs);
      const rendered = await renderRequest(
        adapter,
        { ...poll, method: poll.method },
        {
          settings: connection.settings,
          vars,
        },
        {
          secretSettings: connection.secretSettings,
          userAgent: input.userAgent,
          now: ctx.clock.now(),
          nonce: randomToken(12),
        },
      );
      answer = await exchange(ctx, { connectionId: connection.id, runId, purpose: 'sync', rendered });
      result.requests++;
      if (answer.status !== 429) break;
      const wait = retryAfterSeconds(answer.retryAfter, ctx.clock.now()) ?? 60;
      if (wait > LONGEST_WAIT_IN_RUN_S || waits >= 2 || Date.now() + wait * 1000 > input.deadline) {
        result.retryAt = new Date(ctx.clock.now().getTime() + wait * 1000);
        return stop('partial', `the network asked to wait ${wait} s (429)`);
      }
      await sleep(wait * 1000);
    }
    if (answer.status === null) return stop('failed', answer.error ?? 'no answer');
    if (answer.status < 200 || answer.status >= 300)
      return stop('failed', `the network answered HTTP ${answer.status}`);
    if (answer.json === undefined) return stop('failed', 'the answer is not JSON');
    let items: unknown[];
    try {
      items = itemsOf(answer.json, poll);
    } catch (error) {
      return stop('failed', `the items could not be read: ${(error as Error).message}`);
    }
    const applied = await applyItems(ctx, { connection, poll, items });
    result.itemsSeen += items.length;
    result.itemsChanged += applied.changed;
    result.itemsSkipped += applied.skipped.length;
    await ctx.db
      .update(networkApiLog)
      .set({
        itemsSeen: items.length,
        itemsChanged: applied.changed,
        error: applied.skipped.length ? applied.skipped.slice(0, 5).join('; ') : null,
      })
      .where(eq(networkApiLog.id, answer.logId));
    const sameAsBefore = answer.body === previousBody;
    previousBody = answer.body;
    if (paging.style === 'none') break;
    if (paging.style === 'token') {
      const next = selectText(answer.json, paging.nextTokenPath);
      if (!next || next === cursor) break;
      cursor = next;
      continue;
    }
    if (items.length < paging.pageSize) break;
    // A URL that does not use {page} or {offset} brings the same page forever.
    if (sameAsBefore)
      return stop('failed', 'the next page was the same as the last: does the URL use the page variable?');
    page += 1;
    offset += paging.pageSize;
  }
  result.completeUntil = input.to;
  if (result.itemsSkipped) result.error = `${result.itemsSkipped} items skipped (see the log)`;
  return result;
}

async function visitIdOf(ctx: TenantContext, connectionId: string, item: PolledItem): Promise<string | null> {
  if (item.subId) return item.subId;
  const [lead] = await ctx.db
    .select({ visitId: networkLeads.visitId })
    .from(networkLeads)
    .where(
      and(
        eq(networkLeads.operatorId, ctx.operatorId),
        eq(networkLeads.connectionId, connectionId),
        eq(networkLeads.networkOrderId, item.orderId!),
      ),
    );
  return lead?.visitId ?? null;
}

async function applyItems(
  ctx: TenantContext,
  input: { connection: OpenedConnection; poll: Poll; items: unknown[] },
): Promise<{ changed: number; skipped: string[] }> {
  const { connection, poll } = input;
  let changed = 0;
  const skipped: string[] = [];
  for (const [index, raw] of input.items.entries()) {
    const item = readItem(raw, poll, connection.statusWords);
    if (!item.orderId) {
      skipped.push(`item ${index + 1}: no order id at ${poll.orderIdPath}`);
      continue;
    }
    const fingerprint = JSON.stringify([item.rawStatus, item.payout, item.currency, item.comment, item.reason]);
    const key = and(
      eq(networkOrderReports.operatorId, ctx.operatorId),
      eq(networkOrderReports.connectionId, connection.id),
      eq(networkOrderReports.orderId, item.orderId),
    );
    const [seen] = await ctx.db.select().from(networkOrderReports).where(key);
    if (seen?.fingerprint === fingerprint) continue;
    const visitId = await visitIdOf(ctx, connection.id, item);
    if (!visitId) {
      skipped.push(`order ${item.orderId}: no visit id (no sub id in the item and no lead pushed with this order)`);
      continue;
    }
    let payout: { minor: number; currency: string } | null = null;
    if (item.payout) {
      try {
        payout = readPayout(item.payout, item.currency ?? connection.defaultCurrency, {
          amount: poll.payoutPath!,
          currency: poll.currencyPath ?? 'defaultCurrency',
        });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        skipped.push(`order ${item.orderId}: ${error.detail}`);
        continue;
      }
    }
    const received = Object.fromEntries(
      Object.entries({
        via: 'api',
        order_id: item.orderId,
        status: item.rawStatus,
        payout: item.payout,
        currency: item.currency,
      }).filter((e): e is [string, string] => e[1] !== null),
    );
    const outcome = await recordConversion(ctx, {
      report: {
        source: 'network',
        connectionId: connection.id,
        dedupeKey: visitId,
        externalId: visitId,
        clickId: visitId,
        status: item.status as never,
        rawStatus: item.rawStatus,
        payout,
        comment: item.comment,
        reason: item.reason,
        received,
      },
    });
    if (outcome.outcome === 'created' || outcome.outcome === 'changed') changed++;
    const now = ctx.clock.now();
    await ctx.db
      .insert(networkOrderReports)
      .values({
        operatorId: ctx.operatorId,
        connectionId: connection.id,
        orderId: item.orderId,
        fingerprint,
        appliedAt: now,
      })
      .onConflictDoUpdate({
        target: [networkOrderReports.operatorId, networkOrderReports.connectionId, networkOrderReports.orderId],
        set: { fingerprint, appliedAt: now },
      });
  }
  return { changed, skipped };
}
