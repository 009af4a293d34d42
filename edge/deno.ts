/** Deno entry: `npm run start:deno`. The same core and database code as Node, served by Deno.serve. */
import { serveStatic, getConnInfo } from 'hono/deno';
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
const site = createSite(kabinet.app, serveStatic as never, { demo: kabinet.demo });
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
