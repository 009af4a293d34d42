/**
 * The encryption secret (KABINET_SECRET) for Node and Deno. Without one, a random secret is
 * created once beside an embedded database file (data/kabinet.secret, mode 600) so a demo just
 * works; a remote database needs KABINET_SECRET set explicitly, since it outlives this machine.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function resolveSecret(env: Record<string, string | undefined>, databaseUrl: string): string {
  if (env.KABINET_SECRET) {
    if (env.KABINET_SECRET.length < 32) throw new Error('KABINET_SECRET must be at least 32 characters');
    return env.KABINET_SECRET;
  }
  if (!databaseUrl.startsWith('file:'))
    throw new Error('Set KABINET_SECRET (32+ random characters) when DATABASE_URL is a remote database');
  const path = join(dirname(resolve(databaseUrl.slice('file:'.length).split('?')[0]!)), 'kabinet.secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  return secret;
}
