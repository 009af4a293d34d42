import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from '../core/db/schema.ts';
import { campaignNameOf, promoCodeOf } from '../core/modules/campaigns/service.ts';
import { brandSummaryOf, landingTargetOf } from '../core/modules/catalog/service.ts';
import { partnerReferralCodeOf } from '../core/modules/identity/partners.ts';
import { operatorBrandingOf } from '../core/modules/operators/service.ts';
import { IMPORT_SPECIFIER, typeScriptFiles } from './helpers/source-files.ts';

/**
 * Modules talk through services, not tables (docs: DESIGN.md, "Boundaries"). A module owns the
 * tables in its `table.ts`; any other module calls that module's exported operations instead of
 * importing the tables. This scans every `.ts` file under core/modules/<m>/ and fails, naming each
 * import of core/modules/<other>/table.ts.
 *
 * Not scanned:
 * - `table.ts` files: a table may reference another module's table for a foreign key.
 * - `*.test.ts` files: a test beside the code may read a foreign table to assert what ended up
 *   stored (a sign-in lockout leaves a mail in the outbox). Tests run no production path, so
 *   they cannot couple one module's behaviour to another's storage.
 * - core/db/schema.ts, the aggregate drizzle-kit and the typed handle read, is outside modules/.
 * Type-only imports count: a row type is the table's shape all the same, so the owner exports it.
 */
const root = resolve(import.meta.dirname, '..');
const modulesDir = join(root, 'core', 'modules');

function moduleOf(absPath: string): string | undefined {
  const rel = relative(modulesDir, absPath);
  if (rel.startsWith('..')) return undefined;
  return rel.split(sep)[0];
}

function boundaryViolations(): string[] {
  const found: string[] = [];
  for (const file of typeScriptFiles(modulesDir)) {
    const base = file.slice(file.lastIndexOf(sep) + 1);
    if (base === 'table.ts' || base.endsWith('.test.ts')) continue;
    const own = moduleOf(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_SPECIFIER)) {
      const spec = m[2]!;
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      const targetBase = target.slice(target.lastIndexOf(sep) + 1);
      if (targetBase !== 'table.ts' && targetBase !== 'table') continue;
      const owner = moduleOf(target);
      if (owner === undefined || owner === own) continue;
      found.push(`${own} -> ${owner}: ${relative(root, file).split(sep).join('/')} imports ${spec}`);
    }
  }
  return [...new Set(found)].sort();
}

describe('module boundaries', () => {
  it("no module imports another module's table.ts (call its exported operations instead)", () => {
    expect(boundaryViolations()).toEqual([]);
  });

  it('the scan sees the modules (a moved folder would pass it vacuously)', () => {
    const modules = new Set(typeScriptFiles(modulesDir).map(moduleOf));
    for (const m of ['tracking', 'events', 'postbacks', 'conversions', 'identity', 'campaigns', 'catalog'])
      expect(modules.has(m)).toBe(true);
  });

  it("the owners' label subqueries stay correlated in a one-table select (drizzle writes that select list's columns bare)", () => {
    const db = drizzle(createClient({ url: ':memory:' }), { schema });
    const { promos, campaigns, mailMessages } = schema;
    const promoSql = db
      .select({
        id: promos.id,
        name: campaignNameOf(promos.campaignId),
        code: promoCodeOf(promos.id),
        landing: landingTargetOf(promos.landingId),
        ref: partnerReferralCodeOf(promos.partnerId),
      })
      .from(promos)
      .toSQL().sql;
    expect(promoSql).toContain('"campaigns"."id" = "promos"."campaign_id"');
    expect(promoSql).toContain('"landings"."id" = "promos"."landing_id"');
    expect(promoSql).toContain('"brands"."id" = "landings"."brand_id"');
    expect(promoSql).toContain('"partners"."id" = "promos"."partner_id"');
    expect(
      db
        .select({ brand: brandSummaryOf(campaigns.brandId) })
        .from(campaigns)
        .toSQL().sql,
    ).toContain('"brands"."id" = "campaigns"."brand_id"');
    expect(
      db
        .select({ b: operatorBrandingOf(mailMessages.operatorId) })
        .from(mailMessages)
        .toSQL().sql,
    ).toContain('"operators"."id" = "mail_messages"."operator_id"');
  });
});
