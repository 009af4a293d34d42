/** Identity test helpers: active partners, signed-in clients, and reading links out of emails. */
import { desc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { mailMessages } from '../../core/modules/mail/table.ts';
import { decideOnPartner } from '../../core/modules/identity/partner-admin.ts';
import { withTenant } from '../../core/lib/context.ts';
import { createKabinetClient, unwrap } from '../../core/sdk/index.ts';
import type { createTestApp } from './test-app.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export const PASSWORD = 'correct-horse-battery-9';
const META = { ip: '198.51.100.7', userAgent: 'vitest' };

/** A partner account that signed up and was approved, with its owner's credentials. */
export async function activePartner(t: TestApp, operatorId: string, email: string) {
  const anon = t.clientFor();
  const signed = await unwrap(
    anon.v1.public.operators[':operatorId'].sign_up.$post({
      param: { operatorId },
      json: {
        name: `Owner ${email}`,
        email,
        password: PASSWORD,
        country: 'DE',
        acceptTerms: true,
        company: `${email} GmbH`,
      },
    }),
  );
  await decideOnPartner(withTenant(t.deps, operatorId, META), { partnerId: signed.partnerId, decision: 'approve' });
  return { partnerId: signed.partnerId, email };
}

export function signInRequest(
  t: TestApp,
  operatorId: string,
  json: { email: string; password: string; code?: string; transport?: 'bearer' | 'cookie' },
  ip = '198.51.100.7',
) {
  return t
    .clientFor()
    .v1.public.operators[':operatorId'].sign_in.$post(
      { param: { operatorId }, json },
      { headers: { 'x-test-ip': ip } },
    );
}

/** Signs in and returns a typed client that carries the session token. */
export async function signedInClient(
  t: TestApp,
  operatorId: string,
  email: string,
  password = PASSWORD,
  code?: string,
) {
  const session = await unwrap(signInRequest(t, operatorId, { email, password, ...(code ? { code } : {}) }));
  return {
    session,
    client: createKabinetClient('http://kabinet.test', { sessionToken: session.token!, fetch: t.fetchApp }),
  };
}

/** The newest email to an address, and the token of the portal link in it (`#unlock=…`). */
export async function lastMailTo(t: TestApp, to: string) {
  const [mail] = await t.deps.db
    .select()
    .from(mailMessages)
    .where(eq(mailMessages.toAddress, to))
    .orderBy(desc(mailMessages.id))
    .limit(1);
  if (!mail) throw new Error(`No email to ${to}`);
  const token = /#(?:unlock|reset|invite)=([A-Za-z0-9_]+)/.exec(mail.text)?.[1] ?? null;
  return { ...mail, token };
}

/**
 * A team member the partner's owner invites (`owner` is the owner's signed-in client), who sets a
 * password from the invitation e-mail and signs in: their signed-in client.
 */
export async function invitedTeamMember(
  t: TestApp,
  input: {
    operatorId: string;
    owner: ReturnType<typeof createKabinetClient>;
    email: string;
    role: 'admin' | 'finance' | 'analyst';
  },
) {
  const password = `${input.role}-secret-77`;
  await unwrap(input.owner.v1.partner.team.$post({ json: { email: input.email, name: 'Member', role: input.role } }));
  const { token } = await lastMailTo(t, input.email);
  await unwrap(
    t.clientFor().v1.public.operators[':operatorId'].password.$post({
      param: { operatorId: input.operatorId },
      json: { token: token!, password },
    }),
  );
  return (await signedInClient(t, input.operatorId, input.email, password)).client;
}

/** The TOTP code an authenticator app shows at the test clock's time (plus `stepOffset` steps). */
export function totpAt(t: TestApp, secret: string, stepOffset = 0) {
  return generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + stepOffset * 30 });
}
