import { defineConfig } from 'vitest/config';

// Node-side suites: core unit and HTTP integration, and the black-box runtime smoke suites
// (Node in process, the real Deno binary, real workerd through Miniflare with D1).
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['core/**/*.test.ts', 'edge/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'widgets/**', 'tests/bench/**'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time: on a 2-core machine the default ran them one by one (the runtime, e2e and
    // two-process suites mostly wait on other processes). 549 s → 330 s for the Node suites.
    maxWorkers: 2,
  },
});
