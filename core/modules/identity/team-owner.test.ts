/**
 * The account owner is out of reach of every team action (edit, list or end sessions, expire the
 * statistic token), and so is the caller's own user: both answer 403 forbidden, as editing the
 * owner always did. Other members stay manageable.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, lastMailTo, signedInClient } from '../../../tests/helpers/identity.ts';
import { unwrap } from '../../sdk/index.ts';
import { authenticateStatisticToken } from './statistic-token.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Lucky');
});
afterEach(() => t.dispose());

/** The owner invites `email` with `role`; the invitee sets a password and signs in. */
async function member(
  owner: Awaited<ReturnType<typeof signedInClient>>['client'],
  email: string,
  role: 'admin' | 'analyst',
) {
  const invited = await unwrap(owner.v1.partner.team.$post({ json: { email, name: role, role } }));
  const { token } = await lastMailTo(t, email);
  await unwrap(
    t.clientFor().v1.public.operators[':operatorId'].password.$post({
      param: { operatorId: op.operator.id },
      json: { token: token!, password: 'correct-horse-member-77' },
    }),
  );
  return { id: invited.id, ...(await signedInClient(t, op.operator.id, email, 'correct-horse-member-77')) };
}

const refusal = async (res: Response) => ({ status: res.status, code: ((await res.json()) as { code: string }).code });

describe('team actions and the account owner', () => {
  it("an admin can neither edit the owner nor see or end the owner's sessions nor expire the owner's statistic token", async () => {
    await activePartner(t, op.operator.id, 'owner@team.example');
    const { client: owner, session: ownerSession } = await signedInClient(t, op.operator.id, 'owner@team.example');
    const ownerId = ownerSession.user.id;
    const ownerToken = (await unwrap(owner.v1.partner.statistic_token.rotate.$post())).token!;
    const [ownerSessionRow] = (await unwrap(owner.v1.partner.sessions.$get())).data;
    const admin = await member(owner, 'admin@team.example', 'admin');
    const team = admin.client.v1.partner.team[':userId'];
    const forbidden = { status: 403, code: 'forbidden' };

    expect(await refusal(await team.$patch({ param: { userId: ownerId }, json: { blocked: true } }))).toEqual(
      forbidden,
    );
    expect(await refusal(await team.sessions.$get({ param: { userId: ownerId } }))).toEqual(forbidden);
    expect(
      await refusal(
        await team.sessions[':sessionId'].$delete({ param: { userId: ownerId, sessionId: ownerSessionRow!.id } }),
      ),
    ).toEqual(forbidden);
    expect(await refusal(await team.statistic_token.$delete({ param: { userId: ownerId } }))).toEqual(forbidden);

    // Nothing changed for the owner: the session works, the token still authenticates.
    expect((await owner.v1.partner.profile.$get()).status).toBe(200);
    expect(await authenticateStatisticToken(t.deps, ownerToken)).toMatchObject({ userId: ownerId });
    // Reading the owner's row is fine: the team list shows it anyway.
    expect((await team.$get({ param: { userId: ownerId } })).status).toBe(200);
  });

  it('nobody acts on their own user through the team routes, while other members stay manageable', async () => {
    await activePartner(t, op.operator.id, 'boss@team.example');
    const { client: owner, session: ownerSession } = await signedInClient(t, op.operator.id, 'boss@team.example');
    const admin = await member(owner, 'adm@team.example', 'admin');
    const analyst = await member(owner, 'ana@team.example', 'analyst');
    const self = { status: 403, code: 'forbidden' };
    expect(
      await refusal(await owner.v1.partner.team[':userId'].sessions.$get({ param: { userId: ownerSession.user.id } })),
    ).toEqual(self);
    expect(
      await refusal(
        await admin.client.v1.partner.team[':userId'].statistic_token.$delete({ param: { userId: admin.id } }),
      ),
    ).toEqual(self);

    const sessions = await unwrap(
      admin.client.v1.partner.team[':userId'].sessions.$get({ param: { userId: analyst.id } }),
    );
    expect(sessions.data).toHaveLength(1);
    await unwrap(
      admin.client.v1.partner.team[':userId'].sessions[':sessionId'].$delete({
        param: { userId: analyst.id, sessionId: sessions.data[0]!.id },
      }),
    );
    expect((await analyst.client.v1.partner.profile.$get()).status).toBe(401);
    await unwrap(admin.client.v1.partner.team[':userId'].statistic_token.$delete({ param: { userId: analyst.id } }));
    // The owner manages admins too.
    expect(
      (
        await unwrap(
          owner.v1.partner.team[':userId'].$patch({ param: { userId: admin.id }, json: { role: 'finance' } }),
        )
      ).role,
    ).toBe('finance');
  });
});
