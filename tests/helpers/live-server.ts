/** A real Kabinet server (the Node entry's boot and site) on a free loopback port, on a temp database. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { readServerConfig } from '../../edge/config.ts';
import { boot } from '../../edge/boot.ts';
import { createSite } from '../../edge/site.ts';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import { DEMO_OPERATORS } from '../../demo/demo-operators.ts';
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
    fetch: createSite(kabinet.app, serveStatic, {
      demo: kabinet.demo,
      demoNetworkStateFile: kabinet.demoNetworkStateFile,
    }).fetch,
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

/**
 * A sign-up on the demo's Lucky Spin program through the public API (the call the portal's form
 * makes): it accepts the published terms and answers the required sign-up field, as the demo
 * seeds both. Answers the new partner's id (pending until the operator approves).
 */
export async function signUpDemoPartner(
  baseUrl: string,
  input: { name: string; email: string; password: string },
): Promise<string> {
  const anon = createKabinetClient(baseUrl);
  const operator = { operatorId: DEMO_OPERATORS[0]!.id };
  const { current } = await unwrap(anon.v1.public.operators[':operatorId'].terms.$get({ param: operator }));
  const json = {
    ...input,
    country: 'DE',
    company: input.name,
    ...(current ? { acceptTermsVersion: current.id } : { acceptTerms: true }),
    fields: { traffic_source: 'seo' },
  };
  return (await unwrap(anon.v1.public.operators[':operatorId'].sign_up.$post({ param: operator, json }))).partnerId;
}
