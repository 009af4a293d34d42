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
  },
});
