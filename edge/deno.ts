/**
 * Deno entry: `npm run start:deno`. The same core and database code as Node, served by Deno.serve.
 * Static files go through the same serve-static as on Node (@hono/node-server's, on Deno's node:fs):
 * hono/deno's sends precompressed files without Content-Length, answers HEAD with Content-Length 0
 * and ignores Range.
 */
import { getConnInfo } from 'hono/deno';
import { serveStatic } from '@hono/node-server/serve-static';
import { readServerConfig } from './config.ts';
import { banner, boot } from './boot.ts';
import { createSite } from './site.ts';

declare const Deno: {
  env: { toObject(): Record<string, string> };
  version: { deno: string };
  serve(
    options: { port: number; hostname: string; onListen?: () => void },
    handler: (req: Request) => Response | Promise<Response>,
  ): { shutdown(): Promise<void> };
  addSignalListener(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
  exit(code: number): never;
};

const config = readServerConfig(Deno.env.toObject());
const env = Deno.env.toObject();
const kabinet = await boot(config, 'deno', { env, clientIp: (c) => getConnInfo(c).remote.address ?? null });
const site = createSite(kabinet.app, serveStatic, {
  demo: kabinet.demo,
  demoNetworkStateFile: kabinet.demoNetworkStateFile,
});
const server = Deno.serve(
  {
    port: config.port,
    hostname: config.host,
    onListen: () => console.log(banner(config, `Deno ${Deno.version.deno}`, kabinet.seeded)),
  },
  site.fetch,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  Deno.addSignalListener(signal, () => {
    void server
      .shutdown()
      .then(() => kabinet.shutdown())
      .then(() => Deno.exit(0));
  });
}
