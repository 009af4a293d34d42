/** A real Kabinet server (the Node entry's boot and site) on a free loopback port, on a temp database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { readServerConfig } from '../../edge/config.ts';
import { boot } from '../../edge/boot.ts';
import { createSite } from '../../edge/site.ts';
import { freePort } from './processes.ts';

export async function startLiveServer(extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-live-'));
  const port = await freePort();
  const env = {
    PORT: String(port),
    DATABASE_URL: `file:${join(dir, 'kabinet.db')}`,
    KABINET_SEED_CLICKS: '3000',
    ...extraEnv,
  };
  const config = readServerConfig(env);
  const kabinet = await boot(config, 'node', { env, clientIp: () => '127.0.0.1' });
  const server = serve({
    fetch: createSite(kabinet.app, serveStatic, { demo: kabinet.demo }).fetch,
    port,
    hostname: '127.0.0.1',
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    deps: kabinet.deps,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await kabinet.shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
