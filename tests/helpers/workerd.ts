/**
 * Real workerd through Miniflare with a local D1 database: edge/worker.ts bundled for Workers, the
 * bindings of wrangler.toml, and the migrations applied as `wrangler d1 migrations apply` does.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/d1';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import type { Db } from '../../core/db/client.ts';
import * as schema from '../../core/db/schema.ts';
import { systemClock } from '../../core/lib/clock.ts';
import { createSecretBox } from '../../core/lib/crypto.ts';
import { seedDemo } from '../../demo/seed.ts';
import { createR2FileStore, type R2BucketLike } from '../../edge/r2-file-store.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MIGRATIONS = join(root, 'core/db/migrations');
/** The Worker's KABINET_SECRET: a seed seals secrets with it so the Worker can open them. */
export const WORKERD_TEST_SECRET = 'workerd-test-secret-0123456789abcdef';

/** Applies drizzle-kit's SQL files the way `wrangler d1 migrations apply` does: in name order. */
export async function applyMigrations(d1: { prepare(sql: string): { run(): Promise<unknown> } }) {
  for (const file of readdirSync(MIGRATIONS)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const statements = readFileSync(join(MIGRATIONS, file), 'utf8').split('--> statement-breakpoint');
    for (const statement of statements.map((s) => s.trim()).filter(Boolean)) await d1.prepare(statement).run();
  }
}

/**
 * `clickQueue`: bind the CLICKS queue as wrangler.toml does, so tracking links send their clicks to
 * it and its consumer stores them in batches. Off by default: the other suites read a click right
 * after its 302, which the direct insert (no CLICKS binding) guarantees.
 */
export async function startWorkerd(
  dir: string,
  outboundService?: (request: Request) => Response | Promise<Response>,
  options: { clickQueue?: boolean } = {},
) {
  const scriptPath = join(dir, 'worker.js');
  await build({
    entryPoints: [join(root, 'edge/worker.ts')],
    outfile: scriptPath,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2022',
    logLevel: 'error',
  });
  // The bindings of wrangler.toml: D1 as DB, the JOBS queue with its consumer (this same Worker),
  // the FILES R2 bucket (requested reports' files).
  // The bundle named as the one module rather than walked: Miniflare's walker refuses any dynamic
  // import() with a computed specifier, and file-type (core/lib/file-signature.ts) carries one on a
  // Node-only path it never takes here (workerd itself only fails such an import if it is called).
  const mf = new Miniflare({
    modulesRoot: dir,
    modules: [{ type: 'ESModule', path: scriptPath }],
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: { DB: 'kabinet-smoke' },
    bindings: { KABINET_SECRET: WORKERD_TEST_SECRET, KABINET_DEMO: 'on' },
    d1Persist: join(dir, 'd1'),
    r2Buckets: { FILES: 'kabinet-files' },
    r2Persist: join(dir, 'r2'),
    cf: false,
    queueProducers: {
      JOBS: { queueName: 'kabinet-jobs' },
      ...(options.clickQueue ? { CLICKS: { queueName: 'kabinet-clicks' } } : {}),
    },
    queueConsumers: {
      'kabinet-jobs': { maxBatchTimeout: 0.05 },
      ...(options.clickQueue ? { 'kabinet-clicks': { maxBatchSize: 100, maxBatchTimeout: 0.2 } } : {}),
    },
    ...(outboundService ? { outboundService } : {}),
  });
  const baseUrl = (await mf.ready).origin;
  const d1 = await mf.getD1Database('DB');
  await applyMigrations(d1);
  return { mf, d1, baseUrl };
}

/**
 * workerd with the demo seeded into its D1 (and its R2 through the Worker's own binding, for the
 * files the seed writes): the start-up the workerd feature suites share. `dispose` stops workerd
 * and removes its directory.
 */
export async function startSeededWorkerd(
  name: string,
  seedOptions: { clicks?: number } = {},
  workerdOptions: { clickQueue?: boolean } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), `kabinet-workerd-${name}-`));
  const workerd = await startWorkerd(dir, undefined, workerdOptions);
  const files = createR2FileStore((await workerd.mf.getR2Bucket('FILES')) as unknown as R2BucketLike);
  await seedDemo(
    {
      db: drizzle(workerd.d1 as never, { schema }) as unknown as Db,
      clock: systemClock,
      secretBox: await createSecretBox(WORKERD_TEST_SECRET),
      publicUrl: workerd.baseUrl,
      files,
    } as Parameters<typeof seedDemo>[0],
    [],
    { publicUrl: workerd.baseUrl, clicks: seedOptions.clicks ?? 200 },
  );
  return {
    ...workerd,
    dir,
    dispose: async () => {
      await workerd.mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
