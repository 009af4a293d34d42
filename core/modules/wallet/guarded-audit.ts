/**
 * An audit entry written only when a condition holds as its batch runs (this attempt's transfer
 * went in, this attempt moved the cash-out), so a losing retry or race records nothing.
 */
import type { SQL } from 'drizzle-orm';
import { rawStatement, type QueryPart } from '../../db/insert-many.ts';
import type { TenantStore } from '../../lib/context.ts';
import { auditStatement, type AuditInput } from '../identity/audit.ts';

/**
 * The audit insert as `insert … select … where <when>`. The audit table is identity's, so the
 * condition is worded around identity's own statement rather than writing the table here.
 */
export function auditWhen(ctx: TenantStore, input: { when: SQL; entry: AuditInput }): QueryPart {
  const insert = auditStatement(ctx, input.entry).toSQL();
  const condition = rawStatement(input.when).query.toSQL();
  const shape = / values \((.*)\)$/s;
  if (!shape.test(insert.sql)) throw new Error('wallet: the audit insert has an unexpected shape');
  const sql = insert.sql.replace(shape, (_, values: string) => ` select ${values} where ${condition.sql}`);
  return { query: { toSQL: () => ({ sql, params: [...insert.params, ...condition.params] }) } };
}
