/**
 * Terms versions over HTTP: the operator publishes (numbered per operator, never changed), partners
 * read the current one rendered, accept only the current one (twice: no change), see the history;
 * the operator sees who accepted; the gate holds every other partner route until the user accepts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../../../tests/helpers/test-app.ts';
import { activePartner, signedInClient } from '../../../tests/helpers/identity.ts';
import { createKabinetClient, unwrap } from '../../sdk/index.ts';
import { notifications } from '../notifications/table.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let op: Awaited<ReturnType<typeof t.addOperator>>;
beforeEach(async () => {
  t = await createTestApp();
  op = await t.addOperator('Lucky', ['https://lucky.example']);
});
afterEach(() => t.dispose());

const publish = (title: string, bodyMarkdown: string, summaryOfChanges?: string) =>
  unwrap(
    op.client.v1.terms.versions.$post({
      json: { title, bodyMarkdown, ...(summaryOfChanges ? { summaryOfChanges } : {}) },
    }),
  );

const problemOf = async (res: Response | { json(): Promise<unknown>; status: number }) => ({
  status: res.status,
  ...((await res.json()) as {
    code: string;
    detail: string;
    params?: object;
    errors?: Array<{ path: string; reason: string }>;
  }),
});

describe('publishing terms', () => {
  it('numbers versions per operator, makes the newest current, renders safe HTML and notifies every partner', async () => {
    const v1 = await publish('Partner terms', '# Terms\n\nPay <script>x</script> [site](https://lucky.example)');
    expect(v1).toMatchObject({ version: 1, current: true, acceptanceCount: 0, createdBy: 'api_key' });
    expect(v1.html).toContain('<h1>Terms</h1>');
    expect(v1.html).toContain('&lt;script&gt;');
    expect(v1.html).toContain('rel="noopener noreferrer nofollow" target="_blank"');
    t.clock.advance(60_000);
    const v2 = await publish('Partner terms 2026', 'New text', 'Payouts are weekly now');
    expect(v2).toMatchObject({ version: 2, current: true, summaryOfChanges: 'Payouts are weekly now' });
    const other = await t.addOperator('Other');
    const otherV1 = await unwrap(other.client.v1.terms.versions.$post({ json: { title: 'Other', bodyMarkdown: 'x' } }));
    expect(otherV1.version).toBe(1);

    const list = await unwrap(op.client.v1.terms.versions.$get());
    expect(list.data.map((v) => [v.version, v.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    const stored = await t.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.operatorId, op.operator.id), eq(notifications.kind, 'terms_published')));
    expect(stored.map((n) => [n.partnerId, n.link, n.params.title])).toEqual([
      [null, '#/terms', 'Partner terms'],
      [null, '#/terms', 'Partner terms 2026'],
    ]);
  });

  it('refuses an empty title or body naming the field, and publishes nothing', async () => {
    const res = await op.client.v1.terms.versions.$post({ json: { title: ' ', bodyMarkdown: '' } });
    const problem = await problemOf(res);
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['body.bodyMarkdown', 'body.title']);
    expect((await unwrap(op.client.v1.terms.versions.$get())).data).toEqual([]);
  });

  it('previews Markdown as partners will see it without publishing, and counts the users who must accept', async () => {
    const preview = await unwrap(
      op.client.v1.terms.preview.$post({ json: { bodyMarkdown: '## Payouts <b>x</b>\n\n- Weekly' } }),
    );
    expect(preview.html).toBe('<h2>Payouts &lt;b&gt;x&lt;/b&gt;</h2>\n<ul>\n<li>Weekly</li>\n</ul>\n');
    const tooLong = await problemOf(
      await op.client.v1.terms.preview.$post({ json: { bodyMarkdown: 'x'.repeat(30_001) } }),
    );
    expect(tooLong.errors?.map((e) => e.path)).toEqual(['body.bodyMarkdown']);
    expect(await unwrap(op.client.v1.terms.versions.$get())).toEqual({ signInUsers: 0, data: [] });
    // Users of active (and pending) partners must accept; a rejected partner's and another operator's do not count.
    const anna = await activePartner(t, op.operator.id, 'anna@example.com');
    await activePartner(t, op.operator.id, 'boris@example.com');
    const other = await t.addOperator('Other');
    await activePartner(t, other.operator.id, 'olga@example.com');
    expect((await unwrap(op.client.v1.terms.versions.$get())).signInUsers).toBe(2);
    // A pending sign-up will meet the gate once approved; a blocked partner's users cannot sign in.
    await unwrap(
      t.clientFor().v1.public.operators[':operatorId'].sign_up.$post({
        param: { operatorId: op.operator.id },
        json: {
          name: 'Petr',
          email: 'petr@example.com',
          password: 'a-long-password-1',
          country: 'DE',
          acceptTerms: true,
        },
      }),
    );
    expect((await unwrap(op.client.v1.terms.versions.$get())).signInUsers).toBe(3);
    await unwrap(
      op.client.v1.partners[':partnerId'].decision.$post({
        param: { partnerId: anna.partnerId },
        json: { action: 'block' },
      }),
    );
    expect((await unwrap(op.client.v1.terms.versions.$get())).signInUsers).toBe(2);
  });

  it("answers 404 for another operator's version", async () => {
    const v1 = await publish('Terms', 'Text');
    const other = await t.addOperator('Other');
    const res = await other.client.v1.terms.versions[':versionId'].$get({ param: { versionId: v1.id } });
    expect(res.status).toBe(404);
    const acceptances = await other.client.v1.terms.versions[':versionId'].acceptances.$get({
      param: { versionId: v1.id },
      query: {},
    });
    expect(acceptances.status).toBe(404);
  });
});

describe('accepting terms and the gate', () => {
  it('holds other partner routes with 403 terms_not_accepted until the user accepts the current version', async () => {
    await activePartner(t, op.operator.id, 'anna@example.com');
    const { client, session } = await signedInClient(t, op.operator.id, 'anna@example.com');
    expect(session.termsToAccept).toBeNull();
    expect((await client.v1.partner.sessions.$get()).status).toBe(200);

    const v1 = await publish('Terms', 'Be nice');
    const held = await problemOf(await client.v1.partner.sessions.$get());
    expect(held).toMatchObject({ status: 403, code: 'terms_not_accepted', params: { versionId: v1.id, version: 1 } });
    // Open while held: the profile ("who am I"), the terms routes and sign-out.
    const profile = await unwrap(client.v1.partner.profile.$get());
    expect(profile.termsToAccept).toEqual({ versionId: v1.id, version: 1, title: 'Terms' });
    const terms = await unwrap(client.v1.partner.terms.$get());
    expect(terms).toMatchObject({ current: { id: v1.id, version: 1 }, acceptedAt: null });
    expect(terms.current?.html).toContain('<p>Be nice</p>');
    // A fresh sign-in says so too.
    const again = await signedInClient(t, op.operator.id, 'anna@example.com');
    expect(again.session.termsToAccept).toEqual({ versionId: v1.id, version: 1, title: 'Terms' });

    t.clock.advance(5_000);
    const accepted = await unwrap(
      client.v1.partner.terms[':versionId'].acceptance.$post({ param: { versionId: v1.id } }),
    );
    expect(accepted).toEqual({ versionId: v1.id, version: 1, acceptedAt: '2026-11-24T10:00:05.000Z' });
    expect((await client.v1.partner.sessions.$get()).status).toBe(200);
    expect((await unwrap(client.v1.partner.profile.$get())).termsToAccept).toBeNull();

    // Accepting again changes nothing: the first time stays.
    t.clock.advance(5_000);
    const twice = await unwrap(client.v1.partner.terms[':versionId'].acceptance.$post({ param: { versionId: v1.id } }));
    expect(twice.acceptedAt).toBe('2026-11-24T10:00:05.000Z');
    const acceptances = await unwrap(
      op.client.v1.terms.versions[':versionId'].acceptances.$get({ param: { versionId: v1.id }, query: {} }),
    );
    expect(acceptances).toMatchObject({
      total: 1,
      data: [
        {
          email: 'anna@example.com',
          partnerName: 'anna@example.com GmbH',
          acceptedAt: '2026-11-24T10:00:05.000Z',
          ip: '192.0.2.1',
        },
      ],
    });
    expect(
      (await unwrap(op.client.v1.terms.versions[':versionId'].$get({ param: { versionId: v1.id } }))).acceptanceCount,
    ).toBe(1);
  });

  it('refuses an old version with 409 once newer terms exist, and shows the history with acceptances', async () => {
    await activePartner(t, op.operator.id, 'anna@example.com');
    const { client } = await signedInClient(t, op.operator.id, 'anna@example.com');
    const v1 = await publish('Terms', 'One');
    await unwrap(client.v1.partner.terms[':versionId'].acceptance.$post({ param: { versionId: v1.id } }));
    t.clock.advance(60_000);
    const v2 = await publish('Terms 2', 'Two', 'Shorter');
    const stale = await problemOf(
      await client.v1.partner.terms[':versionId'].acceptance.$post({ param: { versionId: v1.id } }),
    );
    expect(stale).toMatchObject({
      status: 409,
      code: 'conflict',
      params: { resource: 'terms_version', state: 'changed' },
    });
    expect(stale.detail).toContain('version 2');

    const history = await unwrap(client.v1.partner.terms.history.$get());
    expect(history.versions.map((v) => [v.version, v.current, v.acceptedAt])).toEqual([
      [2, true, null],
      [1, false, '2026-11-24T10:00:00.000Z'],
    ]);
    const old = await unwrap(client.v1.partner.terms[':versionId'].$get({ param: { versionId: v1.id } }));
    expect(old).toMatchObject({ version: 1, current: false, acceptedAt: '2026-11-24T10:00:00.000Z' });
    expect(old.html).toBe('<p>One</p>\n');

    const other = await t.addOperator('Other');
    const otherV = await unwrap(other.client.v1.terms.versions.$post({ json: { title: 'Other', bodyMarkdown: 'x' } }));
    expect((await client.v1.partner.terms[':versionId'].$get({ param: { versionId: otherV.id } })).status).toBe(404);
    expect(
      (await client.v1.partner.terms[':versionId'].acceptance.$post({ param: { versionId: otherV.id } })).status,
    ).toBe(404);
    expect(
      (await unwrap(op.client.v1.terms.versions[':versionId'].$get({ param: { versionId: v2.id } }))).acceptanceCount,
    ).toBe(0);
  });

  it('does not hold embed sessions (the operator’s own site answers for its terms); their profile names the terms', async () => {
    const { partnerId } = await activePartner(t, op.operator.id, 'anna@example.com');
    const v1 = await publish('Terms', 'One');
    const { owner } = await unwrap(op.client.v1.partners[':partnerId'].$get({ param: { partnerId } }));
    const minted = await unwrap(
      op.client.v1.partner_sessions.$post({ json: { userId: owner!.id, components: ['profile', 'security'] } }),
    );
    const exchanged = await unwrap(
      t.clientFor().v1.public.operators[':operatorId'].embed_sessions.exchange.$post({
        param: { operatorId: op.operator.id },
        json: { clientSecret: minted.clientSecret },
      }),
    );
    const embedded = createKabinetClient('http://kabinet.test', {
      sessionToken: exchanged.token!,
      fetch: t.fetchApp,
    });
    expect((await embedded.v1.partner.sessions.$get()).status).toBe(200);
    expect((await unwrap(embedded.v1.partner.profile.$get())).termsToAccept?.versionId).toBe(v1.id);
  });
});

describe('public terms', () => {
  it('answers the current version for the sign-up form, null without terms, 404 for an unknown operator', async () => {
    const anon = t.clientFor().v1.public.operators[':operatorId'].terms;
    expect(await unwrap(anon.$get({ param: { operatorId: op.operator.id } }))).toEqual({ current: null });
    const v1 = await publish('Terms', '**Bold**');
    const res = await unwrap(anon.$get({ param: { operatorId: op.operator.id } }));
    expect(res.current).toMatchObject({ id: v1.id, version: 1, html: '<p><strong>Bold</strong></p>\n' });
    expect((await anon.$get({ param: { operatorId: 'op_missing' } })).status).toBe(404);
  });
});
