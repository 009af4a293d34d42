/**
 * Real workerd through Miniflare with a local D1 database: edge/worker.ts bundled for Workers, the
 * bindings of wrangler.toml, and the migrations applied as `wrangler d1 migrations apply` does.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type AddressInfo } from 'node:net';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import type { Db } from '../../core/db/client.ts';
import * as schema from '../../core/db/schema.ts';
import { systemClock } from '../../core/lib/clock.ts';
import { createSecretBox } from '../../core/lib/crypto.ts';
import { seedDemo } from '../../demo/seed.ts';
import type { FileStore } from '../../core/lib/file-store.ts';

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

/** What startWorkerd seeds before the Worker serves: the demo (with these allowed origins and clicks). */
export interface WorkerdDemo {
  origins?: string[];
  clicks: number;
}

/**
 * `clickQueue`: bind the CLICKS queue as wrangler.toml does, so tracking links send their clicks to
 * it and its consumer stores them in batches. Off by default: the other suites read a click right
 * after its 302, which the direct insert (no CLICKS binding) guarantees.
 *
 * The migrations and the demo go into D1's own SQLite file through libSQL while workerd is stopped
 * (as `npm run dev:worker` seeds), then workerd starts again on the same port: thousands of seed
 * statements through Miniflare's synchronous Node-to-D1 proxy were slow and, on a loaded machine,
 * tripped the proxy's own assertion (`ProxyStubHandler.get`) mid-seed.
 */
export async function startWorkerd(
  dir: string,
  outboundService?: (request: Request) => Response | Promise<Response>,
  options: { clickQueue?: boolean; demo?: WorkerdDemo } = {},
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
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The bindings of wrangler.toml: D1 as DB, the JOBS queue with its consumer (this same Worker),
  // the FILES R2 bucket (requested reports' files).
  // The bundle named as the one module rather than walked: Miniflare's walker refuses any dynamic
  // import() with a computed specifier, and file-type (core/lib/file-signature.ts) carries one on a
  // Node-only path it never takes here (workerd itself only fails such an import if it is called).
  const workerdOptions = {
    host: '127.0.0.1',
    port,
    modulesRoot: dir,
    modules: [{ type: 'ESModule' as const, path: scriptPath }],
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
  };
  // A first start only makes workerd create D1's file (its name is the Durable Object id's).
  const first = new Miniflare(workerdOptions);
  await first.ready;
  await (await first.getD1Database('DB')).prepare('CREATE TABLE _kabinet_probe (x)').run();
  await first.dispose();
  const files = await prepareD1File(join(dir, 'd1', 'miniflare-D1DatabaseObject'), baseUrl, options.demo);
  const mf = new Miniflare(workerdOptions);
  const origin = (await mf.ready).origin;
  if (origin !== baseUrl) throw new Error(`workerd came back on ${origin}, not ${baseUrl}`);
  if (files.length) {
    const bucket = await mf.getR2Bucket('FILES');
    for (const file of files)
      await bucket.put(file.key, file.body, { httpMetadata: { contentType: file.contentType } });
  }
  const d1 = await mf.getD1Database('DB');
  return { mf, d1, baseUrl };
}

/** Migrates (and seeds) D1's SQLite file; answers the files the seed wrote, for R2 once workerd runs. */
async function prepareD1File(directory: string, baseUrl: string, demo: WorkerdDemo | undefined) {
  const names = readdirSync(directory).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  if (names.length !== 1) throw new Error(`expected one D1 file in ${directory}, found ${names.join(', ')}`);
  const client = createClient({ url: `file:${join(directory, names[0]!)}` });
  const written: Array<{ key: string; body: Uint8Array; contentType: string }> = [];
  try {
    await client.execute('DROP TABLE _kabinet_probe');
    await applyMigrations({ prepare: (sql) => ({ run: () => client.execute(sql) }) });
    if (demo) {
      const files: FileStore = {
        async put(key, body, contentType) {
          const bytes = body instanceof Uint8Array ? body : new Uint8Array(await new Response(body).arrayBuffer());
          written.push({ key, body: bytes, contentType });
          return { size: bytes.byteLength };
        },
        get: async () => null,
        delete: async () => {},
      };
      // Without maxParams, as over a D1 binding: the same demo the Worker would have seeded itself.
      await seedDemo(
        {
          db: drizzle(client, { schema }) as unknown as Db,
          clock: systemClock,
          secretBox: await createSecretBox(WORKERD_TEST_SECRET),
          publicUrl: baseUrl,
          files,
        } as Parameters<typeof seedDemo>[0],
        demo.origins ?? [],
        { publicUrl: baseUrl, clicks: demo.clicks },
      );
    }
  } finally {
    client.close();
  }
  return written;
}

/** A port free right now on loopback: workerd is started twice on it. */
function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * workerd with the demo seeded into its D1 (and the files the seed writes into its R2): the
 * start-up the workerd feature suites share. `dispose` stops workerd
 * and removes its directory.
 */
export async function startSeededWorkerd(
  name: string,
  seedOptions: { clicks?: number } = {},
  workerdOptions: { clickQueue?: boolean } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), `kabinet-workerd-${name}-`));
  const workerd = await startWorkerd(dir, undefined, {
    ...workerdOptions,
    demo: { clicks: seedOptions.clicks ?? 200 },
  });
  return {
    ...workerd,
    dir,
    dispose: async () => {
      await workerd.mf.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
