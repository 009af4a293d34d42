import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess, waitForHealth } from '../helpers/processes.ts';
import { defineCompressedAssetsSuite } from './compressed-assets-suite.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

// The real Deno binary (from the `deno` npm package) running edge/deno.ts, as `npm run start:deno` does.
defineCompressedAssetsSuite('deno', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kabinet-deno-assets-'));
  const port = await freePort();
  const server = startProcess(join(root, 'node_modules/.bin/deno'), ['run', '-A', join(root, 'edge/deno.ts')], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${join(dir, 'kabinet.db')}`,
    NO_COLOR: '1',
    KABINET_SEED_CLICKS: '200',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server.child, server.output);
  return {
    baseUrl,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
