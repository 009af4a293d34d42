/** Node entry (the default): `npm start`. Embedded libSQL file, in-process job runner. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { getConnInfo } from '@hono/node-server/conninfo';
import { readServerConfig } from './config.ts';
import { banner, boot } from './boot.ts';
import { createSite } from './site.ts';

const WIDGET_BUNDLE = fileURLToPath(new URL('../widgets/dist/kabinet.js', import.meta.url));

/** Builds the widget bundle on first start so `npm install && npm start` is enough. */
async function ensureWidgetsBuilt(): Promise<void> {
  if (existsSync(WIDGET_BUNDLE)) return;
  console.log('Building widgets (first start)…');
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), logLevel: 'warn' });
}

const config = readServerConfig(process.env);
await ensureWidgetsBuilt();
const kabinet = await boot(config, 'node', {
  env: process.env,
  clientIp: (c) => getConnInfo(c).remote.address ?? null,
});
const site = createSite(kabinet.app, serveStatic, {
  demo: kabinet.demo,
  demoNetworkStateFile: kabinet.demoNetworkStateFile,
});
const server = serve({ fetch: site.fetch, port: config.port, hostname: config.host }, () => {
  console.log(banner(config, `Node ${process.version}`, kabinet.seeded));
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void kabinet.shutdown().then(() => process.exit(0));
  });
}
