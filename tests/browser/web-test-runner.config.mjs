// Browser tests for the widgets: real (Debian) Chromium through playwright-core, TypeScript
// compiled on the fly by esbuild. Never `playwright install`: the download is blocked here.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const executablePath = existsSync('/usr/lib/chromium/chromium') ? '/usr/lib/chromium/chromium' : '/usr/bin/chromium';
// The network is closed: without the background-networking flags Chromium floods it with refused connections.
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export default {
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  files: 'widgets/**/*.test.ts',
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath, headless: true, args } })],
  testFramework: { config: { timeout: 5000 } },
};
