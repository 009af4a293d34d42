/** Helpers for tests that start real servers: free ports, waiting for health, stopping groups. */
import { createServer } from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(
  baseUrl: string,
  child: ChildProcess | null,
  output: () => string,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No healthy answer from ${baseUrl} within ${timeoutMs} ms:\n${output()}`);
}

/** Starts a command in its own process group so stopping it stops every child it spawned. */
export function startProcess(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => {
    log += d;
  });
  child.stderr!.on('data', (d) => {
    log += d;
  });
  return {
    child,
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          resolve();
        }
        setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, 5_000).unref();
      }),
  };
}

const ROOT = new URL('../..', import.meta.url).pathname;

/** The Node entry's own boot, in a child process: `boot()` then `serve()`, SIGTERM shuts down cleanly. */
const SERVER_SCRIPT = `(async () => {
  const { serve } = await import('@hono/node-server');
  const { readServerConfig } = await import(${JSON.stringify(`${ROOT}edge/config.ts`)});
  const { boot } = await import(${JSON.stringify(`${ROOT}edge/boot.ts`)});
  const config = readServerConfig(process.env);
  const kabinet = await boot(config, 'node', { env: process.env, clientIp: () => '127.0.0.1' });
  serve({ fetch: kabinet.app.fetch, port: config.port, hostname: '127.0.0.1' });
  process.once('SIGTERM', () => void kabinet.shutdown().then(() => process.exit(0)));
})();`;

export const TEST_SERVER_SECRET = 'test-secret-0123456789abcdef-0123456789';

/**
 * A Kabinet server process on the database file `databaseUrl` (no seed), healthy when this
 * resolves. `base` is its address; `stop()` sends SIGTERM (then SIGKILL after 5 s).
 */
export async function startKabinetServer(databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const server = startProcess(`${ROOT}node_modules/.bin/tsx`, ['-e', SERVER_SCRIPT], {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    KABINET_SEED: 'none',
    KABINET_SECRET: TEST_SERVER_SECRET,
    NODE_ENV: 'production',
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, server.child, server.output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { ...server, base };
}

/** The `file:` URL of a test app's database, for a server process to open the same file. */
export async function databaseFileUrl(db: unknown): Promise<string> {
  const client = (db as { $client: { execute(sql: string): Promise<{ rows: Array<{ file: string }> }> } }).$client;
  const { rows } = await client.execute('PRAGMA database_list');
  return `file:${rows[0]!.file}`;
}
