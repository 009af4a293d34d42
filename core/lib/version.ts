/**
 * This server's version: the OpenAPI document, /health, the start-up line and postbacks'
 * User-Agent name it. tests/version.test.ts keeps it equal to package.json's (a JSON import
 * is not portable across Node 20.3+, Deno and the Workers bundler, so it is a constant).
 */
export const VERSION = '0.2.0';
