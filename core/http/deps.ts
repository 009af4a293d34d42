import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import type { JobQueue } from '../jobs/outbox.ts';

/**
 * Everything the core needs from the outside world. Each edge entry (Node, Deno, Workers)
 * builds one and passes it to createApp; nothing in core reaches for a global.
 */
export interface AppDeps {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  /** Which runtime serves this app; shown by /health so smoke tests can tell them apart. */
  runtime: 'node' | 'deno' | 'workerd';
  version: string;
  /** Called with unexpected errors (the client only sees a request id). */
  reportError?: (error: unknown, requestId: string | null) => void;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Set by the operator-key middleware on Operator API routes. */
    operatorId: string;
  };
}
