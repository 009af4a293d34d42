/**
 * An audit entry written only when a condition holds as its batch runs (this attempt's transfer
 * went in, this attempt moved the cash-out, this attempt's update changed the row), so a losing
 * retry or race records nothing. Other modules put it in the batch of the change it records.
 */
import type { SQL } from 'drizzle-orm';
import { rawStatement, type QueryPart } from '../../db/insert-many.ts';
import type { TenantStore } from '../../lib/context.ts';
import { auditStatement, type AuditInput } from './audit.ts';

/** The audit insert as `insert … select … where <when>`, built from identity's own statement. */
export function auditWhen(ctx: TenantStore, input: { when: SQL; entry: AuditInput }): QueryPart {
  const insert = auditStatement(ctx, input.entry).toSQL();
  const condition = rawStatement(input.when).query.toSQL();
  const shape = / values \((.*)\)$/s;
  if (!shape.test(insert.sql)) throw new Error('audit: the insert has an unexpected shape');
  const sql = insert.sql.replace(shape, (_, values: string) => ` select ${values} where ${condition.sql}`);
  return { query: { toSQL: () => ({ sql, params: [...insert.params, ...condition.params] }) } };
}
