/**
 * The Report API tells a rotated or expired statistic token from an unknown one: their hashes are
 * kept (retired_statistic_tokens, written in the batch that retires them), bounded per user, and
 * never explain a token of a blocked user or an inactive partner.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, invitedTeamMember, signedInClient } from '../../../tests/helpers/identity.ts';
import { withTenant } from '../../lib/context.ts';
import { unwrap, type KabinetClient } from '../../sdk/index.ts';
import { decideOnPartner } from '../identity/partner-admin.ts';
import { RETIRED_TOKENS_PER_USER } from '../identity/statistic-token.ts';
import { retiredStatisticTokens } from '../identity/table.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let operator: KabinetClient;
let operatorId = '';
let owner: { client: KabinetClient; userId: string; partnerId: string };

const report = (authorization: string) =>
  t.fetchApp(
    'http://kabinet.test/api/customer/v1/partner/report?period=custom&from=2026-11-20&to=2026-11-24&timeZone=UTC',
    { headers: { authorization } },
  );

/** Status, code, params and detail of a Report API answer. */
async function answer(authorization: string) {
  const res = await report(authorization);
  const body = (await res.json()) as { code?: string; detail?: string; params?: Record<string, unknown> };
  return { status: res.status, code: body.code, params: body.params, detail: body.detail ?? '' };
}

const rotate = async (client: KabinetClient) => (await unwrap(client.v1.partner.statistic_token.rotate.$post())).token!;

beforeEach(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-24T12:00:00Z');
  const op = await t.addOperator('Alpha');
  operator = op.client;
  operatorId = op.operator.id;
  const { partnerId } = await activePartner(t, operatorId, 'owner@alpha.example');
  const signed = await signedInClient(t, operatorId, 'owner@alpha.example');
  owner = { client: signed.client, userId: signed.session.user.id, partnerId };
});
afterEach(() => t.dispose());

describe('Report API: retired statistic tokens', () => {
  it('answers an unknown token with the generic 401', async () => {
    expect(await answer(`st_${'x'.repeat(40)}`)).toMatchObject({ status: 401, code: 'unauthorized' });
  });

  it('answers a rotated token with statistic_token_rotated, saying where the new one is; the new one works', async () => {
    const first = await rotate(owner.client);
    expect((await report(first)).status).toBe(200);
    t.clock.set('2026-11-24T12:05:00Z');
    const second = await rotate(owner.client);
    const refused = await answer(`Bearer ${first}`);
    expect(refused).toMatchObject({
      status: 401,
      code: 'statistic_token_rotated',
      params: { retiredAt: '2026-11-24T12:05:00.000Z' },
    });
    expect(refused.detail).toContain('Security');
    expect((await report(second)).status).toBe(200);
    // Rotating again: both older tokens say rotated, the current one works.
    const third = await rotate(owner.client);
    for (const old of [first, second]) expect(await answer(old)).toMatchObject({ code: 'statistic_token_rotated' });
    expect((await report(third)).status).toBe(200);
  });

  it('answers a token expired by its user, by a team manager or by the operator with statistic_token_expired', async () => {
    const own = await rotate(owner.client);
    await unwrap(owner.client.v1.partner.statistic_token.$delete());
    const refused = await answer(own);
    expect(refused).toMatchObject({ status: 401, code: 'statistic_token_expired' });
    expect(refused.detail).toContain('Security');
    // Expiring again with no token retires nothing and fails nothing.
    await unwrap(owner.client.v1.partner.statistic_token.$delete());
    expect(await answer(own)).toMatchObject({ code: 'statistic_token_expired' });

    const member = await invitedTeamMember(t, {
      operatorId,
      owner: owner.client,
      email: 'ana@alpha.example',
      role: 'analyst',
    });
    const memberId = (await unwrap(member.v1.partner.profile.$get())).user.id;
    const byTeam = await rotate(member);
    await unwrap(owner.client.v1.partner.team[':userId'].statistic_token.$delete({ param: { userId: memberId } }));
    expect(await answer(byTeam)).toMatchObject({ status: 401, code: 'statistic_token_expired' });

    const byOperator = await rotate(owner.client);
    expect((await report(byOperator)).status).toBe(200);
    await unwrap(operator.v1.users[':userId'].statistic_token.$delete({ param: { userId: owner.userId } }));
    expect(await answer(byOperator)).toMatchObject({ status: 401, code: 'statistic_token_expired' });

    const fresh = await rotate(owner.client);
    expect((await report(fresh)).status).toBe(200);
  });

  it('keeps refusing, with the generic 401, the tokens of a blocked user or an inactive partner', async () => {
    const member = await invitedTeamMember(t, {
      operatorId,
      owner: owner.client,
      email: 'bo@alpha.example',
      role: 'analyst',
    });
    const memberId = (await unwrap(member.v1.partner.profile.$get())).user.id;
    const memberOld = await rotate(member);
    const memberCurrent = await rotate(member);
    await unwrap(
      owner.client.v1.partner.team[':userId'].$patch({ param: { userId: memberId }, json: { blocked: true } }),
    );
    // Neither the current nor the rotated token tells a blocked user's story.
    for (const token of [memberCurrent, memberOld])
      expect(await answer(token)).toMatchObject({ status: 401, code: 'unauthorized' });

    const ownerOld = await rotate(owner.client);
    const ownerCurrent = await rotate(owner.client);
    await decideOnPartner(withTenant(t.deps, operatorId), { partnerId: owner.partnerId, decision: 'block' });
    for (const token of [ownerCurrent, ownerOld])
      expect(await answer(token)).toMatchObject({ status: 401, code: 'unauthorized' });
    await decideOnPartner(withTenant(t.deps, operatorId), { partnerId: owner.partnerId, decision: 'unblock' });
    expect((await report(ownerCurrent)).status).toBe(200);
    expect(await answer(ownerOld)).toMatchObject({ code: 'statistic_token_rotated' });
  });

  it(`keeps the last ${RETIRED_TOKENS_PER_USER} retired hashes per user; older ones become unknown`, async () => {
    const tokens: string[] = [];
    for (let i = 0; i < RETIRED_TOKENS_PER_USER + 3; i++) {
      t.clock.set(`2026-11-24T12:${String(i).padStart(2, '0')}:00Z`);
      tokens.push(await rotate(owner.client));
    }
    const kept = await t.deps.db
      .select({ reason: retiredStatisticTokens.reason })
      .from(retiredStatisticTokens)
      .where(eq(retiredStatisticTokens.userId, owner.userId));
    expect(kept).toHaveLength(RETIRED_TOKENS_PER_USER);
    // tokens[last] is current; the RETIRED_TOKENS_PER_USER before it are explained, older are not.
    const last = tokens.length - 1;
    expect((await report(tokens[last]!)).status).toBe(200);
    expect(await answer(tokens[last - RETIRED_TOKENS_PER_USER]!)).toMatchObject({ code: 'statistic_token_rotated' });
    expect(await answer(tokens[last - RETIRED_TOKENS_PER_USER - 1]!)).toMatchObject({ code: 'unauthorized' });
    expect(await answer(tokens[0]!)).toMatchObject({ code: 'unauthorized' });
  });
});
