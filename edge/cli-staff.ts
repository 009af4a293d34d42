/** `kabinet operator staff add <operatorId> <email> --role owner [--name "Name"]`: the first console owner, and more. */
import { withTenant } from '../core/lib/context.ts';
import { DomainError } from '../core/lib/errors.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { addStaff } from '../core/modules/operator-staff/staff-users.ts';
import { STAFF_ROLES, type StaffRole } from '../core/modules/operator-staff/table.ts';

export const STAFF_ADD_USAGE =
  'kabinet operator staff add <operatorId> <email> --role owner|manager|finance|viewer [--name "Name"]';

/** Creates the staff user and prints their single-use set-password link (nothing is emailed). */
export async function staffAddCommand(
  deps: AppDeps,
  input: { operatorId?: string; email?: string; role?: string; name?: string },
  fail: (message: string) => never,
) {
  const { operatorId, email, role, name } = input;
  if (!operatorId || !email) fail(`Name the operator and the email: ${STAFF_ADD_USAGE}`);
  if (!STAFF_ROLES.includes(role as StaffRole)) fail(`Give a role (${STAFF_ROLES.join(', ')}): ${STAFF_ADD_USAGE}`);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail(`Not an email address: ${email}`);
  try {
    const { staff, link, expiresAt } = await addStaff(withTenant(deps, operatorId), {
      email,
      role: role as StaffRole,
      name: name?.trim() || email.split('@')[0]!,
    });
    console.log(`Added ${staff.email} (${staff.id}) as ${staff.role} of ${operatorId}.`);
    console.log(`Set-password link (works once, until ${expiresAt}):`);
    console.log(`  ${link}`);
    console.log('At the first sign-in the console asks them to set up an authenticator app (required).');
  } catch (error) {
    if (error instanceof DomainError) fail(error.detail);
    throw error;
  }
}
