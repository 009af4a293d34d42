/**
 * `npm run dev:worker` step: seeds the demo data into wrangler's local D1 database (a SQLite file
 * under .wrangler/state) after `wrangler d1 migrations apply --local`, so the Worker serves the
 * same demo as `npm start`. Only ever touches an empty database.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from '../core/db/schema.ts';
import type { Db } from '../core/db/client.ts';
import { systemClock } from '../core/lib/clock.ts';
import { isDatabaseEmpty, seedDemo } from '../demo/seed.ts';
import { createSecretBox } from '../core/lib/crypto.ts';

const DEV_SECRET = 'local-dev-only-secret-0123456789abcdef';

const dir = '.wrangler/state/v3/d1/miniflare-D1DatabaseObject';
const files = readdirSync(dir).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
const port = process.env.PORT ?? '8787';
for (const file of files) {
  const client = createClient({ url: `file:${join(dir, file)}` });
  // The same secret `npm run dev:worker` gives wrangler, so the Worker can open what the seed sealed.
  const ctx = {
    db: drizzle(client, { schema }) as unknown as Db,
    clock: systemClock,
    secretBox: await createSecretBox(DEV_SECRET),
    publicUrl: `http://127.0.0.1:${port}`,
  };
  const tables = await client.execute("select name from sqlite_master where type='table' and name='operators'");
  if (tables.rows.length && (await isDatabaseEmpty(ctx))) {
    await seedDemo(ctx, [`http://127.0.0.1:${port}`, `http://localhost:${port}`], {
      publicUrl: `http://127.0.0.1:${port}`,
      clicks: 20_000,
      maxParams: 32_000,
    });
    console.log(`Seeded demo data into local D1 (${file})`);
  }
  client.close();
}
