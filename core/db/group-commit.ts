/**
 * Group commit: callers hand in work, each waits for its own outcome, and everything that
 * arrives while a commit is under way goes into the next one, which starts the moment the
 * previous ends (and takes at most `maxItems`). An idle server commits a lone call almost at once;
 * a busy one shares each commit (and its fsync) among every call that arrived meanwhile: the batch
 * size follows the load, with no fixed wait. A caller is answered only after its commit.
 *
 * Used by the click writer (clicks become one multi-row insert) and, on Node and Deno, by every
 * atomic batch (`insertManyAtomically`: each call's statements in a savepoint of one transaction).
 */

export interface GroupQueue<T> {
  /** Resolves once `item` is committed; rejects with the error its commit gave it. */
  add(item: T): Promise<void>;
  /** Waits for anything queued (shutdown, tests). */
  drain(): Promise<void>;
}

export interface GroupQueueOptions {
  /** Items one commit takes at most. */
  maxItems: number;
  /**
   * Commits under way at once (default 1). A committer on another thread that commits in the order
   * sent takes 2: this thread prepares the next group while the other commits the previous one.
   */
  pipeline?: number;
}

/**
 * Each item's outcome, in order: undefined when it was committed, else its error. A thrown error
 * (or a rejection) fails the whole group.
 */
export type CommitGroup<T> = (items: T[]) => Promise<Array<unknown>> | Array<unknown>;

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (e: unknown) => void;
}

const nextTurn: (fn: () => void) => void =
  typeof globalThis.setImmediate === 'function'
    ? (fn) => {
        globalThis.setImmediate(fn);
      }
    : (fn) => {
        setTimeout(fn, 0);
      };

export function createGroupQueue<T>(commitGroup: CommitGroup<T>, options: GroupQueueOptions): GroupQueue<T> {
  const pipeline = Math.max(1, options.pipeline ?? 1);
  let queue: Array<Waiting<T>> = [];
  let inFlight = 0;
  let scheduled = false;
  /** drain() callers, told once nothing is queued, scheduled or committing. */
  const idle: Array<() => void> = [];

  function commitBatch(batch: Array<Waiting<T>>): void {
    inFlight++;
    Promise.resolve()
      .then(() => commitGroup(batch.map((b) => b.item)))
      .then(
        (outcomes) =>
          batch.forEach((b, i) => {
            const error = outcomes[i];
            if (error === undefined || error === null) b.resolve();
            else b.reject(error);
          }),
        (error: unknown) => {
          for (const b of batch) b.reject(error ?? new Error('The commit failed'));
        },
      )
      .finally(() => {
        inFlight--;
        // The next commit starts the moment one ends, with everything that arrived meanwhile.
        pump();
      });
  }

  function pump(): void {
    while (queue.length > 0 && inFlight < pipeline) commitBatch(queue.splice(0, options.maxItems));
    if (queue.length === 0 && inFlight === 0 && !scheduled) for (const done of idle.splice(0)) done();
  }

  return {
    add(item) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (scheduled || inFlight >= pipeline) return;
        // Wait one turn of the event loop so calls read in the same I/O phase join this commit.
        // setImmediate (Node, Deno) runs right after that phase; setTimeout(0) would add ~1 ms.
        scheduled = true;
        nextTurn(() => {
          scheduled = false;
          pump();
        });
      });
    },
    drain() {
      if (queue.length === 0 && inFlight === 0 && !scheduled) return Promise.resolve();
      return new Promise<void>((done) => idle.push(done));
    },
  };
}
