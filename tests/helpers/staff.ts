/**
 * Operator staff users for tests, signed in through the real HTTP flow: the set-password link,
 * the password, TOTP enrolment with the QR's secret, the code from otplib. Requests carry the
 * cookie and this server's Origin, as the console page's would.
 */
import { generate } from 'otplib';
import { withTenant } from '../../core/lib/context.ts';
import { addStaff } from '../../core/modules/operator-staff/staff-users.ts';
import type { StaffRole } from '../../core/modules/operator-staff/table.ts';
import type { createTestApp } from './test-app.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export const STAFF_PASSWORD = 'Corvid-Lantern-42';
export const TEST_ORIGIN = 'http://kabinet.test';

/** The `name=value` of a Set-Cookie header, or null. */
export function cookieOf(res: Response, name = 'kb_operator_session'): string | null {
  const header = res.headers.get('set-cookie') ?? '';
  const match = new RegExp(`${name}=([^;]*)`).exec(header);
  return match?.[1] ? `${name}=${match[1]}` : null;
}

/** A staff user who set their password through the invitation link (no TOTP yet). */
export async function addStaffWithPassword(
  t: TestApp,
  operatorId: string,
  input: { email: string; role: StaffRole; name?: string },
) {
  const { staff, link } = await addStaff(withTenant(t.deps, operatorId), {
    email: input.email,
    role: input.role,
    name: input.name ?? input.email.split('@')[0]!,
  });
  const token = link.split('#set-password=')[1]!;
  const res = await t.fetchApp(`${TEST_ORIGIN}/v1/operator/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operatorId, token, password: STAFF_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`set password: ${res.status} ${await res.text()}`);
  return staff;
}

export const staffRequest =
  (t: TestApp, cookie: string) =>
  (path: string, init: RequestInit = {}) =>
    t.fetchApp(`${TEST_ORIGIN}${path}`, {
      ...init,
      headers: {
        origin: TEST_ORIGIN,
        cookie,
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });

/** Signs in with the password; answers the raw Response. */
export const postPassword = (t: TestApp, operatorId: string, email: string, password = STAFF_PASSWORD) =>
  t.fetchApp(`${TEST_ORIGIN}/v1/operator/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
    body: JSON.stringify({ operatorId, email, password }),
  });

/** The TOTP code of a secret at the test clock's time. */
export const codeAt = (t: TestApp, secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) + offsetSeconds });

/**
 * A staff user of `role`, enrolled in TOTP and signed in: the console session cookie, the TOTP
 * secret (for later sign-ins) and the user's id.
 */
export async function signedInStaff(t: TestApp, operatorId: string, input: { email: string; role: StaffRole }) {
  const staff = await addStaffWithPassword(t, operatorId, input);
  const enrol = cookieOf(await postPassword(t, operatorId, input.email));
  if (!enrol) throw new Error('no enrolment session');
  const request = staffRequest(t, enrol);
  const { secret } = (await (await request('/v1/operator/me/totp', { method: 'POST' })).json()) as { secret: string };
  const confirmed = await request('/v1/operator/me/totp/confirm', {
    method: 'POST',
    body: JSON.stringify({ code: await codeAt(t, secret) }),
  });
  const cookie = cookieOf(confirmed);
  if (confirmed.status !== 200 || !cookie) throw new Error(`confirm: ${confirmed.status} ${await confirmed.text()}`);
  // The enrolment's code step is spent: later sign-ins use the next one.
  t.clock.advance(30_000);
  return { staffId: staff.id, cookie, secret, request: staffRequest(t, cookie) };
}
