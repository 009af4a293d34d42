/**
 * The 0.3.0 migration counts what a 0.2.0 database already holds. Here the aggregates written
 * online (with each click and event) are the reference: after erasing them and the attributes
 * the migration fills in, its backfill statements must write the very same rows.
 */
import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { getTableName, sql } from 'drizzle-orm';
import { createTestApp } from './helpers/test-app.ts';
import { activePartner, signedInClient } from './helpers/identity.ts';
import { buildWorld } from './helpers/statistics-world.ts';
import { prng } from '../demo/seed-tracking.ts';
import { CUBES, PARAMETER_CUBE } from '../core/modules/statistics/count-traffic.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
afterAll(() => t?.dispose());

const TABLES = [...CUBES, PARAMETER_CUBE].map((c) => getTableName(c.table));

async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await t.deps.db.all<Record<string, unknown>>(sql.raw(`select * from "${table}"`));
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

it('backfills the aggregates a 0.2.0 database lacks, equal to those written with each click and event', async () => {
  t = await createTestApp();
  const op = await t.addOperator('Backfill');
  await activePartner(t, op.operator.id, 'a@example.com');
  const partner = (await signedInClient(t, op.operator.id, 'a@example.com')).client;
  await buildWorld(t, op, [partner], prng(7));
  const online = await snapshot();
  expect(online.stats_full_q!.length).toBeGreaterThan(100);
  expect(online.stats_param_q!.length).toBeGreaterThan(100);

  // As a 0.2.0 database: no aggregates, clicks and events without the attributes counted under.
  for (const table of TABLES) await t.deps.db.run(sql.raw(`delete from "${table}"`));
  await t.deps.db.run(
    sql.raw(
      `update clicks set brand_id = null, plan_id = null, landing_id = null, creative_id = null, traffic_source_id = null`,
    ),
  );
  await t.deps.db.run(
    sql.raw(
      `update player_events set plan_id = null, landing_id = null, creative_id = null, traffic_source_id = null, country = null, device = null, os = null`,
    ),
  );
  const migration = readFileSync(new URL('../core/db/migrations/0004_statistics.sql', import.meta.url), 'utf8');
  const backfill = migration.slice(migration.indexOf('-- Backfill'));
  for (const statement of backfill.split('--> statement-breakpoint')) await t.deps.db.run(sql.raw(statement));
  expect(await snapshot()).toEqual(online);
}, 120_000);
