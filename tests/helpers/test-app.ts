/** A real app over a real embedded libSQL file in a temp folder, with a clock the test controls. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../core/http/app.ts';
import type { AppDeps } from '../../core/http/deps.ts';
import { manualClock } from '../../core/lib/clock.ts';
import { withTenant } from '../../core/lib/context.ts';
import { createSecretBox } from '../../core/lib/crypto.ts';
import { createTrackingDeps } from '../../core/modules/tracking/tracking-deps.ts';
import { createGroupCommitWriter } from '../../core/modules/tracking/click-writer.ts';
import { createOutbox } from '../../core/jobs/outbox.ts';
import { createApiKey, createOperator } from '../../core/modules/operators/service.ts';
import { createKabinetClient } from '../../core/sdk/index.ts';
import { openLibsqlDatabase } from '../../edge/libsql.ts';
import { createGuardedOutbound } from '../../edge/outbound-http.ts';
import { postbackHandlers } from '../../core/modules/postbacks/deliver-postback.ts';
import { runDueJobs } from '../../core/jobs/outbox.ts';
import { createDirectoryFileStore } from '../../edge/file-store.ts';

/** A host name tests use for postback receivers on loopback. */
export const TEST_TRACKER_HOST = 'tracker.kabinet.test';

export async function createTestDb() {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-test-'));
  const { db, close } = await openLibsqlDatabase(`file:${join(dir, 'test.db')}`);
  return {
    db,
    /** A real `files` directory beside the database, as the Node edge keeps it. */
    filesDir: join(dir, 'files'),
    dispose: () => {
      close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createTestApp() {
  const { db, dispose, filesDir } = await createTestDb();
  const clock = manualClock('2026-11-24T10:00:00Z');
  const errors: unknown[] = [];
  const deps: AppDeps = {
    db,
    clock,
    jobs: createOutbox(db, clock),
    runtime: 'node',
    version: 'test',
    reportError: (e) => errors.push(e),
    secretBox: await createSecretBox('test-secret-0123456789abcdef-0123456789'),
    mailTransport: null,
    publicUrl: 'http://kabinet.test',
    demoMailbox: true,
    files: createDirectoryFileStore(filesDir),
    // Postbacks go to real loopback receivers under names pinned here (the guard refuses 127.0.0.1 by itself).
    outbound: createGuardedOutbound({ hostMap: { [TEST_TRACKER_HOST]: '127.0.0.1' } }),
    postbackTimeoutMs: 2_000,
    tracking: createTrackingDeps(db, clock, {
      writer: createGroupCommitWriter(db),
      countryOf: (c) => c.req.header('x-test-country') ?? null,
      defaultFallbackUrl: 'https://fallback.example/',
    }),
    // Tests name the caller's IP with a header; real edges take it from the socket.
    clientIp: (c) => c.req.header('x-test-ip') ?? '192.0.2.1',
  };
  const app = createApp(deps);
  const fetchApp = ((input: RequestInfo | URL, init?: RequestInit) =>
    app.request(input instanceof Request ? input : String(input), init)) as typeof fetch;
  const clientFor = (secretKey?: string) =>
    createKabinetClient('http://kabinet.test', { ...(secretKey ? { secretKey } : {}), fetch: fetchApp });

  async function addOperator(name: string, origins: string[] = []) {
    const operator = await createOperator(deps, { name, allowedOrigins: origins });
    const key = await createApiKey(withTenant(deps, operator.id));
    return { operator, key: key.secret, client: clientFor(key.secret) };
  }
  /** Runs due jobs (postback deliveries among them) as the edge's runner would. */
  const runJobs = () => runDueJobs(db, clock, postbackHandlers(deps), 500, 8);
  return { app, deps, clock, errors, fetchApp, clientFor, addOperator, runJobs, filesDir, dispose };
}
