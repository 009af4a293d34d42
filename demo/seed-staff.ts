/**
 * Lucky Spin's console staff: an owner, a manager, a finance user and a viewer, all with the demo
 * password and two-factor authentication on. Their TOTP secrets are fixed and published on the demo
 * console page (never do this with real people): a visitor adds one to an authenticator app, or
 * computes the code from it, to sign in. Also a second secret key named "Reporting".
 */
import { withTenant } from '../core/lib/context.ts';
import { newId } from '../core/lib/ids.ts';
import { hashPassword } from '../core/modules/identity/passwords.ts';
import { createApiKey } from '../core/modules/operators/service.ts';
import { operatorStaff } from '../core/modules/operator-staff/table.ts';
import { DEMO_OPERATORS, DEMO_PASSWORD } from './demo-operators.ts';
import type { SeedDeps } from './seed-postbacks.ts';

/** Published on purpose (demo only): base32 TOTP secrets an authenticator app accepts. */
export const DEMO_STAFF = [
  {
    email: 'owner@luckyspin.example',
    name: 'Olga Sokolova',
    role: 'owner',
    totpSecret: 'LUCKYSPINDEMOOWNERKABINETSTAFFAA',
  },
  {
    email: 'manager@luckyspin.example',
    name: 'Maxim Orlov',
    role: 'manager',
    totpSecret: 'LUCKYSPINDEMOMANAGERKABINETSTAFF',
  },
  {
    email: 'finance@luckyspin.example',
    name: 'Fiona Berg',
    role: 'finance',
    totpSecret: 'LUCKYSPINDEMOFINANCEKABINETSTAFF',
  },
  {
    email: 'viewer@luckyspin.example',
    name: 'Victor Lind',
    role: 'viewer',
    totpSecret: 'LUCKYSPINDEMOVIEWERKABINETSTAFFA',
  },
] as const;

export async function seedStaff(ctx: SeedDeps): Promise<void> {
  const demo = DEMO_OPERATORS[0]!;
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const person of DEMO_STAFF) {
    await ctx.db.insert(operatorStaff).values({
      id: newId('staff', ctx.clock),
      operatorId: demo.id,
      email: person.email,
      name: person.name,
      role: person.role,
      passwordHash,
      totpSecret: await ctx.secretBox.seal(person.totpSecret),
      totpConfirmedAt: now,
      createdAt: now,
    });
  }
  await createApiKey(withTenant(ctx, demo.id), { name: 'Reporting' });
}
