/**
 * Partners' answers to the operator's registration fields: checked against the active fields at
 * sign-up (stored in sign-up's own batch) and when the partner edits them in the profile; read by
 * the partner and by the operator (labels with values, inactive fields included for the operator).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PartnerContext, TenantContext } from '../../lib/context.ts';
import { fieldProblems, notFound, type FieldProblem } from '../../lib/errors.ts';
import { partnerExists } from '../identity/partners.ts';
import { MAX_TEXT_VALUE } from './schemas.ts';
import { listRegistrationFields, presentField } from './service.ts';
import { registrationFieldValues, type RegistrationFieldRow } from './table.ts';

type Read = Pick<TenantContext, 'db' | 'operatorId'>;
type Value = string | boolean;

/**
 * Checks answers against the active fields and returns what to store (text per key; null clears).
 * `complete` (sign-up): every required field must be answered. Paths are `<prefix>.<key>`.
 */
function checkValues(
  fields: RegistrationFieldRow[],
  input: Record<string, Value | null>,
  options: { prefix: string; complete: boolean },
): Map<string, string | null> {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const problems: FieldProblem[] = [];
  const out = new Map<string, string | null>();
  const at = (key: string, reason: FieldProblem['reason'], message: string, params: FieldProblem['params'] = {}) =>
    problems.push({ path: `${options.prefix}.${key}`, reason, params, message });
  for (const [key, raw] of Object.entries(input)) {
    const field = byKey.get(key);
    if (!field) {
      at(key, 'unknown_field', 'the program asks no such field');
      continue;
    }
    const empty = raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (field.required) at(key, 'required', 'this field is required');
      else out.set(key, null);
      continue;
    }
    if (field.kind === 'checkbox') {
      if (typeof raw !== 'boolean') at(key, 'invalid_type', 'must be true or false', { expected: 'boolean' });
      else if (field.required && !raw) at(key, 'must_accept', 'this box must be ticked');
      else out.set(key, String(raw));
      continue;
    }
    if (typeof raw !== 'string') {
      at(key, 'invalid_type', 'must be text', { expected: 'string' });
      continue;
    }
    const value = raw.trim();
    if (field.kind === 'select' && !field.options.some((o) => o.value === value))
      at(key, 'invalid_choice', 'not one of the options', { allowed: field.options.map((o) => o.value) });
    else if (value.length > MAX_TEXT_VALUE)
      at(key, 'too_long', `at most ${MAX_TEXT_VALUE} characters`, { maximum: MAX_TEXT_VALUE });
    else out.set(key, value);
  }
  if (options.complete)
    for (const field of fields)
      if (field.required && !(field.key in input)) at(field.key, 'required', 'this field is required');
  if (problems.length > 0) throw fieldProblems(problems);
  return out;
}

function readValue(field: RegistrationFieldRow, stored: string | undefined): Value | null {
  if (stored === undefined) return null;
  return field.kind === 'checkbox' ? stored === 'true' : stored;
}

async function storedValues(ctx: Read, partnerId: string): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({ key: registrationFieldValues.key, value: registrationFieldValues.value })
    .from(registrationFieldValues)
    .where(
      and(eq(registrationFieldValues.operatorId, ctx.operatorId), eq(registrationFieldValues.partnerId, partnerId)),
    );
  return new Map(rows.map((r) => [r.key, r.value]));
}

function present(fields: RegistrationFieldRow[], values: Map<string, string>) {
  return {
    fields: fields.map((field) => {
      const { id: _id, position: _position, ...rest } = presentField(field);
      return { ...rest, value: readValue(field, values.get(field.key)) };
    }),
  };
}

/**
 * Sign-up's side: checks `fields` against the active fields (every required one answered) and
 * returns the insert (null: no answers) for sign-up's own batch, so the answers exist exactly when the account does.
 */
export async function signUpFieldValues(
  ctx: Pick<TenantContext, 'db' | 'clock' | 'operatorId'>,
  input: { partnerId: string; fields: Record<string, Value | null> | undefined },
) {
  const fields = await listRegistrationFields(ctx, { onlyActive: true });
  const values = checkValues(fields, input.fields ?? {}, { prefix: 'body.fields', complete: true });
  const rows = [...values].flatMap(([key, value]) =>
    value === null
      ? []
      : [{ operatorId: ctx.operatorId, partnerId: input.partnerId, key, value, updatedAt: ctx.clock.now() }],
  );
  // Wrapped: an async function returning the query itself would run it (a query is a thenable).
  return { insert: rows.length > 0 ? ctx.db.insert(registrationFieldValues).values(rows) : null };
}

/** The signed-in partner's answers to the active fields (null: not answered). */
export async function getPartnerFieldValues(ctx: PartnerContext) {
  const [fields, values] = await Promise.all([
    listRegistrationFields(ctx, { onlyActive: true }),
    storedValues(ctx, ctx.partner.partnerId),
  ]);
  return present(fields, values);
}

/** Changes some answers (null or "" clears one; a required one cannot be cleared). */
export async function updatePartnerFieldValues(ctx: PartnerContext, input: { fields: Record<string, Value | null> }) {
  const fields = await listRegistrationFields(ctx, { onlyActive: true });
  const values = checkValues(fields, input.fields, { prefix: 'body.fields', complete: false });
  const partnerId = ctx.partner.partnerId;
  const cleared = [...values].filter(([, v]) => v === null).map(([k]) => k);
  const set = [...values].flatMap(([key, value]) =>
    value === null ? [] : [{ operatorId: ctx.operatorId, partnerId, key, value, updatedAt: ctx.clock.now() }],
  );
  const statements = [
    ...(cleared.length > 0
      ? [
          ctx.db
            .delete(registrationFieldValues)
            .where(
              and(
                eq(registrationFieldValues.operatorId, ctx.operatorId),
                eq(registrationFieldValues.partnerId, partnerId),
                inArray(registrationFieldValues.key, cleared),
              ),
            ),
        ]
      : []),
    ...(set.length > 0
      ? [
          ctx.db
            .insert(registrationFieldValues)
            .values(set)
            .onConflictDoUpdate({
              target: [registrationFieldValues.partnerId, registrationFieldValues.key],
              set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
            }),
        ]
      : []),
  ];
  if (statements.length > 0) await ctx.db.batch(statements as [(typeof statements)[number]]);
  return getPartnerFieldValues(ctx);
}

/** A partner's answers for the operator: every field, inactive ones too (their answers are kept). */
export async function getPartnerFieldsForOperator(ctx: Read, partnerId: string) {
  if (!(await partnerExists(ctx, partnerId))) throw notFound('Partner');
  const [fields, values] = await Promise.all([listRegistrationFields(ctx), storedValues(ctx, partnerId)]);
  return present(fields, values);
}
