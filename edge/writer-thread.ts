/**
 * The database writer thread's side (Node): owns a connection of its own (edge/statement-batcher.ts,
 * its statements kept prepared) and commits each batch it is sent, in the order sent, answering
 * each with its id once committed, or with the error after rolling back. Batches that arrived
 * while it was committing go into the next transaction together, each in a savepoint: one fsync
 * for all of them, and a batch that fails is rolled back alone. The request thread only
 * encodes the rows; SQLite's work (binding, the B-tree, the WAL write and fsync) runs here.
 */
import { setImmediate } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import type { Statement } from '../core/db/insert-many.ts';
import { openStatementBatcher } from './statement-batcher.ts';
import type { WriterError, WriterReply, WriterRequest } from './threaded-batcher.ts';

const { url, synchronous } = workerData as { url: string; synchronous: 'normal' | 'full' };
const opened = openStatementBatcher(url, { synchronous });
if (!opened) throw new Error(`The writer thread needs a database file, got ${url}`);
const batcher = opened;
const port = parentPort!;
/** The SQL texts this thread was sent, by number (see WriterRequest). */
const texts = new Map<number, string>();

/** A request as received, its texts looked up (a later request may start the texts afresh). */
interface Received {
  id: number;
  separate: boolean;
  groups: Statement[][];
}
/** Requests that arrived while the thread was committing: the next commit takes them all. */
let waiting: Received[] = [];
/** Transactions this thread ran (each reply names its own). */
let commits = 0;

port.on('message', (request: WriterRequest) => {
  if (request.type === 'close') {
    commitWaiting();
    batcher.close();
    // Node: a closed port lets the thread end. Deno's port has no close(): its worker closes itself.
    if (typeof port.close === 'function') port.close();
    else (globalThis as unknown as { close(): void }).close();
    return;
  }
  if (request.forget) texts.clear();
  for (const [text, sql] of request.texts ?? []) texts.set(text, sql);
  const groups = request.groups.map((group) =>
    group.map(([text, args]): Statement => ({ sql: texts.get(text)!, args })),
  );
  // Messages that queued up during a commit are all delivered before the next turn's callbacks:
  // collect them, and commit them together then (one fsync for all).
  if (waiting.push({ id: request.id, separate: request.separate, groups }) === 1) setImmediate(commitWaiting);
});

const outcomesOf = (errors: Array<Error | undefined>) => errors.map((e) => (e ? shape(e) : null));

/** Commits every waiting request in one transaction (a savepoint each) and answers each. */
function commitWaiting(): void {
  const requests = waiting;
  waiting = [];
  if (requests.length === 0) return;
  let replies: WriterReply[];
  try {
    if (requests.length > 1)
      replies = batcher
        .runRequests(requests)
        .map((outcome, i) =>
          'error' in outcome
            ? { id: requests[i]!.id, error: shape(outcome.error) }
            : requests[i]!.separate
              ? { id: requests[i]!.id, outcomes: outcomesOf(outcome.outcomes) }
              : { id: requests[i]!.id },
        );
    else {
      const { id, separate, groups } = requests[0]!;
      if (separate) replies = [{ id, outcomes: outcomesOf(batcher.runGroups(groups)) }];
      else {
        batcher.run(groups.flat());
        replies = [{ id }];
      }
    }
  } catch (error) {
    replies = requests.map((request) => ({ id: request.id, error: shape(error) }));
  }
  commits += 1;
  for (const reply of replies) port.postMessage({ ...reply, commit: commits });
}
port.postMessage({ ready: true });

function shape(error: unknown): WriterError {
  const { message, code } = error as { message?: string; code?: string };
  return { message: message ?? String(error), code };
}
