/**
 * A write connection of its own for the click writer's group commits on Node, with its prepared
 * statements kept. Through @libsql/client every statement of every commit is prepared anew, and
 * the parse cost a third of a commit's time (a click's commit writes the same ten statements, its
 * aggregates' upserts among them, over and over). Statements are kept by their SQL text, the most
 * recently used 256 (a batch's size changes its text). The commit is all or nothing, as the
 * client's batch is; another process's lock is waited for up to 5 s, as the client's is.
 */
import Database from 'libsql';
import type { SqlValue, Statement } from '../core/db/insert-many.ts';

const CACHE_SIZE = 256;

type Prepared = Database.Statement;

export interface StatementBatcher {
  /** Runs the statements in one IMMEDIATE transaction; throws (after rolling back) if one fails. */
  run(statements: Statement[]): void;
  /**
   * Runs several callers' batches in one IMMEDIATE transaction, each in a savepoint of its own: a
   * batch that fails is rolled back alone (its error in its place of the answer, the others still
   * commit); a failed COMMIT throws, and then nothing was written.
   */
  runGroups(groups: Statement[][]): Array<Error | undefined>;
  /**
   * Runs several senders' requests in one IMMEDIATE transaction, in order, each in a savepoint of
   * its own: a request of one batch (`separate` false) fails or commits whole; one of separate
   * batches gets each batch's outcome as runGroups gives it. A failed COMMIT throws, and then
   * nothing was written. Several requests waiting at once share a commit (and its fsync).
   */
  runRequests(requests: Array<{ groups: Statement[][]; separate: boolean }>): Array<RequestOutcome>;
  /** How many statements are kept prepared (tests). */
  cached(): number;
  close(): void;
}

/** A request's outcome in runRequests: its error (nothing of it written), or its batches' outcomes. */
export type RequestOutcome = { error: Error } | { outcomes: Array<Error | undefined> };

/** A batcher on the database file `url` names, or null for anything but a file (remote libSQL, :memory:). */
export function openStatementBatcher(
  url: string,
  options: { synchronous?: 'normal' | 'full' } = {},
): StatementBatcher | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length).split('?')[0]!;
  if (!path || path === ':memory:') return null;
  const db = new Database(path, { timeout: 5000 });
  // Per connection: how often this one fsyncs its commits (see edge/threaded-batcher.ts).
  if (options.synchronous) db.exec(`PRAGMA synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
  const cache = new Map<string, Prepared>();
  const prepared = (sql: string): Prepared => {
    let statement = cache.get(sql);
    if (statement) {
      // Most recently used last: the Map's order is the eviction order.
      cache.delete(sql);
    } else {
      statement = db.prepare(sql);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    return statement;
  };
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const savepoint = db.prepare('SAVEPOINT batch');
  const release = db.prepare('RELEASE batch');
  const rollbackToSavepoint = db.prepare('ROLLBACK TO batch');
  const requestSavepoint = db.prepare('SAVEPOINT request');
  const requestRelease = db.prepare('RELEASE request');
  const requestRollback = db.prepare('ROLLBACK TO request');
  const runStatements = (statements: Statement[]) => {
    for (const s of statements) prepared(s.sql).run(s.args.map(bindable));
  };
  /** Each group in a savepoint of its own: its error (rolled back alone), or undefined. */
  const runSeparately = (groups: Statement[][]) =>
    groups.map((group): Error | undefined => {
      savepoint.run();
      try {
        runStatements(group);
        release.run();
        return undefined;
      } catch (error) {
        rollbackToSavepoint.run();
        release.run();
        return error instanceof Error ? error : new Error(String(error));
      }
    });
  const inTransaction = <T>(work: () => T): T => {
    begin.run();
    try {
      const result = work();
      commit.run();
      return result;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };
  return {
    run(statements) {
      inTransaction(() => runStatements(statements));
    },
    runGroups(groups) {
      return inTransaction(() => runSeparately(groups));
    },
    runRequests(requests) {
      return inTransaction(() =>
        requests.map((request): RequestOutcome => {
          requestSavepoint.run();
          try {
            let outcomes: Array<Error | undefined> = [];
            if (request.separate) outcomes = runSeparately(request.groups);
            else runStatements(request.groups.flat());
            requestRelease.run();
            return { outcomes };
          } catch (error) {
            requestRollback.run();
            requestRelease.run();
            return { error: error instanceof Error ? error : new Error(String(error)) };
          }
        }),
      );
    },
    cached: () => cache.size,
    close: () => db.close(),
  };
}

/** What the driver binds: bytes as a Buffer (the rest is already a driver value). */
const bindable = (value: SqlValue): unknown =>
  value instanceof ArrayBuffer ? Buffer.from(value) : value instanceof Uint8Array ? Buffer.from(value) : value;
