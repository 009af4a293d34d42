/**
 * The operator's extra registration fields: define, change, reorder and deactivate them. A key is
 * unique per operator and never changes, since partners' answers are kept under it; deactivating
 * hides a field from the form and the profile and keeps the answers.
 */
import { and, asc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { TenantContext } from '../../lib/context.ts';
import { DomainError, fieldProblem, fieldProblems, notFound, type FieldProblem } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { CreateRegistrationFieldSchema, UpdateRegistrationFieldSchema } from './schemas.ts';
import { registrationFields, type FieldOption, type RegistrationFieldRow } from './table.ts';

type Read = Pick<TenantContext, 'db' | 'operatorId'>;
type Store = Pick<TenantContext, 'db' | 'clock' | 'operatorId'>;

export function presentField(row: RegistrationFieldRow) {
  return {
    id: row.id,
    key: row.key,
    label: row.label,
    kind: row.kind,
    options: row.options,
    required: row.required,
    position: row.position,
    active: row.active,
  };
}

/** The operator's fields in form order (position, then key); `onlyActive` for the form and the profile. */
export async function listRegistrationFields(ctx: Read, input: { onlyActive?: boolean } = {}) {
  const rows = await ctx.db
    .select()
    .from(registrationFields)
    .where(
      input.onlyActive
        ? and(eq(registrationFields.operatorId, ctx.operatorId), eq(registrationFields.active, true))
        : eq(registrationFields.operatorId, ctx.operatorId),
    )
    .orderBy(asc(registrationFields.position), asc(registrationFields.key));
  return rows;
}

async function loadField(ctx: Read, fieldId: string): Promise<RegistrationFieldRow> {
  const [row] = await ctx.db
    .select()
    .from(registrationFields)
    .where(and(eq(registrationFields.operatorId, ctx.operatorId), eq(registrationFields.id, fieldId)));
  if (!row) throw notFound('Registration field');
  return row;
}

/** A select needs options with distinct values; other kinds take none. */
function optionProblems(kind: RegistrationFieldRow['kind'], options: FieldOption[]): FieldProblem[] {
  if (kind !== 'select') {
    return options.length > 0
      ? [{ path: 'body.options', reason: 'not_applicable', params: {}, message: `a ${kind} field has no options` }]
      : [];
  }
  if (options.length === 0)
    return [{ path: 'body.options', reason: 'too_few', params: { minimum: 1 }, message: 'a select needs options' }];
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  options.forEach((option, index) => {
    if (seen.has(option.value))
      problems.push({
        path: `body.options.${index}.value`,
        reason: 'already_exists',
        params: {},
        message: 'another option has this value',
      });
    seen.add(option.value);
  });
  return problems;
}

export async function createRegistrationField(ctx: Store, input: z.infer<typeof CreateRegistrationFieldSchema>) {
  const problems = optionProblems(input.kind, input.options);
  if (problems.length > 0) throw fieldProblems(problems);
  const [existing] = await ctx.db
    .select({ id: registrationFields.id })
    .from(registrationFields)
    .where(and(eq(registrationFields.operatorId, ctx.operatorId), eq(registrationFields.key, input.key)));
  if (existing) throw fieldProblem('body.key', 'already_exists', 'another field has this key');
  const [last] = await ctx.db
    .select({ position: max(registrationFields.position) })
    .from(registrationFields)
    .where(eq(registrationFields.operatorId, ctx.operatorId));
  const now = ctx.clock.now();
  const row: RegistrationFieldRow = {
    id: newId('rfld', ctx.clock),
    operatorId: ctx.operatorId,
    key: input.key,
    label: input.label,
    kind: input.kind,
    options: input.options,
    required: input.required,
    position: input.position ?? (last?.position ?? -1) + 1,
    active: input.active,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.db.insert(registrationFields).values(row);
  } catch (error) {
    // Two creations racing for one key: the unique index keeps one.
    if (/UNIQUE/i.test(String(error))) throw fieldProblem('body.key', 'already_exists', 'another field has this key');
    throw error;
  }
  return presentField(row);
}

export async function updateRegistrationField(
  ctx: Store,
  input: { fieldId: string } & z.infer<typeof UpdateRegistrationFieldSchema>,
) {
  const row = await loadField(ctx, input.fieldId);
  const { fieldId: _fieldId, ...changes } = input;
  if (changes.options) {
    const problems = optionProblems(row.kind, changes.options);
    if (problems.length > 0) throw fieldProblems(problems);
  }
  if (Object.keys(changes).length === 0)
    throw new DomainError('validation_failed', 'Nothing to change', [
      {
        path: 'body',
        reason: 'required_one_of',
        params: { fields: ['label', 'options', 'required', 'position', 'active'] },
        message: 'give at least one field to change',
      },
    ]);
  const next = { ...row, ...changes, updatedAt: ctx.clock.now() };
  await ctx.db
    .update(registrationFields)
    .set({
      label: next.label,
      options: next.options,
      required: next.required,
      position: next.position,
      active: next.active,
      updatedAt: next.updatedAt,
    })
    .where(and(eq(registrationFields.operatorId, ctx.operatorId), eq(registrationFields.id, row.id)));
  return presentField(next);
}
