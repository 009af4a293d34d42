/** Console sign-in over real HTTP and libSQL: password, TOTP, enrolment, lockout, session ends, CSRF. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import {
  addStaffWithPassword,
  codeAt,
  cookieOf,
  postPassword,
  signedInStaff,
  staffRequest,
  STAFF_PASSWORD,
  TEST_ORIGIN,
} from '../../../tests/helpers/staff.ts';
import { STAFF_IDLE_TIMEOUT_MS, STAFF_SESSION_TTL_MS } from './sessions.ts';
import { STAFF_LOCK_MS } from './sign-in.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let operatorId = '';
let owner: Awaited<ReturnType<typeof signedInStaff>>;

beforeAll(async () => {
  t = await createTestApp();
  operatorId = (await t.addOperator('Lucky')).operator.id;
  owner = await signedInStaff(t, operatorId, { email: 'Owner@Lucky.example', role: 'owner' });
});
afterAll(() => t.dispose());

/** Password, then the code: the console cookie. */
async function signIn(email: string, secret: string) {
  const first = await postPassword(t, operatorId, email);
  expect(first.status).toBe(200);
  const { stage, challenge } = (await first.json()) as { stage: string; challenge: string };
  expect(stage).toBe('second_factor');
  expect(cookieOf(first)).toBeNull();
  const second = await secondFactor(challenge, await codeAt(t, secret));
  expect(second.status).toBe(200);
  t.clock.advance(30_000);
  return cookieOf(second)!;
}

const secondFactor = (challenge: string, code: string) =>
  t.fetchApp(`${TEST_ORIGIN}/v1/operator/sessions/second_factor`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
    body: JSON.stringify({ operatorId, challenge, code }),
  });

describe('console sign-in', () => {
  it('signs in with password and code (email in any case) and tells who is signed in', async () => {
    const cookie = await signIn('OWNER@lucky.example', owner.secret);
    const res = await t.fetchApp(`${TEST_ORIGIN}/v1/operator/sessions`, { method: 'GET' });
    expect(res.status).toBe(404);
    const me = await staffRequest(t, cookie)('/v1/operator/me');
    expect(await me.json()).toMatchObject({
      email: 'owner@lucky.example',
      role: 'owner',
      twoFactor: 'on',
      session: 'full',
      operator: { id: operatorId, name: 'Lucky' },
    });
  });

  it('sets an HttpOnly SameSite=Strict cookie and answers no-store', async () => {
    const first = await postPassword(t, operatorId, 'owner@lucky.example');
    const { challenge } = (await first.json()) as { challenge: string };
    expect(first.headers.get('cache-control')).toBe('no-store');
    const second = await secondFactor(challenge, await codeAt(t, owner.secret));
    t.clock.advance(30_000);
    const header = second.headers.get('set-cookie') ?? '';
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Strict/i);
    expect(header).toMatch(/Path=\//);
  });

  it('refuses a wrong password and a wrong code alike for unknown and known users', async () => {
    const wrong = await postPassword(t, operatorId, 'owner@lucky.example', 'not-the-password');
    expect(wrong.status).toBe(401);
    const unknown = await postPassword(t, operatorId, 'nobody@lucky.example');
    expect(unknown.status).toBe(401);
    const first = await postPassword(t, operatorId, 'owner@lucky.example');
    const { challenge } = (await first.json()) as { challenge: string };
    const badCode = await secondFactor(challenge, '000000');
    expect(badCode.status).toBe(422);
    expect(((await badCode.json()) as { errors: Array<{ path: string }> }).errors[0]!.path).toBe('body.code');
    // The right code still works on the same challenge (and a success clears the count).
    expect((await secondFactor(challenge, await codeAt(t, owner.secret))).status).toBe(200);
    t.clock.advance(30_000);
  });

  it('locks after five wrong passwords, refuses even the right one, and lets go after 15 minutes', async () => {
    const user = await signedInStaff(t, operatorId, { email: 'lock@lucky.example', role: 'viewer' });
    for (let i = 0; i < 4; i++)
      expect((await postPassword(t, operatorId, 'lock@lucky.example', 'wrong')).status).toBe(401);
    const fifth = await postPassword(t, operatorId, 'lock@lucky.example', 'wrong');
    expect(fifth.status).toBe(423);
    expect((await postPassword(t, operatorId, 'lock@lucky.example')).status).toBe(423);
    t.clock.advance(STAFF_LOCK_MS + 1000);
    await signIn('lock@lucky.example', user.secret);
  });

  it('wrong codes count toward the same lockout; an owner unlocks', async () => {
    const user = await signedInStaff(t, operatorId, { email: 'codes@lucky.example', role: 'viewer' });
    const first = await postPassword(t, operatorId, 'codes@lucky.example');
    const { challenge } = (await first.json()) as { challenge: string };
    for (let i = 0; i < 4; i++) expect((await secondFactor(challenge, '111111')).status).toBe(422);
    expect((await secondFactor(challenge, '111111')).status).toBe(423);
    expect((await secondFactor(challenge, await codeAt(t, user.secret))).status).toBe(423);
    const unlocked = await owner.request(`/v1/operator/staff/${user.staffId}/unlock`, { method: 'POST' });
    expect(unlocked.status).toBe(200);
    expect(await unlocked.json()).toMatchObject({ locked: false });
    await signIn('codes@lucky.example', user.secret);
  });

  it('gives a user without TOTP a session that may only enrol', async () => {
    await addStaffWithPassword(t, operatorId, { email: 'new@lucky.example', role: 'manager' });
    const first = await postPassword(t, operatorId, 'new@lucky.example');
    expect(await first.json()).toMatchObject({ stage: 'enrol_two_factor', challenge: null });
    const request = staffRequest(t, cookieOf(first)!);
    expect(await (await request('/v1/operator/me')).json()).toMatchObject({ session: 'enrol_two_factor' });
    expect((await request('/v1/partners')).status).toBe(401);
    const enrolment = await request('/v1/operator/me/totp', { method: 'POST' });
    expect(enrolment.headers.get('cache-control')).toBe('no-store');
    const { secret, otpauthUri, qrSvg } = (await enrolment.json()) as Record<string, string>;
    expect(otpauthUri).toContain('otpauth://totp/');
    expect(qrSvg).toContain('<svg');
    expect((await request('/v1/operator/me/totp/confirm', { method: 'POST', body: '{"code":"000000"}' })).status).toBe(
      422,
    );
    const confirmed = await request('/v1/operator/me/totp/confirm', {
      method: 'POST',
      body: JSON.stringify({ code: await codeAt(t, secret!) }),
    });
    expect(confirmed.status).toBe(200);
    expect((await staffRequest(t, cookieOf(confirmed)!)('/v1/partners')).status).toBe(200);
    // The restricted session is over.
    expect((await request('/v1/operator/me')).status).toBe(401);
  });

  it('ends a session after the idle timeout, after its lifetime, and at sign-out', async () => {
    const idle = await signIn('owner@lucky.example', owner.secret);
    t.clock.advance(STAFF_IDLE_TIMEOUT_MS + 1000);
    expect((await staffRequest(t, idle)('/v1/operator/me')).status).toBe(401);

    const old = staffRequest(t, await signIn('owner@lucky.example', owner.secret));
    for (let spent = 0; spent < STAFF_SESSION_TTL_MS; spent += STAFF_IDLE_TIMEOUT_MS / 2) {
      t.clock.advance(STAFF_IDLE_TIMEOUT_MS / 2);
      await old('/v1/operator/me');
    }
    expect((await old('/v1/operator/me')).status).toBe(401);

    const current = staffRequest(t, await signIn('owner@lucky.example', owner.secret));
    const out = await current('/v1/operator/sessions/current', { method: 'DELETE' });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/kb_operator_session=;/);
    expect((await current('/v1/operator/me')).status).toBe(401);
    owner = { ...owner, ...(await freshOwner()) };
  });

  it('refuses cookie writes without this server’s Origin or from another one (CSRF)', async () => {
    const cookie = (await freshOwner()).cookie;
    const body = JSON.stringify({ name: 'CSRF key' });
    const headers = { cookie, 'content-type': 'application/json' };
    const none = await t.fetchApp(`${TEST_ORIGIN}/v1/operator/api_keys`, { method: 'POST', headers, body });
    expect(none.status).toBe(403);
    const foreign = await t.fetchApp(`${TEST_ORIGIN}/v1/operator/api_keys`, {
      method: 'POST',
      headers: { ...headers, origin: 'https://evil.example' },
      body,
    });
    expect(foreign.status).toBe(403);
    const same = await t.fetchApp(`${TEST_ORIGIN}/v1/operator/api_keys`, {
      method: 'POST',
      headers: { ...headers, origin: TEST_ORIGIN },
      body,
    });
    expect(same.status).toBe(201);
    // A sign-in posted by another site is refused too.
    const crossSignIn = await t.fetchApp(`${TEST_ORIGIN}/v1/operator/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ operatorId, email: 'owner@lucky.example', password: STAFF_PASSWORD }),
    });
    expect(crossSignIn.status).toBe(403);
  });

  it('a disabled user cannot sign in and the last owner cannot be demoted or disabled', async () => {
    const owners = await owner.request('/v1/operator/staff');
    const onlyOwner = ((await owners.json()) as { items: Array<{ id: string; role: string }> }).items.filter(
      (s) => s.role === 'owner',
    );
    expect(onlyOwner).toHaveLength(1);
    const demote = await owner.request(`/v1/operator/staff/${owner.staffId}`, {
      method: 'PATCH',
      body: JSON.stringify({ role: 'viewer' }),
    });
    expect(demote.status).toBe(409);
    const disable = await owner.request(`/v1/operator/staff/${owner.staffId}`, {
      method: 'PATCH',
      body: JSON.stringify({ disabled: true }),
    });
    expect(disable.status).toBe(409);
    const viewer = await signedInStaff(t, operatorId, { email: 'gone@lucky.example', role: 'viewer' });
    const off = await owner.request(`/v1/operator/staff/${viewer.staffId}`, {
      method: 'PATCH',
      body: JSON.stringify({ disabled: true }),
    });
    expect(await off.json()).toMatchObject({ disabledAt: expect.any(String) });
    expect((await viewer.request('/v1/operator/me')).status).toBe(401);
    expect((await postPassword(t, operatorId, 'gone@lucky.example')).status).toBe(401);
  });
});

async function freshOwner() {
  const cookie = await signIn('owner@lucky.example', owner.secret);
  return { cookie, request: staffRequest(t, cookie) };
}

describe('the set-password page', () => {
  it('serves the invitation link page with a hash-only CSP, in English and Russian; 404 for an unknown operator', async () => {
    const page = await t.fetchApp(`${TEST_ORIGIN}/console/${operatorId}`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Set your console password');
    expect(text).toContain(`data-operator="${operatorId}"`);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'sha256-[^']+'/);
    expect(await (await t.fetchApp(`${TEST_ORIGIN}/console/${operatorId}?locale=ru`)).text()).toContain(
      'Задать пароль',
    );
    expect((await t.fetchApp(`${TEST_ORIGIN}/console/op_unknown`)).status).toBe(404);
  });
});
