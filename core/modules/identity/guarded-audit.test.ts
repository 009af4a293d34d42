/**
 * auditWhen with `changes() = 1`: the entry goes in only when the statement just before it in the
 * batch changed a row (how a payment account's delete logs itself once, whoever races it).
 */
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertManyAtomically } from '../../db/insert-many.ts';
import { withTenant } from '../../lib/context.ts';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { auditWhen } from './guarded-audit.ts';
import { activePartner } from '../../../tests/helpers/identity.ts';
import { auditEvents, users } from './table.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

describe('auditWhen', () => {
  it('writes the entry only when the update before it in the batch changed a row', async () => {
    const { operator } = await t.addOperator('Guarded');
    await activePartner(t, operator.id, 'guarded@example.com');
    const ctx = withTenant(t.deps, operator.id);
    const rename = (from: string, to: string) => ({
      query: t.deps.db.update(users).set({ name: to }).where(eq(users.name, from)),
    });
    const entry = {
      partnerId: null,
      userId: null,
      type: 'balance_corrected' as const,
      actor: { kind: 'operator' as const },
    };
    await insertManyAtomically(t.deps.db, [
      rename('Owner guarded@example.com', 'Renamed'),
      auditWhen(ctx, { when: sql`changes() = 1`, entry }),
    ]);
    await insertManyAtomically(t.deps.db, [
      rename('Owner guarded@example.com', 'Again'),
      auditWhen(ctx, { when: sql`changes() = 1`, entry }),
    ]);
    const logged = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.operatorId, operator.id));
    expect(logged.filter((e) => e.type === 'balance_corrected')).toHaveLength(1);
  });
});
