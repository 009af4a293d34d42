/** Settings the Node and Deno entries read from the environment, with the documented defaults. */
import { DEFAULT_DATABASE_URL } from './libsql.ts';

export interface ServerConfig {
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  host: string;
  port: number;
  seed: 'demo' | 'none';
  /** Base URL for links in emails (KABINET_PUBLIC_URL; default http://HOST:PORT). */
  publicUrl: string;
}

export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const seed = env.KABINET_SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new Error(`KABINET_SEED must be "demo" or "none", got "${seed}"`);
  return {
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    host: env.HOST || '127.0.0.1',
    port,
    seed,
    publicUrl: (env.KABINET_PUBLIC_URL || `http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : '127.0.0.1'}:${port}`).replace(/\/+$/, ''),
  };
}
