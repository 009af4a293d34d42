/**
 * Durable click writing with group commit (core/db/group-commit.ts). A click's 302 goes out only
 * after its row is committed. Clicks that arrive while a commit is under way wait in a queue and
 * all go into the next commit, which starts the moment the previous one ends (and at most
 * `maxRows` at a time), as one multi-row insert with the aggregates they add. A failed commit
 * rejects every click in it (the caller still redirects the player and reports the error), so
 * nothing is acknowledged as stored without being stored.
 */
import type { Db } from '../../db/client.ts';
import { createGroupQueue } from '../../db/group-commit.ts';
import { insertManyAtomically, type InsertPart } from '../../db/insert-many.ts';
import { trafficCountParts, type TrafficFact } from '../statistics/count-traffic.ts';
import { clicks } from './table.ts';

export type ClickRow = typeof clicks.$inferInsert;

/** What a click counts in statistics: a click, unique or not, a bot or not; its parameters. */
export function clickFact(row: ClickRow): TrafficFact {
  return {
    operatorId: row.operatorId,
    at: row.createdAt,
    partnerId: row.partnerId,
    brandId: row.brandId ?? null,
    planId: row.planId ?? null,
    campaignId: row.campaignId,
    promoId: row.promoId,
    landingId: row.landingId ?? null,
    creativeId: row.creativeId ?? null,
    trafficSourceId: row.trafficSourceId ?? null,
    country: row.country ?? null,
    device: row.device ?? null,
    os: row.os ?? null,
    currency: '',
    // Bots are counted apart: a report's clicks are people's.
    metrics: row.isBot ? { botClicks: 1 } : { clicks: 1, uniqueClicks: row.isUnique ? 1 : 0 },
    params: row.params,
  };
}

/** The clicks and the aggregates they add, as one batch's parts: stored together or not at all. */
export function clickWriteParts(rows: ClickRow[]): InsertPart[] {
  return [{ table: clicks, rows }, ...trafficCountParts(rows.map(clickFact))];
}

export interface ClickWriter {
  write(row: ClickRow): Promise<void>;
  /** Waits for anything queued (shutdown, tests). */
  drain(): Promise<void>;
}

export interface GroupCommitOptions {
  maxRows?: number;
  /** Bound parameters one statement may carry (libSQL: 32,766; D1: 100). */
  maxParams?: number;
  /**
   * What one commit writes for a batch of clicks; default `clickWriteParts` (the clicks and the
   * aggregates they add). Only the bench passes another (the clicks alone) to measure what
   * writing the aggregates in each commit costs a tracking link.
   */
  parts?: (rows: ClickRow[]) => InsertPart[];
  /**
   * How a batch's parts are committed, all or nothing; default one batch on `db`. Node passes a
   * connection of its own that keeps its statements prepared (edge/statement-batcher.ts).
   */
  commit?: (parts: InsertPart[]) => void | Promise<void>;
  /**
   * Batches committing at once (default 1). A writer that commits elsewhere (Node's and Deno's
   * writer thread, which commits its batches one after another in the order sent) takes 2: this
   * thread encodes the next batch while the writer commits the previous one, instead of each
   * waiting on the other. Each batch is still its own transaction, answered after its own commit.
   */
  pipeline?: number;
}

export function createGroupCommitWriter(db: Db, options: GroupCommitOptions = {}): ClickWriter {
  const maxParams = options.maxParams ?? 32_000;
  const parts = options.parts ?? clickWriteParts;
  const commit = options.commit ?? ((batch: InsertPart[]) => insertManyAtomically(db, batch, { maxParams }));
  // A group's clicks are one commit, stored together or not at all: one outcome for all of them.
  const queue = createGroupQueue<ClickRow>(
    async (rows) => {
      await commit(parts(rows));
      return [];
    },
    { maxItems: options.maxRows ?? 2000, pipeline: options.pipeline ?? 1 },
  );
  return { write: (row) => queue.add(row), drain: () => queue.drain() };
}

/** One insert per click, awaited: what Workers use (each request is its own invocation). */
export function createDirectWriter(db: Db): ClickWriter {
  return {
    write: async (row) => {
      await insertManyAtomically(db, clickWriteParts([row]));
    },
    drain: async () => {},
  };
}
