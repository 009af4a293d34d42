import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, lastMailTo, signInRequest, signedInClient } from '../../../tests/helpers/identity.ts';
import { createKabinetClient, unwrap } from '../../sdk/index.ts';
import { authenticateStatisticToken } from './statistic-token.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Lucky', ['https://lucky.example']);
});
afterEach(() => t.dispose());

describe('team members', () => {
  it('owner invites; the invitee sets a password from the link and signs in; roles limit what each may do', async () => {
    await activePartner(t, op.operator.id, 'owner@team.example');
    const { client: owner } = await signedInClient(t, op.operator.id, 'owner@team.example');
    const invited = await unwrap(
      owner.v1.partner.team.$post({ json: { email: 'Ana@Team.example', name: 'Ana', role: 'analyst', locale: 'ru' } }),
    );
    expect(invited).toMatchObject({ email: 'ana@team.example', role: 'analyst', lastSignInAt: null });
    const mail = await lastMailTo(t, 'ana@team.example');
    expect(mail).toMatchObject({ template: 'invite', locale: 'ru' });
    const setPassword = (token: string) =>
      t.clientFor().v1.public.operators[':operatorId'].password.$post({
        param: { operatorId: op.operator.id },
        json: { token, password: 'analyst-secret-77' },
      });
    expect((await setPassword(mail.token!)).status).toBe(200);
    expect((await setPassword(mail.token!)).status).toBe(401);
    const { client: analyst } = await signedInClient(t, op.operator.id, 'ana@team.example', 'analyst-secret-77');
    expect((await analyst.v1.partner.team.$get()).status).toBe(403);
    expect((await analyst.v1.partner.profile.$patch({ json: { company: 'Hijack Ltd' } })).status).toBe(403);
    expect(
      (
        await unwrap(
          analyst.v1.partner.profile.$patch({ json: { defaultCurrency: 'USD', emailPreferences: { news: false } } }),
        )
      ).emailPreferences,
    ).toEqual({ news: false, reports: true, payments: true, security: true });
    const members = await unwrap(owner.v1.partner.team.$get());
    expect(members.data.map((m) => [m.email, m.role])).toEqual([
      ['owner@team.example', 'owner'],
      ['ana@team.example', 'analyst'],
    ]);
    expect(members.data[1]!.lastSignInAt).not.toBeNull();
  });

  it('blocking a member ends their sessions; unlocking and terminating sessions work; owner is protected', async () => {
    await activePartner(t, op.operator.id, 'boss@team.example');
    const { client: owner, session: ownerSession } = await signedInClient(t, op.operator.id, 'boss@team.example');
    const member = await unwrap(
      owner.v1.partner.team.$post({ json: { email: 'fin@team.example', name: 'Fin', role: 'finance' } }),
    );
    const { token } = await lastMailTo(t, 'fin@team.example');
    await t.clientFor().v1.public.operators[':operatorId'].password.$post({
      param: { operatorId: op.operator.id },
      json: { token: token!, password: 'finance-secret-88' },
    });
    const { client: fin } = await signedInClient(t, op.operator.id, 'fin@team.example', 'finance-secret-88');
    await signedInClient(t, op.operator.id, 'fin@team.example', 'finance-secret-88');
    const sessions = await unwrap(owner.v1.partner.team[':userId'].sessions.$get({ param: { userId: member.id } }));
    expect(sessions.data).toHaveLength(2);
    expect(sessions.data[0]!.device).toBeTruthy();
    await unwrap(
      owner.v1.partner.team[':userId'].sessions[':sessionId'].$delete({
        param: { userId: member.id, sessionId: sessions.data[0]!.id },
      }),
    );
    expect(
      (await unwrap(owner.v1.partner.team[':userId'].sessions.$get({ param: { userId: member.id } }))).data,
    ).toHaveLength(1);
    // The owner's own session id under the member's path is not found.
    expect(
      (
        await owner.v1.partner.team[':userId'].sessions[':sessionId'].$delete({
          param: { userId: member.id, sessionId: ownerSession.user.id },
        })
      ).status,
    ).toBe(404);
    await unwrap(owner.v1.partner.team[':userId'].$patch({ param: { userId: member.id }, json: { blocked: true } }));
    expect((await fin.v1.partner.profile.$get()).status).toBe(401);
    expect(
      (await signInRequest(t, op.operator.id, { email: 'fin@team.example', password: 'finance-secret-88' })).status,
    ).toBe(403);
    for (let i = 0; i < 5; i++)
      await signInRequest(t, op.operator.id, { email: 'fin@team.example', password: 'wrong-password-0' });
    const locked = await unwrap(owner.v1.partner.team[':userId'].$get({ param: { userId: member.id } }));
    expect(locked).toMatchObject({ blocked: true, locked: true });
    const restored = await unwrap(
      owner.v1.partner.team[':userId'].$patch({
        param: { userId: member.id },
        json: { blocked: false, locked: false },
      }),
    );
    expect(restored).toMatchObject({ blocked: false, locked: false });
    await signedInClient(t, op.operator.id, 'fin@team.example', 'finance-secret-88');
    const ownerId = (await unwrap(owner.v1.partner.profile.$get())).user.id;
    expect(
      (await owner.v1.partner.team[':userId'].$patch({ param: { userId: ownerId }, json: { blocked: true } })).status,
    ).toBe(403);
    const log = await unwrap(owner.v1.partner.activity.$get({ query: { userId: member.id } }));
    expect(log.data.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'member_invited',
        'password_set',
        'member_blocked',
        'member_unblocked',
        'user_locked',
        'user_unlocked',
        'session_terminated',
      ]),
    );
    expect(log.data.find((e) => e.type === 'member_blocked')!.actor.email).toBe('boss@team.example');
  });

  it("lists and terminates the user's own sessions", async () => {
    await activePartner(t, op.operator.id, 'me@team.example');
    await signedInClient(t, op.operator.id, 'me@team.example');
    const { client } = await signedInClient(t, op.operator.id, 'me@team.example');
    const before = await unwrap(client.v1.partner.sessions.$get());
    expect(before.data.filter((s) => s.current)).toHaveLength(1);
    expect(await unwrap(client.v1.partner.sessions.terminate_others.$post())).toEqual({ terminated: 1 });
    await unwrap(client.v1.partner.sign_out.$post());
    expect((await client.v1.partner.sessions.$get()).status).toBe(401);
  });
});

describe('statistic token', () => {
  it('is static until rotated, readable again on the profile, and expirable by the user and the operator', async () => {
    await activePartner(t, op.operator.id, 'stats@example.com');
    const { client, session } = await signedInClient(t, op.operator.id, 'stats@example.com');
    expect(await unwrap(client.v1.partner.statistic_token.$get())).toEqual({ token: null, createdAt: null });
    const first = await unwrap(client.v1.partner.statistic_token.rotate.$post());
    expect(first.token).toMatch(/^st_/);
    expect((await unwrap(client.v1.partner.statistic_token.$get())).token).toBe(first.token);
    expect(await authenticateStatisticToken(t.deps, first.token!)).toMatchObject({ userId: session.user.id });
    const second = await unwrap(client.v1.partner.statistic_token.rotate.$post());
    expect(await authenticateStatisticToken(t.deps, first.token!)).toBeNull();
    await unwrap(op.client.v1.users[':userId'].statistic_token.$delete({ param: { userId: session.user.id } }));
    expect(await authenticateStatisticToken(t.deps, second.token!)).toBeNull();
  });
});

describe('embed sessions', () => {
  const exchange = (operatorId: string, clientSecret: string) =>
    t.clientFor().v1.public.operators[':operatorId'].embed_sessions.exchange.$post({
      param: { operatorId },
      json: { clientSecret },
    });

  it('mints a single-use, short-lived secret for chosen components; the exchange gives a limited bearer session', async () => {
    await activePartner(t, op.operator.id, 'embed@example.com');
    const userId = (await unwrap(op.client.v1.partners.$get({ query: {} }))).data[0]!.owner!.id;
    const minted = await unwrap(
      op.client.v1.partner_sessions.$post({ json: { userId, components: ['profile', 'activity'] } }),
    );
    expect(minted.clientSecret).toMatch(/^kbcs_/);
    expect(new Date(minted.expiresAt).getTime() - t.clock.now().getTime()).toBe(15 * 60_000);
    const session = await unwrap(exchange(op.operator.id, minted.clientSecret));
    expect(session.components).toEqual(['profile', 'activity']);
    expect((await exchange(op.operator.id, minted.clientSecret)).status).toBe(401);
    const embedded = createKabinetClient('http://kabinet.test', { sessionToken: session.token!, fetch: t.fetchApp });
    expect((await embedded.v1.partner.profile.$get()).status).toBe(200);
    expect((await embedded.v1.partner['2fa'].enrol.$post()).status).toBe(403);
    // The statistic token outlives the session: only a session that may show Security reads it.
    expect((await embedded.v1.partner.statistic_token.$get()).status).toBe(403);
    const other = await t.addOperator('Other');
    const foreign = await unwrap(op.client.v1.partner_sessions.$post({ json: { userId } }));
    expect((await exchange(other.operator.id, foreign.clientSecret)).status).toBe(401);
    expect((await other.client.v1.partner_sessions.$post({ json: { userId } })).status).toBe(404);
    const late = await unwrap(op.client.v1.partner_sessions.$post({ json: { userId, ttlSeconds: 60 } }));
    t.clock.advance(61_000);
    expect((await exchange(op.operator.id, late.clientSecret)).status).toBe(401);
  });

  it('refuses blocked partners and bad component names', async () => {
    const partner = await activePartner(t, op.operator.id, 'blocked@example.com');
    const userId = (await unwrap(op.client.v1.partners.$get({ query: {} }))).data[0]!.owner!.id;
    expect(
      (await op.client.v1.partner_sessions.$post({ json: { userId, components: ['payouts' as 'profile'] } })).status,
    ).toBe(422);
    await unwrap(
      op.client.v1.partners[':partnerId'].decision.$post({
        param: { partnerId: partner.partnerId },
        json: { action: 'block' },
      }),
    );
    expect((await op.client.v1.partner_sessions.$post({ json: { userId } })).status).toBe(403);
    expect(
      (
        await op.client.v1.partners[':partnerId'].decision.$post({
          param: { partnerId: partner.partnerId },
          json: { action: 'reject' },
        })
      ).status,
    ).toBe(409);
  });
});

describe('CORS on partner routes', () => {
  it("answers preflights for allowed origins and exposes answers only to the session's operator's origins", async () => {
    await activePartner(t, op.operator.id, 'cors@example.com');
    await t.addOperator('Other', ['https://other.example']);
    const { session } = await signedInClient(t, op.operator.id, 'cors@example.com');
    const preflight = await t.fetchApp('http://kabinet.test/v1/partner/profile', {
      method: 'OPTIONS',
      headers: { origin: 'https://lucky.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://lucky.example');
    const mine = await t.fetchApp('http://kabinet.test/v1/partner/profile', {
      headers: { origin: 'https://lucky.example', authorization: `Bearer ${session.token}` },
    });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('access-control-allow-origin')).toBe('https://lucky.example');
    // CORS is mounted once at the app: a route of any module gets it once.
    expect(mine.headers.get('vary')).toBe('Origin');
    const later = await t.fetchApp('http://kabinet.test/v1/partner/conversions', {
      headers: { origin: 'https://lucky.example', authorization: `Bearer ${session.token}` },
    });
    expect(later.headers.get('vary')).toBe('Origin');
    const theirs = await t.fetchApp('http://kabinet.test/v1/partner/profile', {
      headers: { origin: 'https://other.example', authorization: `Bearer ${session.token}` },
    });
    expect(theirs.status).toBe(403);
  });

  it("lets the browser read the request guards' answers (413, 415) on partner and public portal routes", async () => {
    const { session } = await signedInClient(
      t,
      op.operator.id,
      (await activePartner(t, op.operator.id, 'guards@example.com')).email,
    );
    const partner = await t.fetchApp('http://kabinet.test/v1/partner/profile', {
      method: 'PATCH',
      headers: {
        origin: 'https://lucky.example',
        authorization: `Bearer ${session.token}`,
        'content-type': 'text/plain',
      },
      body: 'x',
    });
    expect(partner.status).toBe(415);
    expect(partner.headers.get('access-control-allow-origin')).toBe('https://lucky.example');
    const size = 70 * 1024;
    const publicRoute = await t.fetchApp(`http://kabinet.test/v1/public/operators/${op.operator.id}/sign_in`, {
      method: 'POST',
      headers: { origin: 'https://lucky.example', 'content-type': 'application/json', 'content-length': String(size) },
      body: 'x'.repeat(size),
    });
    expect(publicRoute.status).toBe(413);
    expect(publicRoute.headers.get('access-control-allow-origin')).toBe('https://lucky.example');
  });
});
