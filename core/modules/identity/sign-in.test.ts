import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { PASSWORD, activePartner, lastMailTo, signInRequest, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { runDueJobs } from '../../jobs/outbox.ts';
import { mailHandlers } from '../mail/service.ts';
import { IP_FAILURE_LIMIT } from './sign-in.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Lucky', ['https://lucky.example']);
});
afterEach(() => t.dispose());

/** The reset request only queues a job; this runs it as the edge's job runner would. */
const runMailJobs = () => runDueJobs(t.deps.db, t.clock, mailHandlers(null, 'Kabinet <no-reply@kabinet.test>'));

const problemOf = async (res: Response | { json(): Promise<unknown>; status: number }) => ({
  status: res.status,
  ...((await res.json()) as { code: string; detail: string; errors?: Array<{ path: string }> }),
});

describe('sign-up and approval', () => {
  it('creates a pending account that cannot sign in until the operator approves it', async () => {
    const anon = t.clientFor();
    const res = await unwrap(
      anon.v1.public.operators[':operatorId'].sign_up.$post({
        param: { operatorId: op.operator.id },
        json: {
          name: 'Anna',
          email: 'Anna@Example.com',
          password: PASSWORD,
          country: 'DE',
          acceptTerms: true,
          messenger: '@anna',
        },
      }),
    );
    expect(res.status).toBe('pending');
    expect((await lastMailTo(t, 'anna@example.com')).template).toBe('signed_up');
    const early = await problemOf(
      await signInRequest(t, op.operator.id, { email: 'anna@example.com', password: PASSWORD }),
    );
    expect(early).toMatchObject({ status: 403, code: 'account_inactive' });
    expect(early.detail).toContain('waiting for approval');
    const pending = await unwrap(op.client.v1.partners.$get({ query: { status: 'pending' } }));
    expect(pending.data.map((p) => p.owner?.email)).toEqual(['anna@example.com']);
    await unwrap(
      op.client.v1.partners[':partnerId'].decision.$post({
        param: { partnerId: res.partnerId },
        json: { action: 'approve' },
      }),
    );
    expect((await lastMailTo(t, 'anna@example.com')).template).toBe('partner_approved');
    const { session } = await signedInClient(t, op.operator.id, 'anna@example.com');
    expect(session.user).toMatchObject({ email: 'anna@example.com', role: 'owner', twoFactorEnabled: false });
  });

  it('refuses bad input with field paths and stores nothing', async () => {
    const res = await t.clientFor().v1.public.operators[':operatorId'].sign_up.$post({
      param: { operatorId: op.operator.id },
      json: { name: 'A', email: 'not-an-email', password: 'short', country: 'Germany' },
    });
    const problem = await problemOf(res);
    expect(problem.status).toBe(422);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['body.country', 'body.email', 'body.password']);
    expect((await unwrap(op.client.v1.partners.$get({ query: {} }))).data).toEqual([]);
  });

  it('rejects the most common passwords and duplicate emails', async () => {
    const signUp = (email: string, password: string) =>
      t.clientFor().v1.public.operators[':operatorId'].sign_up.$post({
        param: { operatorId: op.operator.id },
        json: { name: 'B', email, password, country: 'GB', acceptTerms: true },
      });
    const common = await problemOf(await signUp('b@example.com', 'password123'));
    expect(common).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(common.detail).toContain('most common');
    await unwrap(signUp('b@example.com', PASSWORD));
    expect((await signUp('B@example.com', PASSWORD)).status).toBe(409);
  });

  it('links a sign-up to its referrer by referral code, and refuses an unknown code', async () => {
    const referrer = await activePartner(t, op.operator.id, 'ref@example.com');
    const { client } = await signedInClient(t, op.operator.id, referrer.email);
    const code = (await unwrap(client.v1.partner.profile.$get())).partner.referralCode;
    const signUp = (email: string, referralCode: string) =>
      t.clientFor().v1.public.operators[':operatorId'].sign_up.$post({
        param: { operatorId: op.operator.id },
        json: { name: 'Sub', email, password: PASSWORD, country: 'PL', acceptTerms: true, referralCode },
      });
    expect((await signUp('nobody@example.com', 'NOPE1234')).status).toBe(422);
    const sub = await unwrap(signUp('sub@example.com', code.toLowerCase()));
    const listed = (await unwrap(op.client.v1.partners.$get({ query: {} }))).data.find((p) => p.id === sub.partnerId);
    expect(listed?.referrerPartnerId).toBe(referrer.partnerId);
  });
});

describe('sign-in lockout and throttling', () => {
  it('locks after 5 failures, emails a single-use unlock link, and the link unlocks once', async () => {
    await activePartner(t, op.operator.id, 'lock@example.com');
    for (let i = 1; i <= 4; i++) {
      expect(
        await problemOf(
          await signInRequest(t, op.operator.id, { email: 'lock@example.com', password: 'wrong-password-1' }),
        ),
      ).toMatchObject({ status: 401, code: 'unauthorized' });
    }
    expect(
      await problemOf(
        await signInRequest(t, op.operator.id, { email: 'lock@example.com', password: 'wrong-password-1' }),
      ),
    ).toMatchObject({ status: 423, code: 'account_locked' });
    // Locked: even the right password is refused until unlocked.
    expect((await signInRequest(t, op.operator.id, { email: 'lock@example.com', password: PASSWORD })).status).toBe(
      423,
    );
    const mail = await lastMailTo(t, 'lock@example.com');
    expect(mail.template).toBe('unlock');
    expect(mail.text).toContain(`http://kabinet.test/portal/${op.operator.id}#unlock=`);
    const unlock = (token: string) =>
      t
        .clientFor()
        .v1.public.operators[':operatorId'].unlock.$post({ param: { operatorId: op.operator.id }, json: { token } });
    expect((await unlock(mail.token!)).status).toBe(200);
    expect(await problemOf(await unlock(mail.token!))).toMatchObject({ status: 401, code: 'unauthorized' });
    await signedInClient(t, op.operator.id, 'lock@example.com');
  });

  it("lets the operator unlock, and honours the operator's threshold", async () => {
    await unwrap(op.client.v1.operator.$patch({ json: { lockoutThreshold: 3 } }));
    await activePartner(t, op.operator.id, 'three@example.com');
    for (let i = 0; i < 3; i++)
      await signInRequest(t, op.operator.id, { email: 'three@example.com', password: 'wrong-password-1' });
    expect((await signInRequest(t, op.operator.id, { email: 'three@example.com', password: PASSWORD })).status).toBe(
      423,
    );
    const { session } = await signedInClient(t, op.operator.id, 'three@example.com').catch(() => ({ session: null }));
    expect(session).toBeNull();
    const userId = (await unwrap(op.client.v1.partners.$get({ query: {} }))).data[0]!.owner!.id;
    const unlocked = await unwrap(op.client.v1.users[':userId'].unlock.$post({ param: { userId } }));
    expect(unlocked.locked).toBe(false);
    await signedInClient(t, op.operator.id, 'three@example.com');
  });

  it('throttles one IP after repeated failures across accounts, without locking other IPs out', async () => {
    for (let i = 0; i < IP_FAILURE_LIMIT; i++) {
      await signInRequest(
        t,
        op.operator.id,
        { email: `ghost${i}@example.com`, password: 'wrong-password-1' },
        '203.0.113.66',
      );
    }
    expect(
      await problemOf(
        await signInRequest(t, op.operator.id, { email: 'ghost@example.com', password: 'x' }, '203.0.113.66'),
      ),
    ).toMatchObject({ status: 429, code: 'rate_limited' });
    await activePartner(t, op.operator.id, 'ok@example.com');
    expect(
      (await signInRequest(t, op.operator.id, { email: 'ok@example.com', password: PASSWORD }, '198.51.100.9')).status,
    ).toBe(200);
    t.clock.advance(15 * 60_000 + 1);
    expect(
      (await signInRequest(t, op.operator.id, { email: 'ok@example.com', password: PASSWORD }, '203.0.113.66')).status,
    ).toBe(200);
  });

  it('does not tell unknown emails from wrong passwords', async () => {
    await activePartner(t, op.operator.id, 'real@example.com');
    const unknown = await problemOf(
      await signInRequest(t, op.operator.id, { email: 'ghost@example.com', password: PASSWORD }),
    );
    const wrong = await problemOf(
      await signInRequest(t, op.operator.id, { email: 'real@example.com', password: 'wrong-password-1' }),
    );
    expect(unknown.detail).toBe(wrong.detail);
    expect(unknown.status).toBe(wrong.status);
  });
});

describe('password reset', () => {
  it('emails a link that sets a new password once and ends every session', async () => {
    await activePartner(t, op.operator.id, 'reset@example.com');
    const { client } = await signedInClient(t, op.operator.id, 'reset@example.com');
    const anon = t.clientFor().v1.public.operators[':operatorId'];
    const asked = await anon.password_reset.$post({
      param: { operatorId: op.operator.id },
      json: { email: 'reset@example.com' },
    });
    const unknown = await anon.password_reset.$post({
      param: { operatorId: op.operator.id },
      json: { email: 'nobody@example.com' },
    });
    expect([asked.status, unknown.status]).toEqual([202, 202]);
    expect(await asked.json()).toEqual(await unknown.json());
    await runMailJobs();
    const { token } = await lastMailTo(t, 'reset@example.com');
    const setPassword = (password: string) =>
      anon.password.$post({ param: { operatorId: op.operator.id }, json: { token: token!, password } });
    expect((await setPassword('qwertyuiop')).status).toBe(422); // too common: the link stays usable
    expect((await setPassword('a-brand-new-secret-42')).status).toBe(200);
    expect((await setPassword('another-new-secret-43')).status).toBe(401); // single use
    expect((await client.v1.partner.profile.$get()).status).toBe(401); // every session ended
    expect((await signInRequest(t, op.operator.id, { email: 'reset@example.com', password: PASSWORD })).status).toBe(
      401,
    );
    await signedInClient(t, op.operator.id, 'reset@example.com', 'a-brand-new-secret-42');
  });

  it('refuses an expired link', async () => {
    await activePartner(t, op.operator.id, 'late@example.com');
    await t.clientFor().v1.public.operators[':operatorId'].password_reset.$post({
      param: { operatorId: op.operator.id },
      json: { email: 'late@example.com' },
    });
    await runMailJobs();
    const { token } = await lastMailTo(t, 'late@example.com');
    t.clock.advance(2 * 3_600_000 + 1);
    const res = await t.clientFor().v1.public.operators[':operatorId'].password.$post({
      param: { operatorId: op.operator.id },
      json: { token: token!, password: 'a-brand-new-secret-42' },
    });
    expect(await problemOf(res)).toMatchObject({ status: 401, code: 'unauthorized' });
  });
});

describe('hosted portal cookie sessions', () => {
  it('sets an HttpOnly SameSite cookie and refuses cross-site writes', async () => {
    await activePartner(t, op.operator.id, 'cookie@example.com');
    const res = await signInRequest(t, op.operator.id, {
      email: 'cookie@example.com',
      password: PASSWORD,
      transport: 'cookie',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { token: string | null }).token).toBeNull();
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^kb_session=kbs_\w+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/); // plain HTTP: not Secure
    const session = cookie.split(';')[0]!;
    expect((await t.fetchApp('http://kabinet.test/v1/partner/profile', { headers: { cookie: session } })).status).toBe(
      200,
    );
    const forged = await t.fetchApp('http://kabinet.test/v1/partner/statistic_token/rotate', {
      method: 'POST',
      headers: { cookie: session, origin: 'https://evil.example' },
    });
    expect(await problemOf(forged)).toMatchObject({ status: 403, code: 'forbidden' });
    const noOrigin = await t.fetchApp('http://kabinet.test/v1/partner/statistic_token/rotate', {
      method: 'POST',
      headers: { cookie: session },
    });
    expect(noOrigin.status).toBe(403);
    const sameSite = await t.fetchApp('http://kabinet.test/v1/partner/statistic_token/rotate', {
      method: 'POST',
      headers: { cookie: session, origin: 'http://kabinet.test' },
    });
    expect(sameSite.status).toBe(200);
    // A cookie token is not a bearer token and the other way round.
    expect(
      (
        await t.fetchApp('http://kabinet.test/v1/partner/profile', {
          headers: { authorization: `Bearer ${session.split('=')[1]}` },
        })
      ).status,
    ).toBe(401);
  });

  it("serves the hosted portal page in the operator's colours", async () => {
    const page = await (await t.fetchApp(`http://kabinet.test/portal/${op.operator.id}`)).text();
    expect(page).toContain(`<kb-portal operator="${op.operator.id}" auth="cookie" locale="en">`);
    expect(page).toContain('src="/kabinet.js"');
    expect((await t.fetchApp('http://kabinet.test/portal/op_nope')).status).toBe(404);
  });
});
