/**
 * The click writer's commits off the request thread on Node and Deno: a worker thread owns the write
 * connection (edge/writer-thread.ts) and the request thread only sends it each batch's statements
 * and waits for the answer, so serving HTTP and SQLite's work (binding, the B-tree, the WAL write
 * and its fsync) run on two cores. A 302 still goes out only after its click is committed: the
 * thread answers a batch once its COMMIT returned.
 *
 * If the thread dies (a native crash, terminate()), every batch it had not answered is rejected
 * at once, never left hanging. A rejected batch was committed whole or not at all, never in part:
 * a crash leaves SQLite to roll back what it had not committed, but terminate() on Deno does not
 * stop a native COMMIT already under way, which may land after the rejection (an unanswered click
 * may be stored; an answered one is never lost). The next batch starts a new thread. close() drains: it waits for every batch sent, then stops the thread.
 *
 * On Deno the same code runs: Deno's node:worker_threads is a Deno Worker underneath, and Deno
 * loads the native libsql binding and the TypeScript entry itself (Node needs tsx registered first).
 */
import { Worker } from 'node:worker_threads';
import type { Statement } from '../core/db/insert-many.ts';

/**
 * A batch as sent: each statement as its SQL text's number and its arguments. A text goes to a
 * thread once (`texts`, before the statements that use it): a click commit's ten statements are
 * the same few thousand characters every time, and copying them between threads was a tenth of
 * the request thread's work. `forget` first clears the thread's texts (the sender's list is full).
 */
export type WriterRequest =
  | {
      type: 'run';
      id: number;
      /** One group: one transaction, all or nothing. Several: one transaction, a savepoint each. */
      groups: Array<Array<[text: number, args: Statement['args']]>>;
      /** Whether the groups are separate callers' batches (each rolled back alone) or one batch. */
      separate: boolean;
      texts?: Array<[text: number, sql: string]>;
      forget?: boolean;
    }
  | { type: 'close' };
export interface WriterError {
  message: string;
  code?: string | undefined;
}
/**
 * `error`: nothing was committed. `outcomes`: each separate group's error, or null if it committed.
 * `commit`: the thread's transaction that held it, counted from 1 (requests that share it share one).
 */
export type WriterReply = { id: number; error?: WriterError; outcomes?: Array<WriterError | null>; commit?: number };

/** SQLite's `synchronous` in WAL mode: NORMAL survives a crash of the process (kill -9); FULL also a power loss. */
export type Synchronous = 'normal' | 'full';

/** What boot.ts commits the hot writes through: the writer thread, or the inline writer (edge/inline-batcher.ts). */
export interface DatabaseWriter {
  /** Commits the statements as one IMMEDIATE transaction. */
  run(statements: Statement[]): Promise<void>;
  /**
   * Commits several callers' batches as one IMMEDIATE transaction, each in a savepoint: each
   * batch's error (rolled back alone), or undefined where it committed. Rejects when the
   * transaction as a whole failed (nothing committed).
   */
  runGroups(groups: Statement[][]): Promise<Array<Error | undefined>>;
  /** Waits for every batch sent, then closes the connection (and stops a thread). */
  close(): Promise<void>;
}

export interface ThreadedBatcher extends DatabaseWriter {
  /** Requests answered and the transactions they took (several requests waiting at once share one). */
  stats(): { answered: number; commits: number };
  /** The current thread (tests kill it to prove nothing hangs). */
  readonly thread: Worker | null;
}

/** SQL texts a thread is sent before both sides start afresh (a batch's size changes its text). */
const TEXTS_KEPT = 4096;

const TS_LOADER = new URL('./ts-thread.mjs', import.meta.url);
const WRITER = new URL('./writer-thread.ts', import.meta.url);
const ON_DENO = 'Deno' in globalThis;

interface Pending {
  resolve: (outcomes: Array<Error | undefined>) => void;
  reject: (error: Error) => void;
}

const asError = (e: WriterError) => Object.assign(new Error(e.message), { code: e.code });

/** A threaded batcher on the database file `url` names, or null for anything else (remote libSQL, :memory:). */
export function openThreadedBatcher(url: string, options: { synchronous: Synchronous }): ThreadedBatcher | null {
  if (!url.startsWith('file:')) return null;
  const path = url.slice('file:'.length).split('?')[0]!;
  if (!path || path === ':memory:') return null;

  const pending = new Map<number, Pending>();
  let nextId = 1;
  let thread: Worker | null = null;
  /** The SQL texts the current thread knows, by their number. */
  let texts = new Map<string, number>();
  let closing = false;
  /** Batches sent and not yet answered: close() waits for them. */
  const inFlight = new Set<Promise<void>>();
  const stats = { answered: 0, commits: 0 };
  let lastCommit = 0;

  function start(): Worker {
    const worker = ON_DENO
      ? new Worker(WRITER, { workerData: { url, synchronous: options.synchronous } })
      : new Worker(TS_LOADER, { workerData: { entry: WRITER.href, url, synchronous: options.synchronous } });
    worker.on('message', (reply: WriterReply | { ready: true }) => {
      if (!('id' in reply)) return;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (pending.size === 0) worker.unref();
      stats.answered += 1;
      if (reply.commit !== undefined && reply.commit !== lastCommit) {
        lastCommit = reply.commit;
        stats.commits += 1;
      }
      if (reply.error) return waiting.reject(asError(reply.error));
      waiting.resolve((reply.outcomes ?? []).map((e) => (e ? asError(e) : undefined)));
    });
    const fail = (why: string) => {
      if (thread === worker) thread = null;
      const error = new Error(
        `The database writer thread stopped (${why}) before answering; the batch was committed whole or not at all`,
      );
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.reject(error);
      }
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    // The thread keeps the process alive only while it owes an answer (a batch sent before the
    // server listens, as the demo seed's, must not be dropped by an event loop with nothing else
    // to wait for); once the server is done with it, it must not.
    worker.unref();
    return worker;
  }

  function encodeRequest(id: number, groups: Statement[][], separate: boolean): WriterRequest {
    // Both sides start afresh before the list outgrows its bound (the batch's texts are then all new).
    const forget = texts.size + groups.reduce((n, g) => n + g.length, 0) > TEXTS_KEPT;
    if (forget) texts = new Map();
    const added: Array<[number, string]> = [];
    const encode = (statement: Statement): [number, Statement['args']] => {
      let text = texts.get(statement.sql);
      if (text === undefined) {
        text = texts.size;
        texts.set(statement.sql, text);
        added.push([text, statement.sql]);
      }
      return [text, statement.args];
    };
    return {
      type: 'run',
      id,
      groups: groups.map((group) => group.map(encode)),
      separate,
      ...(added.length > 0 ? { texts: added } : {}),
      ...(forget ? { forget } : {}),
    };
  }

  function send(groups: Statement[][], separate: boolean): Promise<Array<Error | undefined>> {
    if (closing) return Promise.reject(new Error('The database writer is closing'));
    if (!thread) {
      thread = start();
      texts = new Map();
      lastCommit = 0;
    }
    const id = nextId++;
    const request = encodeRequest(id, groups, separate);
    const committed = new Promise<Array<Error | undefined>>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      if (pending.size === 1) thread!.ref();
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
      thread!.postMessage(request);
    });
    const settled = committed.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return committed;
  }

  return {
    async run(statements) {
      await send([statements], false);
    },
    runGroups: (groups) => send(groups, true),
    stats: () => ({ ...stats }),
    async close() {
      closing = true;
      const worker = thread;
      if (!worker) return;
      await Promise.allSettled(inFlight);
      const exited = new Promise<void>((done) => worker.once('exit', () => done()));
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
      worker.postMessage({ type: 'close' } satisfies WriterRequest);
      await exited;
    },
    get thread() {
      return thread;
    },
  };
}
