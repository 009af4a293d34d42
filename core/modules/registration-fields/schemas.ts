/** I/O contracts of the operator's extra registration fields and partners' answers to them. */
import { z } from '@hono/zod-openapi';

export const FIELD_KINDS = ['text', 'select', 'checkbox'] as const;
/** The longest answer a text field takes. */
export const MAX_TEXT_VALUE = 500;

const LabelSchema = z
  .object({ en: z.string().trim().min(1).max(120), ru: z.string().trim().min(1).max(120) })
  .strict()
  .openapi('LocalizedLabel');

const OptionSchema = z
  .object({ value: z.string().trim().min(1).max(60), label: LabelSchema })
  .strict()
  .openapi('RegistrationFieldOption');

const fieldShape = {
  label: LabelSchema,
  kind: z.enum(FIELD_KINDS),
  options: z
    .array(OptionSchema)
    .max(50)
    .default([])
    .openapi({ description: 'The choices of a `select` (at least one, values unique); empty for other kinds' }),
  required: z.boolean().default(false),
  position: z.number().int().min(0).max(10_000).optional().openapi({ description: 'Order in the form; default: last' }),
  active: z.boolean().default(true),
};

export const CreateRegistrationFieldSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits and _ starting with a letter')
      .openapi({
        description: 'Unique per operator, never changed (answers are kept under it)',
        example: 'traffic_source',
      }),
    ...fieldShape,
  })
  .strict()
  .openapi('CreateRegistrationField');

export const UpdateRegistrationFieldSchema = z
  .object({
    label: LabelSchema.optional(),
    options: z.array(OptionSchema).max(50).optional(),
    required: z.boolean().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    active: z
      .boolean()
      .optional()
      .openapi({ description: 'false hides the field from the form and the profile; answers are kept' }),
  })
  .strict()
  .openapi('UpdateRegistrationField');

export const RegistrationFieldSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    label: LabelSchema,
    kind: z.enum(FIELD_KINDS),
    options: z.array(OptionSchema),
    required: z.boolean(),
    position: z.number().int(),
    active: z.boolean(),
  })
  .openapi('RegistrationField');

export const RegistrationFieldListSchema = z
  .object({ data: z.array(RegistrationFieldSchema) })
  .openapi('RegistrationFieldList');

/** An answer: text and select values are strings, a checkbox's is true or false. */
export const FieldValueSchema = z.union([z.string(), z.boolean()]);

export const FieldValuesInputSchema = z
  .record(z.string().max(40), FieldValueSchema.nullable())
  .openapi('RegistrationFieldValues', {
    description:
      'Answers by field key: strings for text and select (an option’s value), true/false for a checkbox, ' +
      'null (or empty text) to clear an optional answer. ' +
      'Checked against the active fields: a required one missing, an unknown key, a value not among the ' +
      'options or a text over 500 characters is a 422 naming `fields.<key>`.',
  });

export const PartnerFieldValuesSchema = z
  .object({
    fields: z.array(
      RegistrationFieldSchema.omit({ id: true, position: true })
        .extend({ value: FieldValueSchema.nullable() })
        .openapi('RegistrationFieldAnswer'),
    ),
  })
  .openapi('PartnerFieldValues');

export const UpdatePartnerFieldValuesSchema = z
  .object({
    fields: z
      .record(z.string().max(40), FieldValueSchema.nullable())
      .openapi({ description: 'Answers to change by key; null or "" clears one (not a required one)' }),
  })
  .strict()
  .openapi('UpdatePartnerFieldValues');
