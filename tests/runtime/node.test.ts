import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { readServerConfig } from '../../edge/config.ts';
import { boot } from '../../edge/boot.ts';
import { createSite } from '../../edge/site.ts';
import { freePort } from '../helpers/processes.ts';
import { defineSmokeSuite } from './smoke-suite.ts';

// Node in process: the same boot and site as edge/node.ts, on a real socket.
defineSmokeSuite('node', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-node-'));
  const port = await freePort();
  const config = readServerConfig({ PORT: String(port), DATABASE_URL: `file:${join(dir, 'kabinet.db')}` });
  // The entry's own client IP (the socket's), so requests without one (the demo backend's) are covered.
  const kabinet = await boot(config, 'node', {
    env: { KABINET_SEED_CLICKS: '2000' },
    clientIp: (c) => getConnInfo(c).remote.address ?? null,
  });
  const server = serve({
    fetch: createSite(kabinet.app, serveStatic, { demo: kabinet.demo }).fetch,
    port,
    hostname: '127.0.0.1',
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    allowedOrigin: `http://localhost:${port}`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await kabinet.shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
