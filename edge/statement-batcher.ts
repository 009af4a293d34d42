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
  /** How many statements are kept prepared (tests). */
  cached(): number;
  close(): void;
}

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
  return {
    run(statements) {
      begin.run();
      try {
        for (const s of statements) prepared(s.sql).run(s.args.map(bindable));
        commit.run();
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    runGroups(groups) {
      const outcomes: Array<Error | undefined> = [];
      begin.run();
      try {
        for (const group of groups) {
          savepoint.run();
          try {
            for (const s of group) prepared(s.sql).run(s.args.map(bindable));
            release.run();
            outcomes.push(undefined);
          } catch (error) {
            rollbackToSavepoint.run();
            release.run();
            outcomes.push(error instanceof Error ? error : new Error(String(error)));
          }
        }
        commit.run();
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
      return outcomes;
    },
    cached: () => cache.size,
    close: () => db.close(),
  };
}

/** What the driver binds: bytes as a Buffer (the rest is already a driver value). */
const bindable = (value: SqlValue): unknown =>
  value instanceof ArrayBuffer ? Buffer.from(value) : value instanceof Uint8Array ? Buffer.from(value) : value;
