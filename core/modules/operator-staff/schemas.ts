import { z } from '@hono/zod-openapi';
import { STAFF_ROLES } from './table.ts';

const email = z.email().max(254);
const password = z.string().min(1).max(200);
const code = z.string().trim().min(1).max(20).openapi({ example: '123456' });

export const StaffRoleSchema = z.enum(STAFF_ROLES).openapi('StaffRole');

export const StaffSignInSchema = z
  .object({ operatorId: z.string().min(1).max(64), email, password })
  .strict()
  .openapi('StaffSignIn');

export const StaffSignInResultSchema = z
  .object({
    stage: z.enum(['second_factor', 'enrol_two_factor', 'signed_in']),
    /** Only for `second_factor`: send it with the code. */
    challenge: z.string().nullable(),
    expiresAt: z.string(),
  })
  .openapi('StaffSignInResult');

export const StaffSecondFactorSchema = z
  .object({ operatorId: z.string().min(1).max(64), challenge: z.string().min(1).max(200), code })
  .strict()
  .openapi('StaffSecondFactor');

export const StaffCodeSchema = z.object({ code }).strict().openapi('StaffTotpCode');

export const StaffTotpEnrolmentSchema = z
  .object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() })
  .openapi('StaffTotpEnrolment');

export const StaffMeSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: StaffRoleSchema,
    twoFactor: z.enum(['on', 'off']),
    session: z.enum(['full', 'enrol_two_factor']),
    operator: z.object({ id: z.string(), name: z.string() }),
  })
  .openapi('StaffMe');

export const StaffUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: StaffRoleSchema,
    twoFactor: z.enum(['on', 'off']),
    passwordSet: z.boolean(),
    locked: z.boolean(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .openapi('StaffUser');

export const StaffListSchema = z.object({ items: z.array(StaffUserSchema) }).openapi('StaffList');

export const InviteStaffSchema = z
  .object({
    email,
    name: z.string().trim().min(1).max(100),
    role: StaffRoleSchema,
    /** The language of the invitation email. */
    locale: z.enum(['en', 'ru']).optional(),
  })
  .strict()
  .openapi('InviteStaff');

export const UpdateStaffSchema = z
  .object({ role: StaffRoleSchema.optional(), disabled: z.boolean().optional() })
  .strict()
  .openapi('UpdateStaff');

export const StaffIdParams = z.object({
  staffId: z.string().openapi({ param: { name: 'staffId', in: 'path' }, example: 'staff_01JD…' }),
});

export const SetStaffPasswordSchema = z
  .object({ operatorId: z.string().min(1).max(64), token: z.string().min(1).max(200), password })
  .strict()
  .openapi('SetStaffPassword');

export const MessageSchema = z.object({ message: z.string() }).openapi('StaffMessage');
