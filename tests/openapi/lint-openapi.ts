/**
 * npm run lint:openapi — writes the app's /openapi.json to a temp file and runs Redocly's
 * recommended rules over it (tests/openapi/redocly.yaml). Operators generate PHP, Python and Go
 * clients from this document, so what a generator needs (operationIds, declared security,
 * servers, 4xx answers) is checked here. Offline: telemetry and the update notice are off.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApp } from '../helpers/test-app.ts';

const redocly = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
const config = fileURLToPath(new URL('./redocly.yaml', import.meta.url));

const { app, dispose } = await createTestApp();
const response = await app.request('/openapi.json');
const document = await response.text();
dispose();
if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}`);

const dir = mkdtempSync(join(tmpdir(), 'kabinet-openapi-'));
const file = join(dir, 'openapi.json');
writeFileSync(file, document);
const result = spawnSync(process.execPath, [redocly, 'lint', '--config', config, '--max-problems', '1000', file], {
  stdio: 'inherit',
  env: {
    ...process.env,
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  },
});
rmSync(dir, { recursive: true, force: true });
process.exit(result.status ?? 1);
